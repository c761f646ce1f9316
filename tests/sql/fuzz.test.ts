import { describe, expect, it } from 'vitest';
import { analyzeSql } from '../../src/sql/analyze';
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
