import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, expectedFindings, packPlugin, prepareConsumer } from './harness';

/**
 * Oxlint's JS plugins (`jsPlugins` in `.oxlintrc.json`) run ESLint rules on
 * Oxlint's own parser and scope analysis. On every JS/TS/JSX file of the example
 * monorepo, the packed plugin under Oxlint must report exactly what it reports
 * under ESLint: rule, message and range, with the same options and settings.
 * Suggestions are not compared: Oxlint's JSON output does not carry them.
 */

/** What Oxlint parses itself; other files (`.sql`, templates, Markdown) are ESLint-only (see the README). */
const OXLINT_FILES = /\.(?:[cm]?[jt]sx?)$/;
const TEMPLATE_FILES = /\.(?:vue|svelte|astro)$/;

interface Finding {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const show = (findings: Finding[]) =>
  findings
    .map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`)
    .sort();

function eslint(consumer: string, project: string, args: string[]): { findings: Finding[]; files: string[] } {
  const bin = path.join(consumer, 'node_modules/eslint/bin/eslint.js');
  const result = spawnSync(process.execPath, [bin, '--format', 'json', ...args, '.'], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(result.stdout || '[]') as {
    filePath: string;
    messages: (Omit<Finding, 'file'> & { fatal?: boolean })[];
  }[];
  if (parsed.length === 0) throw new Error(`ESLint printed no JSON (exit ${result.status}):\n${result.stderr}`);
  const files = parsed.map((file) => path.relative(project, file.filePath).split(path.sep).join('/'));
  const findings = parsed.flatMap((file, index) =>
    file.messages.map(({ ruleId, line, column, endLine, endColumn, message, fatal }) => {
      if (fatal) throw new Error(`${files[index]}: ${message}`);
      return { file: files[index] ?? '', ruleId, line, column, endLine, endColumn, message };
    }),
  );
  return { findings, files };
}

interface OxlintRun {
  status: number | null;
  stderr: string;
  findings: Finding[];
  /** Diagnostics that are not a guardrails rule's report (Oxlint's own rules are ignored here). */
  other: string[];
}

/** Line and column (both 1-based, column in UTF-16 units as ESLint counts) of a UTF-8 byte offset. */
function position(source: Buffer, byteOffset: number): { line: number; column: number } {
  const before = source.subarray(0, byteOffset).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function oxlint(consumer: string, project: string, config: string, files: string[]): OxlintRun {
  const bin = path.join(consumer, 'node_modules/oxlint/bin/oxlint');
  // Files are passed by name: Oxlint skips any directory walk below a `node_modules`
  // folder, and these consumer projects live in one (a cache).
  const result = spawnSync(process.execPath, [bin, '--config', config, '--format', 'json', ...files], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let parsed: { diagnostics: { message: string; code: string; filename: string; labels: { span: { offset: number; length: number } }[] }[] };
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    throw new Error(`Oxlint printed no JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const findings: Finding[] = [];
  const other: string[] = [];
  for (const diagnostic of parsed.diagnostics) {
    const rule = /^guardrails\((.+)\)$/.exec(diagnostic.code)?.[1];
    const span = diagnostic.labels[0]?.span;
    if (!rule || !span) {
      if (!diagnostic.code.startsWith('eslint(') && !diagnostic.code.startsWith('oxc(')) {
        other.push(`${diagnostic.filename}: ${diagnostic.code} ${diagnostic.message}`);
      }
      continue;
    }
    const source = fs.readFileSync(path.join(project, diagnostic.filename));
    const start = position(source, span.offset);
    const end = position(source, span.offset + span.length);
    findings.push({
      file: diagnostic.filename,
      ruleId: `guardrails/${rule}`,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: diagnostic.message,
    });
  }
  return { status: result.status, stderr: result.stderr, findings, other };
}

/**
 * One configuration written for both tools: options for every rule and the
 * shared `settings`, so a rule that ignored either under Oxlint would differ.
 */
const TUNED = {
  settings: {
    guardrails: { migrations: ['infra/migrations/**', 'scripts/backfill-user-emails.ts'] },
  },
  rules: {
    'guardrails/no-adhoc-ddl': ['error', { allow: ['TRUNCATE'], schemaApis: false }],
    'guardrails/no-raw-external-anchor': [
      'error',
      { allowedHosts: ['docs.acme-partner.example'], unknownHref: 'ignore', importSource: '@/components/SafeLink' },
    ],
    'guardrails/require-concurrent-index': ['error', { runner: 'knex' }],
  },
};

