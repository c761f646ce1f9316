import { describe, expect, it } from 'vitest';
import { sqlLanguage } from '../../../src/languages/sql/language';
import type { SqlLanguageOptions } from '../../../src/languages/sql/options';
import { sqlMigrationModel } from '../../../src/migration/sql-host';
import { runnerFromPath } from '../../../src/migration-runners/sql-runners';

function model(text: string, path = 'db/migrations/001.sql', languageOptions: SqlLanguageOptions = {}) {
  const file = { path, body: text };
  const sourceCode = sqlLanguage.createSourceCode(file, sqlLanguage.parse(file), { languageOptions });
  const built = sqlMigrationModel({ sourceCode });
  if (!built) throw new Error('no model');
  expect(sqlMigrationModel({ sourceCode })).toBe(built); // built once per file
  return { built, sourceCode };
}

const reasons = (text: string, path?: string, options?: SqlLanguageOptions) =>
  model(text, path, options).built.statements.map((statement) => [statement.statement.kind, statement.transaction]);

const CIC = 'CREATE INDEX CONCURRENTLY i ON t (c)';

describe('sqlMigrationModel', () => {
  it('is null for a JavaScript source code', () => {
    expect(sqlMigrationModel({ sourceCode: { text: '', ast: { type: 'Program' } } })).toBeNull();
  });

  it('lists every statement with its facts, head location, step and order; DO blocks contribute what they run', () => {
    const { built, sourceCode } = model("CREATE TABLE t (c int);\nDO $$ BEGIN EXECUTE 'CREATE INDEX j ON t (c)'; END $$;\nDROP TABLE old;");
    expect(built.host).toBe('sql');
    expect(built.statements.map((s) => [s.statement.kind, s.statement.nested, s.loc, s.direction, s.step === sourceCode.ast])).toEqual([
      ['CREATE TABLE', false, { start: { line: 1, column: 0 }, end: { line: 1, column: 14 } }, 'up', true],
      ['CREATE INDEX', true, { start: { line: 2, column: 21 }, end: { line: 2, column: 35 } }, 'up', true],
      ['END', true, { start: { line: 2, column: 47 }, end: { line: 2, column: 50 } }, 'up', true],
      ['DROP TABLE', false, { start: { line: 3, column: 0 }, end: { line: 3, column: 14 } }, 'up', true],
    ]);
    expect(built.createdTables.map((event) => event.table)).toEqual(['t']);
    expect(built.droppedTables.map((event) => event.table)).toEqual(['old']);
    const [first] = built.statements;
    expect(first?.sourceIndex(3)).toBe(3);
    expect(first?.tokens.map((token) => token.value)).toEqual(['CREATE', 'TABLE', 'T', '(', 'C', 'INT', ')']);
  });

  it('an explicit BEGIN … COMMIT wraps what is between, for every runner; a DO block is one transaction', () => {
    expect(reasons(`BEGIN;\n${CIC};\nCOMMIT;\n${CIC};\nDO $$ BEGIN EXECUTE '${CIC}'; END $$;`, 'scripts/x.sql')).toEqual([
      ['BEGIN', null],
      ['CREATE INDEX', 'begin'],
      ['COMMIT', 'begin'],
      ['CREATE INDEX', null],
      ['CREATE INDEX', 'doBlock'],
      ['END', 'doBlock'],
    ]);
  });
});

