import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../../src/index';
import { lint, makeProject, removeProject, ROOT, runBin, writeFiles } from './harness';

/**
 * What a careless branch does to a recorded folder, end to end: the real bin
 * (built dist/) records and checks, the real ESLint class lints.
 */
const knex = (sql: string) => `import type { Knex } from 'knex';\n\nexport async function up(knex: Knex): Promise<void> {\n  await knex.raw('${sql}');\n}\n`;
const FILES = {
  'db/migrations/001_users.ts': knex('CREATE TABLE users (id bigint)'),
  'db/migrations/002_orders.ts': knex('CREATE TABLE orders (id bigint, user_id bigint)'),
  // Unsafe, but shipped: once recorded, the baseline keeps require-concurrent-index quiet on it.
  'db/migrations/003_orders_user_idx.ts': knex('CREATE INDEX orders_user_idx ON orders (user_id)'),
};
const DIR = 'db/migrations';
const RECORD = 'db/migrations/.guardrails.sum';
const short = (findings: { file: string; line: number; ruleId: string | null }[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

let project = '';
afterEach(() => { removeProject(project); });

function recorded(): string {
  project = makeProject(FILES);
  const run = runBin(['record', DIR], project);
  expect(run).toEqual({ status: 0, stdout: `${RECORD}: created, 3 migrations recorded (added 001_users.ts, 002_orders.ts, 003_orders_user_idx.ts).\n`, stderr: '' });
  return project;
}

describe('starting a record', () => {
  it('without a record, no-modified-migration is silent and require-concurrent-index reports the unsafe index', async () => {
    project = makeProject(FILES);
    expect(short(await lint(project))).toEqual(['db/migrations/003_orders_user_idx.ts:4 guardrails/require-concurrent-index']);
    const check = runBin(['check', DIR], project);
    expect(check.status).toBe(2);
    expect(check.stderr).toBe(`${RECORD}: no record in this folder. Start one with \`guardrails-migrations record ${DIR}\`.\n`);
  });

  it('`record` writes a deterministic record; the shipped migrations are then baselined', async () => {
    recorded();
    const text = fs.readFileSync(path.join(project, RECORD), 'utf8');
    expect(text.split('\n').slice(3, 6).map((line) => line.split(' ')[0])).toEqual(['001_users.ts', '002_orders.ts', '003_orders_user_idx.ts']);
    // Recording again changes nothing.
    expect(runBin(['record', DIR], project).stdout).toBe(`${RECORD}: up to date, 3 migrations recorded (no new migrations).\n`);
    expect(fs.readFileSync(path.join(project, RECORD), 'utf8')).toBe(text);
    expect(await lint(project)).toEqual([]);
    expect(runBin(['check', DIR], project)).toEqual({
      status: 0,
      stdout: 'guardrails-migrations: 3 recorded migrations in 1 folder: all present, unchanged and in order.\n',
      stderr: '',
    });
  });

  it('a new migration is appended at the end by the next `record`', async () => {
    recorded();
    writeFiles(project, { 'db/migrations/004_invoices.ts': knex('CREATE TABLE invoices (id bigint)') });
    expect(await lint(project)).toEqual([]);
    expect(runBin(['check', DIR], project).status).toBe(0);
    expect(runBin(['record', DIR], project).stdout).toBe(`${RECORD}: updated, 4 migrations recorded (added 004_invoices.ts).\n`);
    expect(fs.readFileSync(path.join(project, RECORD), 'utf8').trimEnd().split('\n').at(-1)).toMatch(/^004_invoices\.ts [0-9a-f]{64} [0-9a-f]{16}$/);
  });
});

describe('what a careless branch does', () => {
  it('edit: reported by the rule and by `check`; the edit also un-baselines the file', async () => {
    recorded();
    const file = path.join(project, 'db/migrations/003_orders_user_idx.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('(user_id)', '(user_id, id)'));
    expect(short(await lint(project))).toEqual([
      'db/migrations/003_orders_user_idx.ts:1 guardrails/no-modified-migration',
      'db/migrations/003_orders_user_idx.ts:4 guardrails/require-concurrent-index',
    ]);
    const check = runBin(['check', DIR], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(
      'db/migrations/003_orders_user_idx.ts: edited after it shipped (its content no longer matches .guardrails.sum); databases that ran it never run the change. Undo the edit and add a new migration (or accept it on purpose: `guardrails-migrations record --accept db/migrations/003_orders_user_idx.ts db/migrations`).\n',
    );
    expect(check.stderr).toBe('guardrails-migrations: 1 problem found.\n');
    // `record` refuses to re-hash it silently…
    const refused = runBin(['record', DIR], project);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nothing was written');
    // …until accepted, with a message saying what that means.
    const accepted = runBin(['record', '--accept', 'db/migrations/003_orders_user_idx.ts', DIR], project);
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toContain('accepted the edit; the record now holds its new content. Databases that already ran it keep the old version and will not run the new one.');
    expect(runBin(['check', DIR], project).status).toBe(0);
    expect(await lint(project)).toEqual([]);
  });

  it('an edit in the editor buffer counts before it is saved', async () => {
    recorded();
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { guardrails: plugin as unknown as ESLint.Plugin },
          rules: { 'guardrails/no-modified-migration': 'error', 'guardrails/require-concurrent-index': 'error' },
        },
      ],
    });
    const filePath = path.join(project, 'db/migrations/003_orders_user_idx.ts');
    const saved = fs.readFileSync(filePath, 'utf8');
    expect((await eslint.lintText(saved, { filePath }))[0]?.messages).toEqual([]);
    const [result] = await eslint.lintText(`${saved}// one more line\n`, { filePath });
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['guardrails/no-modified-migration', 'guardrails/require-concurrent-index']);
  });

  it('delete: reported on the newest migration, and by `check`', async () => {
    recorded();
    fs.rmSync(path.join(project, 'db/migrations/002_orders.ts'));
    const findings = await lint(project);
    expect(short(findings)).toEqual(['db/migrations/003_orders_user_idx.ts:1 guardrails/no-modified-migration']);
    expect(findings[0]?.message).toBe(
      '`002_orders.ts` has shipped (it is in `.guardrails.sum`) but is gone from this folder: new databases built from this folder no longer get its changes, and knex refuses to migrate databases that ran it ("The migration directory is corrupt"). Restore it; to undo what it did, add a new migration.',
    );
    const check = runBin(['check', DIR], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('db/migrations/002_orders.ts: shipped (listed in .guardrails.sum) but missing;');
    const accepted = runBin(['record', '--accept', 'db/migrations/002_orders.ts', DIR], project);
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toContain('accepted the deletion; the record forgets it.');
    expect(runBin(['check', DIR], project).status).toBe(0);
  });

  it('rename: reported once, as a rename', async () => {
    recorded();
    fs.renameSync(path.join(project, 'db/migrations/002_orders.ts'), path.join(project, 'db/migrations/004_orders.ts'));
    const findings = await lint(project);
    expect(short(findings)).toEqual(['db/migrations/004_orders.ts:1 guardrails/no-modified-migration']);
    expect(findings[0]?.message).toBe('`004_orders.ts` is the shipped migration `002_orders.ts` under a new name: runners take it for a new migration and run it again. Restore the name `002_orders.ts`.');
    const check = runBin(['check', DIR], project);
    expect(check.stdout).toBe('db/migrations/004_orders.ts: the shipped migration 002_orders.ts renamed; runners take it for a new migration and run it again. Restore the name 002_orders.ts.\n');
  });

  it('insert: a new migration that sorts before the last shipped one', async () => {
    recorded();
    writeFiles(project, { 'db/migrations/000_extensions.ts': knex('CREATE EXTENSION IF NOT EXISTS citext') });
    const findings = await lint(project);
    expect(short(findings)).toEqual(['db/migrations/000_extensions.ts:1 guardrails/no-modified-migration']);
    expect(findings[0]?.message).toBe(
      '`000_extensions.ts` is new but sorts before `003_orders_user_idx.ts`, which has shipped: knex runs it out of order, silently, on databases that already ran the later one. Rename it so that it sorts after `003_orders_user_idx.ts`.',
    );
    expect(runBin(['check', DIR], project).status).toBe(1);
    expect(runBin(['record', DIR], project).status).toBe(1);
  });

  it('duplicate: two branches both add 004; both files are reported, by the rule and by `check`', async () => {
    recorded();
    writeFiles(project, {
      'db/migrations/004_invoices.ts': knex('CREATE TABLE invoices (id bigint)'),
      'db/migrations/004_refunds.ts': knex('CREATE TABLE refunds (id bigint)'),
    });
    expect(short(await lint(project))).toEqual([
      'db/migrations/004_invoices.ts:1 guardrails/no-migration-conflict',
      'db/migrations/004_refunds.ts:1 guardrails/no-migration-conflict',
    ]);
    const check = runBin(['check', DIR], project);
    expect(check.status).toBe(1);
    expect(check.stdout.trimEnd().split('\n')).toEqual([
      'db/migrations/004_invoices.ts: claims version 004, like 004_refunds.ts; the order between them is an accident. Give the one that has not shipped a later version.',
      'db/migrations/004_refunds.ts: claims version 004, like 004_invoices.ts; the order between them is an accident. Give the one that has not shipped a later version.',
    ]);
  });

  it('a CRLF checkout is not an edit', async () => {
    recorded();
    for (const name of Object.keys(FILES)) {
      const file = path.join(project, name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    }
    const record = path.join(project, RECORD);
    fs.writeFileSync(record, fs.readFileSync(record, 'utf8').replace(/\n/g, '\r\n'));
    expect(await lint(project)).toEqual([]);
    expect(runBin(['check', DIR], project).status).toBe(0);
  });

  it.each([
    ['junk', 'not a record', ':1: the record cannot be used: it does not start with `# guardrails-migrations record v1`'],
    ['merge', 'conflict markers', ':5: the record cannot be used: it holds an unresolved merge conflict'],
    ['swap', 'two lines swapped', ':4: the record cannot be used: its chain hash does not follow from the lines above it'],
  ])('a corrupt record (%s: %s): one finding in ESLint, exit 2 from the bin', async (kind, _what, expected) => {
    recorded();
    const file = path.join(project, RECORD);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    if (kind === 'junk') fs.writeFileSync(file, 'hello\n');
    if (kind === 'merge') fs.writeFileSync(file, [...lines.slice(0, 4), '<<<<<<< HEAD', ...lines.slice(4)].join('\n'));
    if (kind === 'swap') fs.writeFileSync(file, [...lines.slice(0, 3), lines[4], lines[3], ...lines.slice(5)].join('\n'));
    const findings = await lint(project);
    expect(short(findings)).toEqual([
      'db/migrations/003_orders_user_idx.ts:1 guardrails/no-modified-migration',
      // The baseline no longer holds: the unsafe index is reported again.
      'db/migrations/003_orders_user_idx.ts:4 guardrails/require-concurrent-index',
    ]);
    expect(findings[0]?.message).toMatch(/^`\.guardrails\.sum` cannot be used: /);
    for (const command of ['check', 'record']) {
      const run = runBin([command, DIR], project);
      expect(run.status).toBe(2);
      expect(run.stderr.startsWith(`${RECORD}${expected}`)).toBe(true);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('the bin', () => {
  it('--help prints usage and exits 0', () => {
    project = makeProject({});
    const run = runBin(['--help'], project);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: guardrails-migrations <command> \[options\] <dir>\.\.\./);
    expect(run.stdout).toContain('--accept <file>');
  });

  it.each([
    [[], 'guardrails-migrations: no command given.'],
    [['lint', 'x'], 'guardrails-migrations: unknown command `lint` (the commands are `record` and `check`).'],
    [['check'], 'guardrails-migrations: `check` needs at least one migration folder: `guardrails-migrations check <dir>...`.'],
    [['record', '--frobnicate', 'x'], 'guardrails-migrations: unknown option `--frobnicate`.'],
    [['record', 'x', '--accept'], 'guardrails-migrations: `--accept` needs a file: `--accept <file>`.'],
    [['check', '--accept', 'a', 'x'], 'guardrails-migrations: `--accept` belongs to `record`; `check` changes nothing.'],
  ])('bad usage %j exits 2 with one sentence', (args, message) => {
    project = makeProject({});
    const run = runBin(args, project);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `${message}\nRun \`guardrails-migrations --help\` for usage.\n` });
  });

  it('a missing folder, or a file given as a folder, exits 2', () => {
    project = makeProject({ 'a.txt': '' });
    expect(runBin(['check', 'nope'], project)).toEqual({ status: 2, stdout: '', stderr: 'guardrails-migrations: `nope` does not exist; give the folder that holds the migrations.\n' });
    expect(runBin(['record', 'a.txt'], project).stderr).toBe('guardrails-migrations: `a.txt` is a file, not a folder; give the folder that holds the migrations.\n');
  });

  it('an --accept that matches nothing writes nothing and exits 2', () => {
    recorded();
    writeFiles(project, { 'db/migrations/004_x.ts': knex('SELECT 1') });
    const run = runBin(['record', '--accept', 'db/migrations/001_users.ts', DIR], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'guardrails-migrations: `--accept db/migrations/001_users.ts` matches no edited, renamed, deleted or out-of-order migration in the given folders; nothing was written.\n',
    );
    expect(fs.readFileSync(path.join(project, RECORD), 'utf8')).not.toContain('004_x.ts');
  });

  it('records Prisma folders (`<ts>_<name>/migration.sql`) and catches an edit there', () => {
    project = makeProject({
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE a (id int);\n',
      'prisma/migrations/20240201000000_b/migration.sql': 'CREATE TABLE b (id int);\n',
    });
    expect(runBin(['record', 'prisma/migrations'], project).stdout).toBe(
      'prisma/migrations/.guardrails.sum: created, 2 migrations recorded (added 20240101000000_init, 20240201000000_b).\n',
    );
    fs.appendFileSync(path.join(project, 'prisma/migrations/20240101000000_init/migration.sql'), 'DROP TABLE b;\n');
    const check = runBin(['check', 'prisma/migrations'], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^prisma\/migrations\/20240101000000_init: edited after it shipped/);
  });

  it('checks drizzle folders against their journal', () => {
    project = makeProject({
      'drizzle/0000_init.sql': 'CREATE TABLE a (id int);\n',
      'drizzle/0001_b.sql': 'CREATE TABLE b (id int);\n',
      'drizzle/meta/_journal.json': JSON.stringify({ entries: [{ idx: 0, when: 1, tag: '0000_init', breakpoints: true }] }),
    });
    expect(runBin(['record', 'drizzle'], project).status).toBe(0);
    const check = runBin(['check', 'drizzle'], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe("drizzle/0001_b.sql: not in drizzle's journal, so drizzle never runs it. Create migrations with `drizzle-kit generate`.\n");
  });

  it('several folders at once; exit 1 names each problem with its folder', () => {
    project = makeProject({ ...FILES, 'other/migrations/001_a.ts': knex('SELECT 1') });
    expect(runBin(['record', DIR, 'other/migrations'], project).status).toBe(0);
    fs.rmSync(path.join(project, 'other/migrations/001_a.ts'));
    const check = runBin(['check', DIR, 'other/migrations'], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^other\/migrations\/001_a\.ts: shipped/);
  });
});

describe('eslint --concurrency (worker threads)', () => {
  it('each thread reads the folders itself and finds the same problems', { timeout: 120_000 }, () => {
    const files: Record<string, string> = {};
    for (const folder of ['a', 'b', 'c', 'd']) {
      for (const n of [1, 2, 3]) files[`${folder}/migrations/00${n}_${folder}${n}.ts`] = knex(`CREATE TABLE ${folder}${n} (id bigint)`);
    }
    project = makeProject(files);
    expect(runBin(['record', 'a/migrations', 'b/migrations', 'c/migrations', 'd/migrations'], project).status).toBe(0);
    for (const folder of ['a', 'b', 'c', 'd']) fs.appendFileSync(path.join(project, `${folder}/migrations/002_${folder}2.ts`), '// edited\n');
    fs.rmSync(path.join(project, 'c/migrations/001_c1.ts'));
    const req = (id: string) => JSON.stringify(require.resolve(id));
    fs.writeFileSync(
      path.join(project, 'eslint.config.cjs'),
      `const guardrails = require(${JSON.stringify(path.join(ROOT, 'dist/index.js'))});
module.exports = [{ files: ['**/*.ts'], languageOptions: { parser: require(${req('@typescript-eslint/parser')}) } }, ...guardrails.configs['flat/scripts']];\n`,
    );
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.', '--concurrency', '2', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    // ESLint may warn that 12 files are too few for two threads; nothing else may appear.
    expect(result.stderr.replace(/^.*ESLintPoorConcurrencyWarning.*\n(\(Use `node --trace-warnings.*\n)?/m, '')).toBe('');
    const findings = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[])
      .flatMap((file) => file.messages.map((message) => `${path.relative(project, file.filePath)}:${message.line} ${message.ruleId}`))
      .sort();
    expect(findings).toEqual([
      'a/migrations/002_a2.ts:1 guardrails/no-modified-migration',
      'b/migrations/002_b2.ts:1 guardrails/no-modified-migration',
      'c/migrations/002_c2.ts:1 guardrails/no-modified-migration',
      'c/migrations/003_c3.ts:1 guardrails/no-modified-migration',
      'd/migrations/002_d2.ts:1 guardrails/no-modified-migration',
    ]);
    expect(result.status).toBe(1);
  });
});
