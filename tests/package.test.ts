/**
 * Consistency of the package as users meet it: the built plugin object, its
 * configs in both systems, rule files ↔ index ↔ docs ↔ tests, and rule metadata.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL } from '../src/util/create-rule';

const ROOT = path.resolve(__dirname, '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
// The built artifact, loaded the way ESLint loads it (`require` of the package name).
const plugin = requireFromRoot('eslint-plugin-guardrails') as {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, TSESLint.RuleModule<string, unknown[]> & { meta: TSESLint.RuleMetaData<string, { recommended?: boolean }> }>;
  configs: Record<string, Record<string, unknown>>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: unknown;
};

const namesIn = (dir: string, suffix: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((file) => file.endsWith(suffix) && file !== 'index.ts')
    .map((file) => file.slice(0, -suffix.length))
    .sort();

const ruleNames = Object.keys(plugin.rules).sort();
const configNames = ['recommended', 'web', 'scripts'];

describe('plugin object', () => {
  it('takes meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'guardrails' });
  });

  it('is the same object for require and import (CJS only, one instance)', () => {
    // A plain Node process: vitest's own module loader would not share Node's require cache.
    const script = [
      "const required = require('eslint-plugin-guardrails');",
      "import('eslint-plugin-guardrails').then((m) => console.log(m.default === required && m.default.meta.namespace));",
    ].join('\n');
    const output = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(output.trim()).toBe('guardrails');
  });

  it('has exactly a legacy and a flat config per config name', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(
      configNames.flatMap((name) => [name, `flat/${name}`]).sort(),
    );
  });
});

describe('rule files, index, docs and tests agree', () => {
  it('every rule file is in the index and nothing else is', () => {
    expect(namesIn('src/rules', '.ts')).toEqual(ruleNames);
  });
  it('every rule has a doc page', () => {
    expect(namesIn('docs/rules', '.md')).toEqual(ruleNames);
  });
  it('every rule has a test file', () => {
    expect(namesIn('tests/rules', '.test.ts')).toEqual(ruleNames);
  });
  it('every rule is documented in the README rule table', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of ruleNames) expect(readme).toContain(`[${name}](docs/rules/${name}.md)`);
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = plugin.rules[name];
  if (!rule) throw new Error(name);
  const { meta } = rule;

  it('has a description that starts with Enforce/Require/Disallow and no trailing period', () => {
    expect(meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) [^]*[^.]$/);
  });

  it('links its doc page', () => {
    expect(meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
  });

  it('links a doc page that exists, in this repository (SARIF help URIs and editors open it)', () => {
    const url = new URL(meta.docs?.url ?? '');
    expect(`${url.origin}${url.pathname}`.startsWith(`${REPOSITORY_URL}/blob/main/`)).toBe(true);
    const file = url.pathname.slice(new URL(REPOSITORY_URL).pathname.length + '/blob/main/'.length);
    expect(file).toBe(`docs/rules/${name}.md`);
    expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
  });

  it('words every message as sentences ending with a period', () => {
    const messages = Object.entries(meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [id, message] of messages) {
      expect(id).toMatch(/^[a-z][a-zA-Z]*$/);
      expect(message, id).toMatch(/^[A-Z`{<]/);
      expect(message, id).toMatch(/\.$/);
    }
  });

  it('has a schema that compiles, accepts its defaults and rejects unknown options', () => {
    const linter = new Linter({ configType: 'flat' });
    const run = (options: unknown[]) =>
      linter.verify('const x = 1;', {
        plugins: { guardrails: plugin as unknown as ESLint.Plugin },
        rules: { [`guardrails/${name}`]: ['error', ...options] },
      });
    expect(run([])).toEqual([]);
    expect(run(meta.defaultOptions ?? [])).toEqual([]);
    if (Array.isArray(meta.schema) && meta.schema.length > 0) {
      expect(() => run([{ notAnOption: true }])).toThrow(/notAnOption|additional properties/i);
    }
  });

  it('is in the recommended config exactly when its docs say so', () => {
    const inRecommended = (plugin.configs.recommended?.rules as Record<string, string>)[`guardrails/${name}`];
    expect(Boolean(inRecommended)).toBe(Boolean(meta.docs?.recommended));
  });
});

describe.each(configNames)('config %s', (name) => {
  const legacy = plugin.configs[name] as { plugins: string[]; rules: Record<string, string> };
  interface FlatConfig { name: string; files: string[]; plugins: Record<string, unknown>; rules: Record<string, string>; language?: string }
  const flatConfig = plugin.configs[`flat/${name}`] as unknown as FlatConfig | FlatConfig[];
  // `recommended` and `scripts` are [JS/TS entry, .sql entry]; `web` is one object.
  const [flat, sqlEntry] = (Array.isArray(flatConfig) ? flatConfig : [flatConfig]) as [FlatConfig, FlatConfig | undefined];

  it('legacy and flat enable the same rules, as errors, and only rules that exist', () => {
    expect(flat.rules).toEqual(legacy.rules);
    expect(Object.keys(legacy.rules).length).toBeGreaterThan(0);
    for (const [rule, severity] of Object.entries(legacy.rules)) {
      expect(severity).toBe('error');
      expect(ruleNames).toContain(rule.replace(/^guardrails\//, ''));
    }
    expect(legacy.plugins).toEqual(['guardrails']);
  });

  it('the flat config is named and holds the exported plugin object itself', () => {
    expect(flat.name).toBe(`guardrails/${name}`);
    expect(flat.plugins.guardrails).toBe(plugin);
    const templates = name === 'scripts' ? [] : ['!!**/*.{vue,svelte,astro,mdx}'];
    expect(flat.files).toEqual(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', ...templates]);
  });

  it('lints .sql files with the guardrails/sql language, with the SQL rules only, in recommended and scripts', () => {
    if (name === 'web') {
      expect(sqlEntry).toBeUndefined();
      return;
    }
    expect(sqlEntry).toEqual({
      name: `guardrails/${name}/sql`,
      files: ['**/*.sql'],
      plugins: { guardrails: plugin },
      language: 'guardrails/sql',
      // Every rule of the config but the JS-only ones (they declare languages without `guardrails/sql`).
      rules: Object.fromEntries(
        Object.entries(legacy.rules).filter(([rule]) => !['guardrails/no-raw-external-anchor', 'guardrails/require-seed-transaction'].includes(rule)),
      ),
    });
    expect(sqlEntry?.plugins.guardrails).toBe(plugin);
  });

  it('resolves with ESLint#calculateConfigForFile when spread into a flat config', async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: (Array.isArray(flatConfig) ? flatConfig : [flatConfig]) as unknown as Linter.Config[],
    });
    const config = (await eslint.calculateConfigForFile('src/some-file.tsx')) as { rules: Record<string, unknown> };
    for (const rule of Object.keys(legacy.rules)) expect((config.rules[rule] as unknown[])[0]).toBe(2);
  });

  it('keeps its name through defineConfig, where the config inspector and error messages show it', () => {
    const entries = [flat, ...(sqlEntry ? [sqlEntry] : [])];
    // String extends: ESLint names an array config's entries `<extends>[i]`, an object by its own name.
    const byString = defineConfig({ name: 'app', plugins: { guardrails: plugin as unknown as ESLint.Plugin }, extends: [`guardrails/${name}`] });
    expect(byString.map((config) => config.name)).toEqual([
      ...(sqlEntry ? entries.map((_, index) => `app > guardrails/${name}[${index}]`) : [`app > guardrails/${name}`]),
      'app',
    ]);
    const byObject = defineConfig({ name: 'app', extends: [plugin.configs[`flat/${name}`] as unknown as Linter.Config] });
    expect(byObject.map((config) => config.name)).toEqual(entries.map((entry) => `app > ${entry.name}`));
    const spread = defineConfig(entries as unknown as Linter.Config[]);
    expect(spread.map((config) => config.name)).toEqual(entries.map((entry) => entry.name));
    expect(entries[0]?.name).toBe(`guardrails/${name}`);
  });

  it('resolves through defineConfig({ extends: ["guardrails/<name>"] })', async () => {
    const configs = defineConfig({ plugins: { guardrails: plugin as unknown as ESLint.Plugin }, extends: [`guardrails/${name}`] });
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: configs });
    const config = (await eslint.calculateConfigForFile('scripts/x.ts')) as { rules: Record<string, unknown> };
    for (const rule of Object.keys(legacy.rules)) expect((config.rules[rule] as unknown[])[0]).toBe(2);
  });
});
