import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { scanSqlExpression, type SqlScan } from '../../src/migration-runners/sql-index-statements';
import { defined, findNode, probeProgram } from './harness';

/** Scans the first call's first argument, as the rule does for a sink. */
function scan(code: string): { result: SqlScan; text: string } {
  return probeProgram(code, ({ program, sourceCode, scope }) => {
    const call = findNode(program, AST_NODE_TYPES.CallExpression);
    return { result: scanSqlExpression(defined(call.arguments[0]), scope(call), call), text: sourceCode.text };
  });
}

describe('scanSqlExpression', () => {
  it('reads a plain CREATE INDEX with its table, head and insertion point', () => {
    const { result, text } = scan(`db.query('CREATE UNIQUE INDEX users_email_idx ON public.users (email)');`);
    expect(result.indexes).toHaveLength(1);
    const index = defined(result.indexes[0]);
    expect(index).toMatchObject({
      kind: 'create',
      concurrently: false,
      only: false,
      table: 'users',
      label: 'CREATE UNIQUE INDEX users_email_idx',
      concurrentForm: 'CREATE UNIQUE INDEX CONCURRENTLY',
      lowerCase: false,
      multiStatement: false,
      nested: false,
    });
    const span = defined(index.span);
    expect(text.slice(span[0], span[1])).toBe('CREATE UNIQUE INDEX users_email_idx');
    expect(text.slice(0, defined(index.insertAt))).toBe(`db.query('CREATE UNIQUE INDEX`);
  });

  it('keeps a table created after a template hole that stands as a statement of its own', () => {
    // Found on a MikroORM migration: `${…}` on its own line, then CREATE TABLE, then an index on it.
    const { result } = scan('db.query(`${extra}\ncreate table "audit" ("id" int, "at" int);\n${more}\ncreate index "audit_at_idx" on "audit" ("at");`);');
    expect(result.createdTables.map((created) => created.table)).toEqual(['audit']);
    expect(result.indexes.map((index) => [index.table, index.label])).toEqual([['audit', 'CREATE INDEX "audit_at_idx"']]);
    expect(defined(result.createdTables[0]).order).toBeLessThan(defined(result.indexes[0]).order);
  });

  it('keeps the known text of a template whose holes have too many alternatives', () => {
    const { result } = scan(
      'db.query(`create table "b" ("n" ${a ? "int" : "text"}, "m" ${b ? "int" : "text"}, "o" ${c ? "int" : "text"}, "p" ${d ? "int" : "text"});\ncreate index "b_idx" on "b" ("n");`);',
    );
    expect(result.createdTables.map((created) => created.table)).toContain('b');
  });

  it('flags CONCURRENTLY, ON ONLY and lower case', () => {
    const { result } = scan(`db.query('create index concurrently if not exists i on only parent (c)');`);
    expect(result.indexes[0]).toMatchObject({ kind: 'create', concurrently: true, only: true, table: 'parent', lowerCase: true });
  });

  it('marks statements that share a string', () => {
    const { result } = scan(`db.query('CREATE INDEX CONCURRENTLY i ON t (c); ANALYZE t;');`);
    expect(result.indexes[0]?.multiStatement).toBe(true);
    const single = scan(`db.query('CREATE INDEX CONCURRENTLY i ON t (c);');`).result;
    expect(single.indexes[0]?.multiStatement).toBe(false);
  });

  it('records created tables and transaction control in order', () => {
    const { result } = scan(`db.query('BEGIN; CREATE TABLE a (id int); CREATE INDEX i ON a (id); COMMIT');`);
    expect(result.transactionControl.map((control) => control.open)).toEqual([true, false]);
    expect(result.createdTables.map((created) => created.table)).toEqual(['a']);
    const orders = [result.transactionControl[0], result.createdTables[0], result.indexes[0], result.transactionControl[1]].map((item) => defined(item).order);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
  });

  it('records dropped tables and index names', () => {
    const { result } = scan(`db.query('DROP INDEX public."Users_Email"; DROP TABLE IF EXISTS public.users')`);
    expect(result.droppedTables.map((dropped) => dropped.table)).toEqual(['users']);
    expect(result.indexes.map((index) => index.indexName)).toEqual(['Users_Email']);
  });

  it('reads a DROP TABLE on its own', () => {
    expect(scan(`db.query('DROP TABLE "Audit"')`).result.droppedTables.map((dropped) => dropped.table)).toEqual(['Audit']);
  });

  it('ignores temporary tables as creations', () => {
    expect(scan(`db.query('CREATE TEMP TABLE a (id int)');`).result.createdTables).toEqual([]);
  });

  it('reads DROP INDEX and REINDEX', () => {
    const { result, text } = scan(`db.query('DROP INDEX IF EXISTS i; REINDEX (VERBOSE) TABLE CONCURRENTLY t; REINDEX INDEX j; REINDEX SYSTEM d');`);
    expect(result.indexes.map((index) => [index.kind, index.concurrently, index.label])).toEqual([
      ['drop', false, 'DROP INDEX i'],
      ['reindex', true, 'REINDEX TABLE CONCURRENTLY t'],
      ['reindex', false, 'REINDEX INDEX j'],
    ]);
    const reindex = defined(result.indexes[2]);
    const span = defined(reindex.span);
    const insertAt = defined(reindex.insertAt);
    expect(text.slice(span[0], span[1])).toBe('REINDEX INDEX j');
    expect(text.slice(insertAt - 'INDEX'.length, insertAt)).toBe('INDEX');
  });

  it('offers no insertion point inside a DO block or after an escape', () => {
    const nested = scan('db.query(`DO $$ BEGIN CREATE INDEX i ON t (c); END $$`);').result;
    expect(nested.indexes[0]).toMatchObject({ nested: true, insertAt: null });
    const escaped = scan(`db.query('CREATE\\tINDEX i ON t (c)');`).result;
    expect(escaped.indexes[0]).toMatchObject({ span: null, insertAt: null });
  });

  it('reads every alternative and constants', () => {
    const { result } = scan(`const t = 'users';\ndeclare const ok: boolean;\ndb.query(ok ? \`CREATE INDEX i ON \${t} (c)\` : 'DROP INDEX i');`);
    expect(result.indexes.map((index) => [index.kind, index.table])).toEqual([
      ['create', 'users'],
      ['drop', null],
    ]);
  });

  it('skips strings without a relevant word', () => {
    expect(scan(`db.query('SELECT 1');`).result).toEqual({ indexes: [], createdTables: [], droppedTables: [], transactionControl: [] });
  });
});
