import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { probe, startPostgres } from './harness';

describe('the PostgreSQL probe', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await startPostgres('CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t SELECT g, g FROM generate_series(1, 100) g;');
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('sees the ACCESS EXCLUSIVE lock and the rewrite of a column type change', async () => {
    // The primary key's index is rebuilt too, under its own SHARE lock.
    expect(await probe(db, 't', 'ALTER TABLE t ALTER COLUMN v TYPE bigint')).toEqual({
      locks: ['AccessExclusiveLock', 'ShareLock'],
      strongest: 'AccessExclusiveLock',
      rewrote: true,
      error: null,
    });
  });

  it('sees the SHARE lock of a plain index build, without a rewrite', async () => {
    expect(await probe(db, 't', 'CREATE INDEX t_v ON t (v)')).toEqual({ locks: ['ShareLock'], strongest: 'ShareLock', rewrote: false, error: null });
  });

  it('reports the real error of CONCURRENTLY inside a transaction', async () => {
    const result = await probe(db, 't', 'CREATE INDEX CONCURRENTLY t_v2 ON t (v)');
    expect(result.error).toMatch(/cannot run inside a transaction block/);
  });
});