describe('runner models', () => {
  const alone = `${CIC};`;
  const mixed = `SET lock_timeout = '1s';\n${CIC};`;
  const lastReason = (text: string, path: string, options?: SqlLanguageOptions) => reasons(text, path, options).at(-1)?.[1];

  it('psql: autocommit, each statement alone', () => {
    expect(lastReason(mixed, 'scripts/x.sql')).toBeNull();
  });

  it('prisma: before 7.4 a file of several statements is one transaction; 7.4+ runs CONCURRENTLY apart', () => {
    const path = 'prisma/migrations/20260101000000_idx/migration.sql';
    expect(lastReason(alone, path, { runnerVersion: '7.3.0' })).toBeNull();
    expect(lastReason(mixed, path, { runnerVersion: '7.3.0' })).toBe('prisma-script');
    expect(lastReason(mixed, path, { runnerVersion: '7.4.0' })).toBeNull();
    expect(lastReason(mixed, path)).toBeNull();
    expect(reasons(mixed, path, { runnerVersion: '7.4.0' })[0]?.[1]).toBe('prisma-script');
  });

  it('supabase: before v2.109 one batch; since then CONCURRENTLY runs apart (DROP INDEX from v2.112)', () => {
    const path = 'supabase/migrations/20260101000000_idx.sql';
    expect(lastReason(alone, path, { runnerVersion: '2.108.3' })).toBe('supabase-batch');
    expect(lastReason(mixed, path, { runnerVersion: '2.109.0' })).toBeNull();
    expect(lastReason('DROP INDEX CONCURRENTLY i;', path, { runnerVersion: '2.111.0' })).toBe('supabase-drop-index');
    expect(lastReason('DROP INDEX CONCURRENTLY i;', path)).toBeNull();
    expect(reasons(mixed, path)[0]?.[1]).toBe('supabase');
  });

  it('drizzle: every statement in the one transaction of all pending migrations', () => {
    expect(lastReason(alone, 'drizzle/0003_idx.sql')).toBe('drizzle');
  });

  it('node-pg-migrate: a .sql migration cannot opt out; its down section is its own step', () => {
    const { built } = model(`-- Up Migration\n${CIC};\n-- Down Migration\nDROP INDEX CONCURRENTLY i;`, 'migrations/1700000000000_idx.sql');
    expect(built.statements.map((s) => [s.statement.kind, s.direction, s.transaction])).toEqual([
      ['CREATE INDEX', 'up', 'node-pg-migrate-sql'],
      ['DROP INDEX', 'down', 'node-pg-migrate-sql'],
    ]);
    expect(built.statements[0]?.step).not.toBe(built.statements[1]?.step);
  });

  it('flyway: CREATE/DROP INDEX CONCURRENTLY run outside a transaction, REINDEX … CONCURRENTLY does not', () => {
    expect(lastReason(mixed, 'db/migration/V3__idx.sql')).toBeNull();
    expect(lastReason('REINDEX INDEX CONCURRENTLY i;', 'db/migration/V4__reindex.sql')).toBe('flyway');
    expect(reasons(mixed, 'db/migration/V3__idx.sql')[0]?.[1]).toBe('flyway');
  });

  it('golang-migrate: one statement runs alone, several are one implicit transaction; .down.sql is down', () => {
    expect(lastReason(alone, 'migrations/000003_idx.up.sql')).toBeNull();
    expect(lastReason(mixed, 'migrations/000003_idx.up.sql')).toBe('golang-migrate');
    expect(model(alone, 'migrations/000003_idx.down.sql').built.statements[0]?.direction).toBe('down');
  });

  it('the runner option beats the path', () => {
    expect(lastReason(alone, 'prisma/migrations/1_x/migration.sql', { runner: 'drizzle' })).toBe('drizzle');
  });
});

describe('runnerFromPath', () => {
  it.each([
    ['prisma/migrations/20260101000000_init/migration.sql', 'prisma'],
    ['apps/api/prisma/migrations/1_x/migration.sql', 'prisma'],
    ['supabase/migrations/20260101000000_init.sql', 'supabase'],
    ['drizzle/0000_init.sql', 'drizzle'],
    ['packages/db/drizzle/0001_x.sql', 'drizzle'],
    ['src/main/resources/db/migration/V1_2__add_index.sql', 'flyway'],
    ['db/migration/R__views.sql', 'flyway'],
    ['migrations/000001_init.up.sql', 'golang-migrate'],
    ['migrations/1_init.down.sql', 'golang-migrate'],
    ['migrations/001_init.sql', null],
    ['scripts/fix.sql', null],
  ])('%s → %s', (path, runner) => {
    expect(runnerFromPath(path)).toBe(runner);
  });
});
