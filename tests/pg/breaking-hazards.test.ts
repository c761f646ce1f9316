import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKING_HAZARDS } from '../../src/migration/hazards/no-breaking-schema-change';
import { pgLockName } from '../../src/migration/hazards/types';
import { LOCK_ORDER, runAlone, startPostgres } from './harness';

// `no-breaking-schema-change`'s hazard table on a real PostgreSQL: each change is
// a catalog change (no rewrite), but the query the running app still sends fails
// right after it; after the expand step of the recipe it keeps working.

const SETUP = `
CREATE TABLE users (id int PRIMARY KEY, email text);
INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 100) g;
`;

let db: PGlite;
beforeAll(async () => {
  db = await startPostgres(SETUP);
}, 60_000);
afterAll(async () => {
  await db.close();
});

async function reset(setup?: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS accounts, users CASCADE; DROP TYPE IF EXISTS mood;${SETUP}`);
  if (setup) expect(await runAlone(db, setup)).toBeNull();
}

/**
 * The strongest lock `sql` leaves on `table` and whether it wrote a new copy,
 * followed by the table's oid (it may be renamed or dropped by `sql`).
 */
async function lockOn(table: string, sql: string): Promise<{ strongest: string | null; rewrote: boolean }> {
  await db.exec('BEGIN');
  try {
    const before = (await db.query<{ oid: number; node: number }>('SELECT oid::int AS oid, relfilenode::int AS node FROM pg_class WHERE oid = to_regclass($1)', [table])).rows[0];
    await db.exec(sql);
    const locks = await db.query<{ mode: string }>('SELECT mode FROM pg_locks WHERE locktype = $1 AND relation = $2 AND pid = pg_backend_pid()', ['relation', before?.oid]);
    const modes = locks.rows.map((row) => row.mode).sort((a, b) => LOCK_ORDER.indexOf(a as never) - LOCK_ORDER.indexOf(b as never));
    const after = (await db.query<{ node: number }>('SELECT relfilenode::int AS node FROM pg_class WHERE oid = $1', [before?.oid])).rows[0];
    return { strongest: modes[0] ?? null, rewrote: after !== undefined && after.node !== before?.node };
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Runs `sql` then `query` in a rolled-back transaction; the query's error, or null. */
async function queryAfter(sql: string, query: string): Promise<string | null> {
  await db.exec('BEGIN');
  try {
    await db.exec(sql);
    await db.exec(query);
    return null;
  } catch (caught) {
    return caught instanceof Error ? caught.message : String(caught);
  } finally {
    await db.exec('ROLLBACK');
  }
}

describe('no-breaking-schema-change: hazards on PostgreSQL', () => {
  for (const hazard of BREAKING_HAZARDS) {
    describe(hazard.title, () => {
      const locks = !('locksTable' in hazard);
      it(`takes ${locks ? hazard.lock : 'no lock'} on ${hazard.table} without a rewrite`, async () => {
        await reset('setup' in hazard ? hazard.setup : undefined);
        expect(await lockOn(hazard.table, hazard.sql)).toEqual({ strongest: locks ? pgLockName(hazard.lock) : null, rewrote: false });
      });

      it('breaks the query the running app still sends', async () => {
        await reset('setup' in hazard ? hazard.setup : undefined);
        expect(await queryAfter('SELECT 1', hazard.oldQuery)).toBeNull();
        expect(await queryAfter(hazard.sql, hazard.oldQuery)).not.toBeNull();
      });

      it(`keeps it working after the expand step: ${hazard.expand}`, async () => {
        await reset('setup' in hazard ? hazard.setup : undefined);
        expect(await queryAfter(hazard.expand, hazard.oldQuery)).toBeNull();
      });
    });
  }
});
