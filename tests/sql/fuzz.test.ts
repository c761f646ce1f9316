import { describe, expect, it } from 'vitest';
import { analyzeSql, mayHoldCodeCasedDdl, mayHoldDdl } from '../../src/sql/analyze';
import { HOLE_CHAR } from '../../src/sql/lexer';

/** Small deterministic PRNG (mulberry32), so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'CREATE', 'ALTER', 'DROP', 'TABLE', 'INDEX', 'ON', 'ONLY', 'IF', 'NOT', 'EXISTS', 'TRUNCATE', 'GRANT', 'TO', 'FROM',
  'SELECT', 'INTO', 'DO', 'EXECUTE', 'BEGIN', 'END', 'COMMENT', 'IS', 'users', 'x', '"q"', '`b`', "'s'", "E'\\''", "''",
  '$$', '$t$', '$1', '?', ':n', '::', '(', ')', ',', ';', '.', '*', '@', '--', '/*', '*/', '\n', ' ', ' ', ' ', HOLE_CHAR, '…', 'é',
];

describe('analyzeSql on random input', () => {
  it('never throws and keeps offsets inside the text', () => {
    const next = random(42);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let index = 0; index < length; index++) {
        text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
        if (next() < 0.6) text += ' ';
      }
      for (const statement of analyzeSql(text)) {
        expect(statement.start).toBeGreaterThanOrEqual(0);
        expect(statement.end).toBeLessThanOrEqual(text.length);
        expect(statement.start).toBeLessThan(statement.end);
        expect(statement.headEnd).toBeLessThanOrEqual(text.length);
        expect(statement.headEnd).toBeGreaterThan(statement.start);
      }
    }
  });

  // How fast is the benchmark's to say (`npm run bench` times a 5 MB pg_dump); here, that such inputs
  // get through at all and are read right. A parser that backtracked on them would not finish.
  it('gets through long, deeply nested and unclosed inputs', () => {
    const long = `${'CREATE TABLE t ('.repeat(2000)}${'x int, '.repeat(20000)}`;
    expect(analyzeSql(long).map(({ start, end, ddl }) => [start, end, ddl])).toEqual([[0, long.length - 1, true]]);
    expect(analyzeSql('('.repeat(50000)).map(({ start, end, ddl }) => [start, end, ddl])).toEqual([[0, 50000, false]]);
    // A `DO` body of 10,000 PL/pgSQL breaks, then a statement the lexer must reach past it.
    const body = `DO $$ ${'BEGIN EXECUTE '.repeat(5000)} $$; CREATE TABLE x (a int)`;
    expect(analyzeSql(body).map(({ start, end, ddl }) => body.slice(start, end) + (ddl ? ' (DDL)' : ''))).toEqual(['CREATE TABLE x (a int) (DDL)']);
  });
});

