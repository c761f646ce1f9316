import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexSql } from '../../src/sql/lexer';
import { firstVolatileCall, functionCalls, VOLATILE_CATALOG_FUNCTIONS } from '../../src/sql/volatility';
import { startPostgres } from '../pg/harness';

describe('volatile functions', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await startPostgres('SELECT 1');
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('lists exactly the pg_catalog functions all of whose overloads are volatile (pg_proc)', async () => {
    const result = await db.query<{ proname: string }>(
      `SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE nspname = 'pg_catalog' AND prokind = 'f' AND NOT proretset
       GROUP BY proname HAVING bool_and(provolatile = 'v') ORDER BY proname COLLATE "C"`,
    );
    expect([...VOLATILE_CATALOG_FUNCTIONS].sort()).toEqual(result.rows.map((row) => row.proname).sort());
  });

  it('knows now() and statement_timestamp() are stable, not volatile', async () => {
    const result = await db.query<{ proname: string; provolatile: string }>(
      "SELECT DISTINCT proname, provolatile FROM pg_proc WHERE proname IN ('now', 'statement_timestamp', 'transaction_timestamp') ORDER BY 1",
    );
    expect(result.rows).toEqual([
      { proname: 'now', provolatile: 's' },
      { proname: 'statement_timestamp', provolatile: 's' },
      { proname: 'transaction_timestamp', provolatile: 's' },
    ]);
    expect(firstVolatileCall(lexSql('now()'))).toBeNull();
  });
});

describe('functionCalls', () => {
  it('finds calls, qualified names and offsets, and skips call-like syntax and type modifiers', () => {
    const text = "coalesce(public.gen_random_uuid(), CAST(x AS varchar(3)), 'random()', y::numeric(3,1), \"Random\"())";
    expect(functionCalls(lexSql(text))).toEqual([
      { name: 'gen_random_uuid', qualified: 'public.gen_random_uuid', start: 9, end: 31 },
      { name: 'Random', qualified: 'Random', start: 87, end: 95 },
    ]);
    expect(firstVolatileCall(lexSql(text))?.name).toBe('gen_random_uuid');
    expect(firstVolatileCall(lexSql('uuid_generate_v4()'))?.name).toBe('uuid_generate_v4');
  });
});
