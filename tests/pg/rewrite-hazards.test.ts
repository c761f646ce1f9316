import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_REWRITE_TYPE_CHANGES, REWRITE_HAZARDS, REWRITE_TYPE_CHANGES, type RewriteHazard } from '../../src/migration/hazards/no-table-rewrite';
import { pgLockName } from '../../src/migration/hazards/types';
import { typeChangeVerdict } from '../../src/sql/type-change';
import { parseSqlType } from '../../src/sql/types';
import { probe, runAlone, startPostgres } from './harness';

// `no-table-rewrite`'s hazard table, run on a real PostgreSQL 18 (PGlite): each
// statement on a populated table in a transaction takes ACCESS EXCLUSIVE and
// writes a new copy of the table (`pg_class.relfilenode` changes), and each step
// of the recipe the message names takes its claimed lock without a rewrite.
// The column type changes PostgreSQL makes in place are proven here too, next
// to the ones that rewrite, and the rule's verdict must match each.

const SETUP = `
CREATE TABLE users (id int PRIMARY KEY, email text, v int);
INSERT INTO users SELECT g, 'u' || g, g FROM generate_series(1, 100) g;
`;

let db: PGlite;
beforeAll(async () => {
  db = await startPostgres(SETUP);
}, 60_000);
afterAll(async () => {
  await db.close();
});

async function reset(hazard?: RewriteHazard, steps = 0): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS users, users_new CASCADE; DROP SEQUENCE IF EXISTS users_n_seq;${SETUP}`);
  for (const sql of [hazard?.setup, ...(hazard?.recipe.slice(0, steps).map((step) => step.sql) ?? [])]) {
    if (sql) expect(await runAlone(db, sql)).toBeNull();
  }
}

async function fileNode(table: string): Promise<number | undefined> {
  return (await db.query<{ relfilenode: number }>('SELECT relfilenode FROM pg_class WHERE oid = to_regclass($1)', [table])).rows[0]?.relfilenode;
}

describe('no-table-rewrite: hazards on PostgreSQL', () => {
  for (const hazard of REWRITE_HAZARDS as readonly (RewriteHazard & { until?: number })[]) {
    describe(hazard.title, () => {
      if (hazard.alone) {
        it(`cannot run in a transaction, and rewrites ${hazard.table} (lock ${hazard.lock} from the PostgreSQL docs)`, async () => {
          await reset(hazard);
          expect((await probe(db, hazard.table, hazard.sql)).error).toMatch(/cannot run inside a transaction block/);
          const before = await fileNode(hazard.table);
          expect(await runAlone(db, hazard.sql)).toBeNull();
          expect(await fileNode(hazard.table)).not.toBe(before);
        });
      } else if (hazard.until === undefined) {
        it(`takes ${hazard.lock} on ${hazard.table} and rewrites it`, async () => {
          await reset(hazard);
          expect(await probe(db, hazard.table, hazard.sql)).toMatchObject({ strongest: pgLockName(hazard.lock), rewrote: true, error: null });
        });
      } else {
        it(`takes ${hazard.lock} without a rewrite from PostgreSQL ${hazard.until} (the docs: a rewrite before)`, async () => {
          await reset(hazard);
          expect(await probe(db, hazard.table, hazard.sql)).toMatchObject({ strongest: pgLockName(hazard.lock), rewrote: false, error: null });
        });
      }

      hazard.recipe.forEach((step, index) => {
        it(`recipe step ${index + 1}: ${step.sql}`, async () => {
          await reset(hazard, index);
          if (step.alone) {
            expect((await probe(db, hazard.table, step.sql)).error).toMatch(/cannot run inside a transaction block/);
            const before = await fileNode(hazard.table);
            expect(await runAlone(db, step.sql)).toBeNull();
            expect(await fileNode(hazard.table)).toBe(before);
            return;
          }
          expect(await probe(db, hazard.table, step.sql)).toMatchObject({
            strongest: step.lock === null ? null : pgLockName(step.lock),
            rewrote: false,
            error: null,
          });
        });
      });
    });
  }
});

describe('column type changes: the rule’s verdict is what PostgreSQL does', () => {
  const cases = [
    ...NO_REWRITE_TYPE_CHANGES.map((change) => ({ ...change, rewrites: false })),
    ...REWRITE_TYPE_CHANGES.map((change) => ({ ...change, rewrites: true })),
  ];
  for (const change of cases) {
    const timeZone = 'timeZone' in change ? change.timeZone : undefined;
    it(`${change.from} → ${change.to}${timeZone ? ` (TimeZone ${timeZone})` : ''}: ${change.rewrites ? 'rewrites' : 'no rewrite'}`, async () => {
      await db.exec(`DROP TABLE IF EXISTS typed; CREATE TABLE typed (id int PRIMARY KEY, c ${change.from}); INSERT INTO typed SELECT g, NULL FROM generate_series(1, 20) g`);
      const before = timeZone ? `SET LOCAL TimeZone = '${timeZone}'` : '';
      const result = await probe(db, 'typed', `ALTER TABLE typed ALTER COLUMN c TYPE ${change.to}`, before);
      expect(result).toMatchObject({ strongest: 'AccessExclusiveLock', rewrote: change.rewrites, error: null });
      const from = parseSqlType(change.from);
      const to = parseSqlType(change.to);
      if (!from || !to) throw new Error('unparsed type');
      const verdict = typeChangeVerdict(from, to, 18);
      // timestamp → timestamptz depends on the session's TimeZone, which a migration does not show.
      expect(verdict).toBe(change.from === 'timestamp' ? 'unknown' : change.rewrites ? 'yes' : 'no');
    });
  }
});
