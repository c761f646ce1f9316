import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyExample, expectedFindings, packPlugin, prepareConsumer } from './harness';

/**
 * `eslint --format @microsoft/eslint-formatter-sarif` over the example monorepo,
 * as a code-scanning upload would run it: every result carries its rule's help
 * URI (our docs page) and description, and the log is valid SARIF 2.1.0.
 */
const fixtures = ['eslint9', 'eslint10'] as const;

/**
 * The SARIF 2.1.0 (rtm.5) JSON schema, the one the formatter names in `$schema`.
 * The formatter does not ship it; Microsoft's `@microsoft/jest-sarif` does. It is
 * packed from the registry at this pinned version and integrity, once, and
 * cached beside the consumer installs (nothing fetched is committed).
 */
const SCHEMA_PACKAGE = '@microsoft/jest-sarif@1.0.0-beta.0';
const SCHEMA_INTEGRITY = 'sha512-A1fOhPd6Ic5iDk4F9YPw1qNB4XF+7+IviR7xl8r2F6QzQkx5cpY9LsGk2rExiFIEcBbjpVnSmwWGBukASkiQ9A==';
const SCHEMA_FILE = 'package/lib/schemas/sarif-2.1.0-rtm.5.json';
const SCHEMA_DIR = path.join(ROOT, 'node_modules/.cache/guardrails-integration/sarif-schema');

function sarifSchema(): Record<string, unknown> {
  const schemaPath = path.join(SCHEMA_DIR, path.basename(SCHEMA_FILE));
  if (!fs.existsSync(schemaPath)) {
    const work = fs.mkdtempSync(`${SCHEMA_DIR}-`);
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work, SCHEMA_PACKAGE], {
      cwd: work,
      encoding: 'utf8',
    });
    const [info] = JSON.parse(output) as { filename: string }[];
    const tarball = path.join(work, info?.filename ?? '');
    const digest = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if (digest !== SCHEMA_INTEGRITY) throw new Error(`${SCHEMA_PACKAGE}: integrity ${digest}, expected ${SCHEMA_INTEGRITY}`);
    execFileSync('tar', ['-xzf', tarball, '-C', work, SCHEMA_FILE]);
    fs.mkdirSync(SCHEMA_DIR, { recursive: true });
    fs.renameSync(path.join(work, SCHEMA_FILE), schemaPath);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
}

/**
 * Ajv 8 reads draft-07; this schema is written as draft-04 but uses nothing
 * that differs between the two except the name of its `id` keyword. Formats
 * are checked too (`helpUri` must be a URI).
 */
function compileSarifSchema() {
  const schema = sarifSchema();
  const { id, ...rest } = schema;
  delete rest.$schema;
  // Its patterns are written for non-Unicode regular expressions (one has a stray `]`), as draft-04 validators read them.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value));
  return ajv.compile({ ...rest, $id: String(id) });
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

let tarball = '';
let validate: ReturnType<typeof compileSarifSchema>;
beforeAll(() => {
  tarball = packPlugin();
  validate = compileSarifSchema();
});

describe.each(fixtures)('%s with the SARIF formatter', (fixture) => {
  let consumer = '';
  let project = '';
  let log: SarifLog;
  let plugin: { rules: Record<string, { meta: { docs: { url: string; description: string } } }> };

  beforeAll(() => {
    consumer = prepareConsumer(fixture, tarball, 'sarif');
    project = copyExample(consumer, 'sarif');
    const output = path.join(project, 'eslint.sarif');
    const bin = path.join(consumer, 'node_modules/eslint/bin/eslint.js');
    const result = spawnSync(process.execPath, [bin, '.', '--format', '@microsoft/eslint-formatter-sarif', '--output-file', output], {
      cwd: project,
      encoding: 'utf8',
    });
    if (result.status !== 1) throw new Error(`ESLint exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    log = JSON.parse(fs.readFileSync(output, 'utf8')) as SarifLog;
    plugin = createRequire(path.join(consumer, 'package.json'))('eslint-plugin-guardrails') as typeof plugin;
  });

  it('writes a log that validates against the SARIF 2.1.0 schema', () => {
    expect(log.version).toBe('2.1.0');
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('holds exactly the findings the example plants', () => {
    const [run] = log.runs;
    const found = (run?.results ?? []).map((result) => {
      const location = result.locations[0]?.physicalLocation;
      const file = path.relative(project, fileURLToPath(location?.artifactLocation.uri ?? '')).split(path.sep).join('/');
      return `${file}:${location?.region.startLine} ${result.ruleId}`;
    });
    const planted = expectedFindings().map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);
    expect(found.sort()).toEqual(planted.sort());
  });

  it('describes each result by its rule: help URI (the docs page) and description', () => {
    const [run] = log.runs;
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const result of run?.results ?? []) {
      const descriptor = rules[result.ruleIndex];
      expect(descriptor?.id).toBe(result.ruleId);
      const name = result.ruleId.replace(/^guardrails\//, '');
      const meta = plugin.rules[name]?.meta;
      expect(descriptor?.helpUri).toBe(meta?.docs.url);
      expect(descriptor?.shortDescription?.text).toBe(meta?.docs.description);
      expect(result.level).toBe('error');
      expect(result.message.text).toMatch(/\.$/);
    }
    for (const descriptor of rules) {
      // The help URI is this repository's docs page for the rule, and that page exists.
      const docsPath = new URL(descriptor.helpUri ?? '').pathname.split('/blob/main/')[1] ?? '';
      expect(docsPath).toBe(`docs/rules/${descriptor.id.replace(/^guardrails\//, '')}.md`);
      expect(fs.existsSync(path.join(ROOT, docsPath))).toBe(true);
    }
  });
});
