import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
  'apps/web/src/lib/analytics.ts',
  'apps/web/src/pages/blog/[slug].tsx',
  'apps/web/src/pages/index.tsx',
  'apps/web/src/pages/partners.tsx',
  'apps/web/src/server/sessions.ts',
  'infra/migrations/versions/001_create_users.ts',
  'infra/migrations/versions/002_add_verified_email.ts',
  'infra/migrations/versions/003_add_user_phone.ts',
  'infra/migrations/versions/003_index_orders_by_customer.ts',
  'scripts/backfill-user-emails.ts',
  'scripts/reset-test-db.js',
  'scripts/seed.ts',
];

const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

describe.each(modes)('$name', (mode) => {
  it('reports exactly the findings the example plants, and exits 1', () => {
    const consumer = consumers.get(mode.fixture) as string;
    const project = copyExample(consumer, mode.name.replace(/\W+/g, '-'));
    const run = runEslint(consumer, project, mode.args, mode.env);
    expect(run.fatal).toEqual([]);
    // TS, TSX and JS files of every workspace are linted, whatever the config system
    // (the root's own config files differ per system and are left out of the comparison).
    expect(run.files.filter((file) => !file.startsWith('eslint.'))).toEqual(EXAMPLE_SOURCE_FILES);
    expect(show(run.findings)).toEqual(show(expectedFindings()));
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
      'infra/migrations/versions/003_add_user_phone.ts',
      'infra/migrations/versions/003_index_orders_by_customer.ts',
    ]);
    expect(show(run.findings)).toEqual(show(expectedFindings().filter((f) => f.file.startsWith('infra/'))));
    expect(run.findings.map((f) => f.ruleId)).not.toContain('guardrails/no-adhoc-ddl');
    expect(run.exitCode).toBe(1);
  });

  it('exits 0 when nothing is wrong (SafeLink itself and a component that uses it)', () => {
    const consumer = consumers.get(mode.fixture) as string;
    const project = copyExample(consumer, `${mode.name.replace(/\W+/g, '-')}-clean`);
    const clean = ['apps/web/src/components/Footer.tsx', 'apps/web/src/components/SafeLink.tsx'];
    const run = runEslint(consumer, project, [...mode.args.slice(1), ...clean], mode.env);
    expect(run.fatal).toEqual([]);
    expect(run.files).toEqual(['apps/web/src/components/Footer.tsx', 'apps/web/src/components/SafeLink.tsx']);
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
    expect(fs.readdirSync(`${installed}/dist`).sort()).toEqual(['guardrails-migrations.js', 'index.d.ts', 'index.js']);
  });
});

describe('the guardrails-migrations bin, from the installed package', () => {
  const bin = (consumer: string, args: string[], cwd: string) =>
    spawnSync(path.join(consumer, 'node_modules/.bin/guardrails-migrations'), args, { cwd, encoding: 'utf8' });

  it('checks the example: exit 1 with the planted 003 pair, then 0 once one is renumbered and recorded', () => {
    const consumer = consumers.get('eslint10') as string;
    const project = copyExample(consumer, 'history-bin');
    const folder = 'infra/migrations/versions';
    const check = bin(consumer, ['check', folder], project);
    expect(check.stdout.trimEnd().split('\n')).toEqual([
      `${folder}/003_add_user_phone.ts: claims version 003, like 003_index_orders_by_customer.ts; the order between them is an accident. Give the one that has not shipped a later version.`,
      `${folder}/003_index_orders_by_customer.ts: claims version 003, like 003_add_user_phone.ts; the order between them is an accident. Give the one that has not shipped a later version.`,
    ]);
    expect(check.status).toBe(1);
    fs.renameSync(path.join(project, folder, '003_add_user_phone.ts'), path.join(project, folder, '004_add_user_phone.ts'));
    const record = bin(consumer, ['record', folder], project);
    expect(record.stdout).toBe(`${folder}/.guardrails.sum: updated, 4 migrations recorded (added 003_index_orders_by_customer.ts, 004_add_user_phone.ts).\n`);
    expect(record.status).toBe(0);
    expect(bin(consumer, ['check', folder], project).status).toBe(0);
    // Now shipped, the unsafe 003 is baselined; an edit brings both findings back.
    const edited = path.join(project, folder, '003_index_orders_by_customer.ts');
    fs.appendFileSync(edited, '// edited after shipping\n');
    const run = runEslint(consumer, project, [folder], {});
    expect(show(run.findings)).toEqual([
      `${folder}/003_index_orders_by_customer.ts:1 guardrails/no-modified-migration`,
      `${folder}/003_index_orders_by_customer.ts:7 guardrails/require-concurrent-index`,
      `${folder}/003_index_orders_by_customer.ts:11 guardrails/require-concurrent-index`,
    ]);
  });

  it('prints help and exits 0; bad usage exits 2 without a stack trace', () => {
    const consumer = consumers.get('eslint8') as string;
    const help = bin(consumer, ['--help'], consumer);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: guardrails-migrations/);
    const bad = bin(consumer, ['check', 'no/such/folder'], consumer);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('guardrails-migrations: `no/such/folder` does not exist; give the folder that holds the migrations.\n');
  });
});