describe('mayHoldDdl, the lexer-free prefilter of analyzeSql', () => {
  const hasDdl = (text: string): boolean => analyzeSql(text).some((statement) => statement.ddl);

  it('says true for a DDL statement of every verb that has one', () => {
    const examples = [
      'CREATE TABLE t (a int)',
      '  alter table t add column a int',
      'DROP TABLE t',
      'TRUNCATE t',
      'RENAME TABLE a TO b',
      "COMMENT ON TABLE t IS 'x'",
      'GRANT SELECT ON t TO u',
      'REVOKE SELECT ON t FROM u',
      'SELECT * INTO t FROM u',
      'SELECT-x INTO t FROM u', // SELECT takes an expression: an operator may follow it at once
      'CREATE--x\nTABLE t (a int)',
      'TRUNCATE"t"',
      'REASSIGN OWNED BY a TO b',
      "SECURITY LABEL ON TABLE t IS 'x'",
      'IMPORT FOREIGN SCHEMA s FROM SERVER x INTO y',
      'DO $$ BEGIN CREATE TABLE t (a int); END $$',
      'do $$ begin create table t (a int) end $$',
      '-- set up\nCREATE TABLE t (a int)',
      '/* set up */ CREATE TABLE t (a int)',
      'SET x = 1; CREATE TABLE t (a int)',
      `${HOLE_CHAR}\nCREATE TABLE t (a int)`, // a hole where a statement starts stands for statements of its own
    ];
    for (const text of examples) {
      expect(hasDdl(text), text).toBe(true);
      expect(mayHoldDdl(text), text).toBe(true);
    }
  });

  it('says false for prose and other statements that only mention a DDL word', () => {
    for (const text of ['Failed to create the user', 'Could not drop the table', 'INSERT INTO t SELECT * FROM create_log', 'x.create(table)', "E'CREATE TABLE t'", '\v\fWITH x AS (SELECT 1) SELECT * FROM x', 'REINDEX TABLE t', '## 1. Create the table', '{"create": true}', '  ', '', '(CREATE TABLE t (a int))', '"CREATE" TABLE t (a int)', '$1 CREATE TABLE t (a int)', '1 CREATE TABLE t (a int)', '- - CREATE TABLE t (a int)', 'create-product-variants', 'product.created', 'drop.shadow TABLE t', 'grant:read', 'ALTER, TABLE t ADD a int', 'truncate-t', 'create', 'DROP  ', 'Comment\n']) {
      expect(hasDdl(text), text).toBe(false);
      expect(mayHoldDdl(text), text).toBe(false);
    }
  });

  const FUZZ_WORDS = [...PIECES, 'START', 'WITH', 'INSERT', 'UPDATE', 'SET', 'REINDEX', 'RENAME', 'REASSIGN', 'SECURITY', 'IMPORT', 'LABEL', 'OWNED', 'BY', 'FOREIGN', 'SCHEMA', 'Failed', 'to', 'create_x', 'CREATE$x', 'e', 'N', '\v', '\f', 'éCREATE', 'xé', '#', '<p>', '{', '-', '/', '*', '\'', '1', '-- c\n', '/* c */', 'create-x', 'Drop.', 'GRANT:', 'alter,', 'SELECT-', 'truncate-', '-x', '.', ':', ',', '--', 'Create', 'cReate', 'Drop', 'Do', 'Grant', 'Select', 'table', 'TABLE', 'Table', '$$', 'do', 'DO'];

  /** Random texts of SQL words and near misses: each one `prefilter` rejects must satisfy `holds`. */
  function fuzz(prefilter: (text: string) => boolean, holds: (text: string) => boolean, seed: number): number {
    const next = random(seed);
    let rejected = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      const length = 1 + Math.floor(next() * 12);
      for (let index = 0; index < length; index++) {
        text += FUZZ_WORDS[Math.floor(next() * FUZZ_WORDS.length)] ?? '';
        if (next() < 0.7) text += ' ';
      }
      if (prefilter(text)) continue;
      rejected += 1;
      expect(holds(text), JSON.stringify(text)).toBe(true);
    }
    return rejected;
  }

  it('is false only when analyzeSql finds no DDL, on random input', () => {
    const rejected = fuzz(mayHoldDdl, (text) => !hasDdl(text), 7);
    expect(rejected).toBeGreaterThan(1000); // the property was tested, not skipped
  });

  it('with code casing, is false only when every DDL statement analyzeSql finds is cased as prose', () => {
    const rejected = fuzz(mayHoldCodeCasedDdl, (text) => analyzeSql(text).every((statement) => !statement.ddl || statement.keywordCase === 'mixed'), 11);
    expect(rejected).toBeGreaterThan(1000);
    // It rejects more than mayHoldDdl: mixed-case verbs.
    for (const text of ['Create table users', 'Drop files here', 'Rename table', 'cReate TABLE t (a int)', 'Select * into t from u']) {
      expect(mayHoldDdl(text), text).toBe(true);
      expect(mayHoldCodeCasedDdl(text), text).toBe(false);
    }
    // Code-cased verbs, and a `DO` block whose body is cased on its own, still pass.
    for (const text of ['create table users (id int)', 'CREATE TABLE users (id int)', 'Do $$ begin create table t (a int) end $$']) {
      expect(mayHoldCodeCasedDdl(text), text).toBe(true);
    }
    expect(analyzeSql('Do $$ begin create table t (a int) end $$').some((statement) => statement.ddl && statement.keywordCase === 'lower')).toBe(true);
  });
});
