import type { Hazard } from './types';

/** The statement kinds `no-breaking-schema-change` reports (also the values of its `allow` option). */
export const BREAKING_KINDS = ['drop-column', 'rename-column', 'rename-table', 'drop-table', 'rename-enum-value'] as const;
export type BreakingKind = (typeof BREAKING_KINDS)[number];

/**
 * A breaking change: instant under its lock, but the app version still running
 * during the deploy keeps sending queries that name what is gone.
 * `tests/pg/breaking-hazards.test.ts` proves on PostgreSQL that `oldQuery`
 * works before and fails after `sql`, and that it still works after the
 * expand step of the recipe (`expand`).
 */
export interface BreakingHazard extends Hazard {
  readonly id: BreakingKind;
  /** What the running app still sends, which fails after the change. */
  readonly oldQuery: string;
  /** The expand step: the app's old query keeps working after it. */
  readonly expand: string;
  /** For the message: why the running app breaks. */
  readonly why: string;
  /** For the message: the expand/contract steps. */
  readonly steps: string;
  /** False when it takes no lock on the table (`RENAME VALUE` changes the type's catalog row only). */
  readonly locksTable?: false;
}

export const BREAKING_HAZARDS = [
  {
    id: 'drop-column',
    title: 'DROP COLUMN',
    sql: 'ALTER TABLE users DROP COLUMN email',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'holds the lock',
    oldQuery: 'SELECT id, email FROM users',
    expand: 'SELECT 1',
    why: 'its queries still read or write the column, and fail as soon as it is gone',
    steps: 'first ship app code that no longer uses the column (ignore it in the ORM model), then drop it in a later migration',
    recipe: [],
  },
  {
    id: 'rename-column',
    title: 'RENAME COLUMN',
    sql: 'ALTER TABLE users RENAME COLUMN email TO email_address',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'holds the lock',
    oldQuery: 'SELECT id, email FROM users',
    expand: 'ALTER TABLE users ADD COLUMN email_address text',
    why: 'its queries still use the old name',
    steps: 'add the new column, write to both, backfill, switch reads to the new one, and drop the old column in a later release',
    recipe: [{ sql: 'ALTER TABLE users ADD COLUMN email_address text', lock: 'ACCESS EXCLUSIVE', instant: true }],
  },
  {
    id: 'rename-table',
    title: 'ALTER TABLE … RENAME TO',
    sql: 'ALTER TABLE users RENAME TO accounts',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'holds the lock',
    oldQuery: "INSERT INTO users (id, email) VALUES (1000, 'x'); SELECT id, email FROM users",
    expand: 'ALTER TABLE users RENAME TO accounts; CREATE VIEW users AS SELECT * FROM accounts',
    why: 'its queries still name the old table',
    steps: 'rename and, in the same transaction, `CREATE VIEW old_name AS SELECT * FROM new_name` (a simple view takes reads and writes), then drop the view once no release uses the old name',
    recipe: [],
  },
  {
    id: 'drop-table',
    title: 'DROP TABLE',
    sql: 'DROP TABLE users',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'holds the lock',
    oldQuery: 'SELECT id FROM users',
    expand: 'SELECT 1',
    why: 'its queries still use the table',
    steps: 'first ship app code that no longer uses the table, then drop it in a later migration',
    recipe: [],
  },
  {
    id: 'rename-enum-value',
    title: 'ALTER TYPE … RENAME VALUE',
    setup: "CREATE TYPE mood AS ENUM ('sad', 'ok'); ALTER TABLE users ADD COLUMN mood mood",
    sql: "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'",
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    locksTable: false,
    rewrites: false,
    work: 'holds the lock',
    oldQuery: "UPDATE users SET mood = 'sad' WHERE id = 1",
    expand: "ALTER TYPE mood ADD VALUE 'unhappy'",
    why: 'it still writes and compares the old value',
    steps: 'add the new value (`ADD VALUE`), switch the app to it, update the rows, and stop using the old value in a later release',
    recipe: [],
  },
] as const satisfies readonly BreakingHazard[];

export function breakingHazard(id: BreakingKind): BreakingHazard {
  return BREAKING_HAZARDS.find((hazard) => hazard.id === id) as BreakingHazard;
}