function writeTunedConfigs(project: string): void {
  fs.writeFileSync(
    path.join(project, 'eslint.tuned.config.mjs'),
    [
      "import tsParser from '@typescript-eslint/parser';",
      "import guardrails from 'eslint-plugin-guardrails';",
      'export default [',
      "  { ignores: ['**/node_modules/**'] },",
      "  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },",
      "  { files: ['**/*.{jsx,tsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },",
      '  {',
      "    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],",
      '    plugins: { guardrails },',
      `    settings: ${JSON.stringify(TUNED.settings)},`,
      `    rules: ${JSON.stringify(TUNED.rules)},`,
      '  },',
      '];',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(project, 'oxlint.tuned.json'),
    JSON.stringify({ jsPlugins: ['eslint-plugin-guardrails'], settings: TUNED.settings, rules: TUNED.rules }, null, 2),
  );
}

describe('Oxlint with jsPlugins: ["eslint-plugin-guardrails"]', () => {
  let consumer = '';
  let project = '';
  let jsFiles: string[] = [];

  beforeAll(() => {
    // ESLint 10's consumer: its lockfile pins oxlint too.
    consumer = prepareConsumer('eslint10', packPlugin(), 'oxlint');
    project = copyExample(consumer, 'oxlint');
    writeTunedConfigs(project);
  });

  it("reports on the example's JS/TS/JSX files exactly what ESLint reports with the example's configs", () => {
    const reference = eslint(consumer, project, []);
    jsFiles = reference.files.filter((file) => OXLINT_FILES.test(file) && !file.startsWith('eslint.'));
    expect(jsFiles.length).toBeGreaterThan(0);
    const expected = reference.findings.filter((finding) => jsFiles.includes(finding.file));
    // The example's planted JS findings, so this comparison is not vacuous.
    const planted = expectedFindings().filter((finding) => jsFiles.includes(finding.file));
    expect(expected.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(
      planted.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort(),
    );

    const run = oxlint(consumer, project, '.oxlintrc.json', jsFiles);
    expect(run.stderr).toBe('');
    expect(run.other).toEqual([]);
    expect(show(run.findings)).toEqual(show(expected));
    expect(run.status).toBe(1);
  }, 120_000);

  it('reads rule options and settings.guardrails as ESLint does', () => {
    const reference = eslint(consumer, project, ['--config', 'eslint.tuned.config.mjs']);
    const files = reference.files.filter((file) => OXLINT_FILES.test(file) && !file.startsWith('eslint.'));
    const expected = reference.findings.filter((finding) => files.includes(finding.file));
    // The options and settings change the findings (else this would prove nothing).
    const defaults = expectedFindings().filter((finding) => files.includes(finding.file));
    expect(show(expected)).not.toEqual(show(defaults as Finding[]));

    const run = oxlint(consumer, project, 'oxlint.tuned.json', files);
    expect(run.stderr).toBe('');
    expect(run.other).toEqual([]);
    expect(show(run.findings)).toEqual(show(expected));
  }, 120_000);

  it('rejects bad options with a schema error naming the option, before linting', () => {
    const config = path.join(project, 'oxlint.bad.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        jsPlugins: ['eslint-plugin-guardrails'],
        rules: { 'guardrails/no-raw-external-anchor': ['error', { unknownHref: 'sometimes' }] },
      }),
    );
    const bin = path.join(consumer, 'node_modules/oxlint/bin/oxlint');
    const result = spawnSync(process.execPath, [bin, '--config', config, 'apps/web/src/pages/index.tsx'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`).toMatch(/guardrails\/no-raw-external-anchor[^]*unknownHref/);
    expect(result.status).not.toBe(0);
  }, 120_000);

  it('honours eslint-disable comments as ESLint does', () => {
    const file = 'apps/web/src/pages/disabled.tsx';
    fs.writeFileSync(
      path.join(project, file),
      [
        'export const Links = () => (',
        '  <p>',
        '    {/* eslint-disable-next-line guardrails/no-raw-external-anchor -- reviewed: partner contract */}',
        '    <a href="https://partners.example.com">partners</a>',
        '    <a href="https://jobs.example.com">jobs</a>',
        '  </p>',
        ');',
        '',
      ].join('\n'),
    );
    const reference = eslint(consumer, project, []).findings.filter((finding) => finding.file === file);
    expect(reference.map((finding) => finding.line)).toEqual([5]);
    const run = oxlint(consumer, project, '.oxlintrc.json', [file]);
    expect(run.stderr).toBe('');
    expect(show(run.findings)).toEqual(show(reference));
  }, 120_000);

  it('gets through template files (.vue, .svelte, .astro) without a crash', () => {
    // Oxlint lints only their <script> parts, without the template parsers' services:
    // template links are ESLint-only (the README's compatibility table says so).
    const dir = path.join(project, 'apps/web/src/templates');
    fs.mkdirSync(dir, { recursive: true });
    const files: Record<string, string> = {
      'Card.vue': '<script setup lang="ts">\nconst docs = "https://docs.example.com";\n</script>\n<template><a :href="docs">docs</a></template>\n',
      'Card.svelte': '<script>\n  const docs = "https://docs.example.com";\n</script>\n<a href={docs}>docs</a>\n',
      'Card.astro': '---\nconst docs = "https://docs.example.com";\n---\n<a href={docs}>docs</a>\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const names = Object.keys(files).map((name) => `apps/web/src/templates/${name}`);
    expect(names.every((name) => TEMPLATE_FILES.test(name))).toBe(true);
    const run = oxlint(consumer, project, '.oxlintrc.json', names);
    expect(run.stderr).toBe('');
    expect(run.other).toEqual([]);
    expect(run.status).toBe(0);
  }, 120_000);
});
