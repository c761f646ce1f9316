import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_NULL_HAZARDS } from '../../src/migration/hazards/no-unsafe-not-null';
import { CONCURRENT_INDEX_HAZARDS } from '../../src/migration/hazards/require-concurrent-index';
import { NOT_VALID_HAZARDS } from '../../src/migration/hazards/require-not-valid-constraint';
import { pgLockName, type Hazard } from '../../src/migration/hazards/types';
import { probe, runAlone, startPostgres } from './harness';

// Every row of every hazard table the migration rules report from, run on a real
// PostgreSQL: the statement on a populated table inside a transaction takes the
// claimed lock and rewrites (or not); the work it does under the lock is made
// visible (a row that breaks the new rule makes it fail, so it read the rows; a
// new index relation appears); each step of the safe recipe takes the claimed
// (weaker or instant) lock, and CONCURRENTLY steps fail inside a transaction
// block and succeed on their own. Locks a CONCURRENTLY step takes need a second
// session to watch: those come from the PostgreSQL docs (`docLock`).

const SETUP = `
CREATE TABLE parent (id int PRIMARY KEY);
INSERT INTO parent SELECT g FROM generate_series(1, 100) g;
CREATE TABLE users (id int NOT NULL, email text, parent_id int, v int);
INSERT INTO users SELECT g, 'u' || g, g, g FROM generate_series(1, 100) g;
CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
`;

const TABLES: readonly { readonly rule: string; readonly hazards: readonly Hazard[] }[] = [
  { rule: 'require-concurrent-index', hazards: CONCURRENT_INDEX_HAZARDS },
  { rule: 'require-not-valid-constraint', hazards: NOT_VALID_HAZARDS },
  { rule: 'no-unsafe-not-null', hazards: NOT_NULL_HAZARDS },
];

let db: PGlite;
beforeAll(async () => {
  db = await startPostgres(SETUP);
}, 60_000);
afterAll(async () => {
  await db.close();
});

