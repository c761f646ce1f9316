import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from './harness';
import { copyExample, expectedFindings, packPlugin, prepareConsumer, runEslint } from './harness';

/**
 * The packed tarball, installed into a consumer project per ESLint version,
 * linting the example monorepo through that version's own config system.
 * Every mode must report exactly what the example plants.
 */
interface Mode {
  fixture: 'eslint8' | 'eslint9' | 'eslint10';
  name: string;
  args: string[];
  env: Record<string, string>;
}

const modes: Mode[] = [
  { fixture: 'eslint8', name: 'ESLint 8.57 with .eslintrc', args: ['.'], env: { ESLINT_USE_FLAT_CONFIG: 'false' } },
  { fixture: 'eslint9', name: 'ESLint 9 flat config (spread)', args: ['.'], env: { ESLINT_USE_FLAT_CONFIG: 'true' } },
  {
    fixture: 'eslint9',
    name: 'ESLint 9 flat config (defineConfig extends)',
    args: ['.', '--config', 'eslint.define-config.mjs'],
    env: { ESLINT_USE_FLAT_CONFIG: 'true' },
  },
  { fixture: 'eslint9', name: 'ESLint 9 in eslintrc mode', args: ['.'], env: { ESLINT_USE_FLAT_CONFIG: 'false' } },
  { fixture: 'eslint10', name: 'ESLint 10 flat config (spread)', args: ['.'], env: {} },
  {
    fixture: 'eslint10',
    name: 'ESLint 10 flat config (defineConfig extends)',
    args: ['.', '--config', 'eslint.define-config.mjs'],
    env: {},
  },
];

let tarball = '';
const consumers = new Map<Mode['fixture'], string>();

beforeAll(() => {
  tarball = packPlugin();
  for (const fixture of new Set(modes.map((mode) => mode.fixture))) {
    consumers.set(fixture, prepareConsumer(fixture, tarball, 'cli'));
  }
});

const EXAMPLE_SOURCE_FILES = [
  'apps/web/src/components/BookDemo.tsx',
  'apps/web/src/components/Footer.tsx',
  'apps/web/src/components/PartnerBadge.tsx',
  'apps/web/src/components/SafeLink.tsx',
  'apps/web/src/components/SafeLink.vue',
  'apps/web/src/lib/analytics.ts',
  'apps/web/src/pages/blog/[slug].tsx',
  'apps/web/src/pages/blog/launch.mdx',
  'apps/web/src/pages/changelog.svelte',
  'apps/web/src/pages/index.tsx',
  'apps/web/src/pages/partners.tsx',
  'apps/web/src/pages/press.astro',
  'apps/web/src/pages/pricing.vue',
  'apps/web/src/server/sessions.ts',
  'infra/migrations/versions/001_create_users.ts',
  'infra/migrations/versions/002_add_verified_email.ts',
  'infra/migrations/versions/003_index_orders_by_customer.ts',
  'scripts/backfill-user-emails.ts',
  'scripts/reset-test-db.js',
  'scripts/seed.ts',
];

/**
 * Vue, Svelte, Astro and MDX pages are linted where a flat config gives them their
 * parser (the example's does; the eslint9/eslint10 consumers have the parsers). The
 * example's `.eslintrc.json` names no template parser, so eslintrc modes skip them.
 */
const TEMPLATE_FILE = /\.(?:vue|svelte|astro|mdx)$/u;
const usesFlatConfig = (mode: Mode) => mode.env.ESLINT_USE_FLAT_CONFIG !== 'false';
const forMode = <T>(mode: Mode, items: T[], file: (item: T) => string) =>
  usesFlatConfig(mode) ? items : items.filter((item) => !TEMPLATE_FILE.test(file(item)));

const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

// Each run spawns the ESLint CLI; flat modes also load four template parsers (and TypeScript
// through each), which takes longer than the default test timeout on a busy machine.
describe.each(modes)('$name', { timeout: 180_000 }, (mode) => {
  it('reports exactly the findings the example plants, and exits 1', () => {
    const consumer = consumers.get(mode.fixture) as string;
    const project = copyExample(consumer, mode.name.replace(/\W+/g, '-'));
    const run = runEslint(consumer, project, mode.args, mode.env);
    expect(run.fatal).toEqual([]);
    // TS, TSX and JS files of every workspace are linted, whatever the config system
    // (the root's own config files differ per system and are left out of the comparison).
    expect(run.files.filter((file) => !file.startsWith('eslint.'))).toEqual(forMode(mode, EXAMPLE_SOURCE_FILES, (file) => file));
    expect(show(run.findings)).toEqual(show(forMode(mode, expectedFindings(), (finding) => finding.file)));
    expect(run.exitCode).toBe(1);
  });

  it('exempts the migrations from no-adhoc-ddl and checks their index safety', () => {
    const consumer = consumers.get(mode.fixture) as string;
    const project = copyExample(consumer, `${mode.name.replace(/\W+/g, '-')}-migrations`);
    const run = runEslint(consumer, project, [...mode.args.slice(1), 'infra'], mode.env);
    expect(run.fatal).toEqual([]);
    expect(run.files).toEqual([
      'infra/migrations/versions/001_create_users.ts',
      'infra/migrations/versions/002_add_verified_email.ts',
      'infra/migrations/versions/003_index_orders_by_customer.ts',
    ]);
    expect(show(run.findings)).toEqual(show(expectedFindings().filter((f) => f.file.startsWith('infra/'))));
    expect(run.findings.map((f) => f.ruleId)).not.toContain('guardrails/no-adhoc-ddl');
    expect(run.exitCode).toBe(1);
  });

  it('exits 0 when nothing is wrong (SafeLink itself and a component that uses it)', () => {
    const consumer = consumers.get(mode.fixture) as string;
    const project = copyExample(consumer, `${mode.name.replace(/\W+/g, '-')}-clean`);
    const clean = forMode(mode, ['apps/web/src/components/Footer.tsx', 'apps/web/src/components/SafeLink.tsx', 'apps/web/src/components/SafeLink.vue'], (file) => file);
    const run = runEslint(consumer, project, [...mode.args.slice(1), ...clean], mode.env);
    expect(run.fatal).toEqual([]);
    expect(run.files).toEqual(clean);
    expect(run.findings).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});

describe('the packed tarball', () => {
  it('holds only dist, README, LICENSE and package.json', () => {
    const consumer = consumers.get('eslint10') as string;
    const installed = `${consumer}/node_modules/eslint-plugin-guardrails`;
    const files = fs.readdirSync(installed).sort();
    expect(files).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
    expect(fs.readdirSync(`${installed}/dist`).sort()).toEqual(['index.d.ts', 'index.js']);
  });
});
