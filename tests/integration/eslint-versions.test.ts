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

/** `.sql` files: linted only with a flat config (the guardrails/sql language needs ESLint 9.7+). */
const EXAMPLE_SQL_FILES = [
  'prisma/migrations/20260201090000_create_invoices/migration.sql',
  'prisma/migrations/20260301120000_index_invoices_by_customer/migration.sql',
  'prisma/migrations/20260302080000_index_invoices_by_status/migration.sql',
  'scripts/fix-prod.sql',
  'supabase/migrations/20260310100000_index_profiles_by_username.sql',
  'supabase/migrations/20260311100000_index_profiles_by_email.sql',
  'supabase/migrations/20260312100000_index_profiles_by_team.sql',
];
const flatConfig = (mode: Mode) => mode.env.ESLINT_USE_FLAT_CONFIG !== 'false' && mode.fixture !== 'eslint8';
const isSql = (file: string) => file.endsWith('.sql');

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
    // `.sql` files too with a flat config; eslintrc cannot lint other languages.
    const expectedFiles = flatConfig(mode) ? [...EXAMPLE_SOURCE_FILES, ...EXAMPLE_SQL_FILES].sort() : EXAMPLE_SOURCE_FILES;
    expect(run.files.filter((file) => !file.startsWith('eslint.'))).toEqual(expectedFiles);
    expect(show(run.findings)).toEqual(show(expectedFindings().filter((f) => flatConfig(mode) || !isSql(f.file))));
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
    const clean = ['apps/web/src/components/Footer.tsx', 'apps/web/src/components/SafeLink.tsx'];
    const run = runEslint(consumer, project, [...mode.args.slice(1), ...clean], mode.env);
    expect(run.fatal).toEqual([]);
    expect(run.files).toEqual(['apps/web/src/components/Footer.tsx', 'apps/web/src/components/SafeLink.tsx']);
    expect(run.findings).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});

describe.each(modes.filter(flatConfig))('$name: .sql migrations', (mode) => {
  it('lints Prisma and Supabase migrations with their runner, and .sql scripts with no-adhoc-ddl', () => {
    const consumer = consumers.get(mode.fixture) as string;
    const project = copyExample(consumer, `${mode.name.replace(/\W+/g, '-')}-sql`);
    const run = runEslint(consumer, project, [...mode.args.slice(1), 'prisma', 'supabase', 'scripts/fix-prod.sql'], mode.env);
    expect(run.fatal).toEqual([]);
    expect(run.files).toEqual(EXAMPLE_SQL_FILES);
    expect(show(run.findings)).toEqual(show(expectedFindings().filter((f) => isSql(f.file))));
    expect(run.exitCode).toBe(1);
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