/** Runs `sql` in a rolled-back transaction and returns its error, or null. */
async function errorOf(sql: string): Promise<string | null> {
  await db.exec('BEGIN');
  try {
    await db.exec(sql);
    return null;
  } catch (caught) {
    return caught instanceof Error ? caught.message : String(caught);
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Index relations on `table`. */
async function indexCount(table: string, before: string, sql: string): Promise<[number, number]> {
  const count = async (): Promise<number> =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_index WHERE indrelid = to_regclass($1)', [table])).rows[0]?.n ?? 0;
  await db.exec('BEGIN');
  try {
    if (before) await db.exec(before);
    const first = await count();
    await db.exec(sql);
    return [first, await count()];
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Puts the database back to the setup, then commits `setup` and the recipe steps before `index` (each on its own, as a migration would). */
async function stateBefore(hazard: Hazard, index: number): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS users, parent, events, events_2024 CASCADE;${SETUP}`);
  for (const sql of [hazard.setup, ...hazard.recipe.slice(0, index).map((step) => step.sql)]) {
    if (sql) expect(await runAlone(db, sql)).toBeNull();
  }
}

for (const { rule, hazards } of TABLES) {
  describe(`${rule}: hazards on PostgreSQL`, () => {
    for (const hazard of hazards) {
      describe(hazard.title, () => {
        it(`takes ${hazard.lock} on ${hazard.table}${hazard.rewrites ? ' and rewrites it' : ' without a rewrite'}`, async () => {
          await stateBefore(hazard, 0);
          const result = await probe(db, hazard.table, hazard.sql, hazard.before);
          if (hazard.work === 'fails on existing rows') {
            expect(result.error).toMatch(/contains null values/);
            // …and on an empty table it takes the claimed lock.
            const empty = await probe(db, hazard.table, hazard.sql, `DELETE FROM ${hazard.table}`);
            expect(empty).toMatchObject({ strongest: pgLockName(hazard.lock), rewrote: hazard.rewrites, error: null });
            return;
          }
          expect(result).toMatchObject({ strongest: pgLockName(hazard.lock), rewrote: hazard.rewrites, error: null });
        });

        if (hazard.work === 'scans the table' || hazard.violation) {
          it('reads every row under that lock (one bad row makes it fail)', async () => {
            const violation = hazard.violation ?? '';
            expect(violation).not.toBe('');
            await stateBefore(hazard, 0);
            expect(await errorOf([hazard.before, violation, hazard.sql].filter(Boolean).join(';\n'))).not.toBeNull();
          });
        }
        if (hazard.work === 'builds an index' && !hazard.sql.startsWith('REINDEX')) {
          it('builds a new index', async () => {
            await stateBefore(hazard, 0);
            const [before, after] = await indexCount(hazard.table, hazard.before ?? '', hazard.sql);
            expect(after).toBe(before + 1);
          });
        }

        hazard.recipe.forEach((step, index) => {
          const title = step.alone
            ? `recipe step ${index + 1} runs only outside a transaction: ${step.sql}`
            : `recipe step ${index + 1} takes ${step.lock ?? 'no lock'}${step.instant ? ' without reading the rows' : ''}: ${step.sql}`;
          it(title, async () => {
            await stateBefore(hazard, index);
            if (step.alone) {
              const inside = await probe(db, hazard.table, step.sql);
              expect(inside.error).toMatch(/cannot run inside a transaction block/);
              expect(await runAlone(db, step.sql)).toBeNull();
              return;
            }
            expect(await probe(db, hazard.table, step.sql)).toMatchObject({
              strongest: step.lock === null ? null : pgLockName(step.lock),
              rewrote: false,
              error: null,
            });
            if (step.instant && hazard.violation && step.sql.includes('NOT VALID')) {
              // A row that would fail the full check does not stop it: it did not read the rows.
              expect(await errorOf(`${hazard.violation};\n${step.sql}`)).toBeNull();
            }
          });
        });
      });
    }
  });
}

describe('the probe tables', () => {
  it('are back to the setup after every recipe', async () => {
    await db.exec(`DROP TABLE IF EXISTS users, parent, events, events_2024 CASCADE;${SETUP}`);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]?.n).toBe(100);
  });
});

describe('no-unsafe-not-null: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip the scan', () => {
  it('says so (PostgreSQL 12+, DEBUG1)', async () => {
    const notices: string[] = [];
    await db.exec('BEGIN');
    try {
      await db.exec('ALTER TABLE users ADD CONSTRAINT users_v_not_null CHECK (v IS NOT NULL); SET LOCAL client_min_messages = debug1');
      await db.query('ALTER TABLE users ALTER COLUMN v SET NOT NULL', [], { onNotice: (notice) => notices.push(notice.message ?? '') });
    } finally {
      await db.exec('ROLLBACK');
    }
    expect(notices).toContain('existing constraints on column "users.v" are sufficient to prove that it does not contain nulls');
  });

  it('a NOT VALID one does not', async () => {
    const notices: string[] = [];
    await db.exec('BEGIN');
    try {
      await db.exec('ALTER TABLE users ADD CONSTRAINT users_v_not_null CHECK (v IS NOT NULL) NOT VALID; SET LOCAL client_min_messages = debug1');
      await db.query('ALTER TABLE users ALTER COLUMN v SET NOT NULL', [], { onNotice: (notice) => notices.push(notice.message ?? '') });
    } finally {
      await db.exec('ROLLBACK');
    }
    expect(notices.some((notice) => notice.includes('sufficient to prove'))).toBe(false);
  });
});

describe('require-not-valid-constraint: ADD COLUMN … REFERENCES without a default reads no rows', () => {
  it('succeeds even when the referenced table is empty (every new value is NULL)', async () => {
    expect(await errorOf('DELETE FROM parent WHERE id = 1; ALTER TABLE users ADD COLUMN owner_id int REFERENCES parent (id)')).toBeNull();
    expect(await errorOf('TRUNCATE parent CASCADE; ALTER TABLE users ADD COLUMN owner_id int REFERENCES parent (id)')).toBeNull();
  });
});
