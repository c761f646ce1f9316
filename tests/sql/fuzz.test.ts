import { describe, expect, it } from 'vitest';
import { analyzeSql, mayHoldDdl } from '../../src/sql/analyze';
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

  it('stays linear on long inputs', () => {
    const long = `${'CREATE TABLE t ('.repeat(2000)}${'x int, '.repeat(20000)}`;
    const started = performance.now();
    analyzeSql(long);
    analyzeSql('('.repeat(50000));
    analyzeSql(`DO $$ ${'BEGIN EXECUTE '.repeat(5000)} $$`);
    expect(performance.now() - started).toBeLessThan(2000);
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
    for (const text of ['Failed to create the user', 'Could not drop the table', 'INSERT INTO t SELECT * FROM create_log', 'x.create(table)', "E'CREATE TABLE t'", '\v\fWITH x AS (SELECT 1) SELECT * FROM x', 'REINDEX TABLE t', '## 1. Create the table', '{"create": true}', '  ', '', '(CREATE TABLE t (a int))', '"CREATE" TABLE t (a int)', '$1 CREATE TABLE t (a int)', '1 CREATE TABLE t (a int)', '- - CREATE TABLE t (a int)']) {
      expect(hasDdl(text), text).toBe(false);
      expect(mayHoldDdl(text), text).toBe(false);
    }
  });

  it('is false only when analyzeSql finds no DDL, on random input', () => {
    const words = [...PIECES, 'START', 'WITH', 'INSERT', 'UPDATE', 'SET', 'REINDEX', 'RENAME', 'REASSIGN', 'SECURITY', 'IMPORT', 'LABEL', 'OWNED', 'BY', 'FOREIGN', 'SCHEMA', 'Failed', 'to', 'create_x', 'CREATE$x', 'e', 'N', '\v', '\f', 'éCREATE', 'xé', '#', '<p>', '{', '-', '/', '*', '\'', '1', '-- c\n', '/* c */'];
    const next = random(7);
    let rejected = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      const length = 1 + Math.floor(next() * 12);
      for (let index = 0; index < length; index++) {
        text += words[Math.floor(next() * words.length)] ?? '';
        if (next() < 0.7) text += ' ';
      }
      if (mayHoldDdl(text)) continue;
      rejected += 1;
      expect(hasDdl(text), JSON.stringify(text)).toBe(false);
    }
    expect(rejected).toBeGreaterThan(1000); // the property was tested, not skipped
  });
});
