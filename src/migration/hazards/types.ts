/**
 * A hazard table: what each migration rule claims PostgreSQL does, as data.
 * The rule's messages and docs name these locks and recipes, and
 * `tests/pg/hazards.test.ts` runs every row on a real PostgreSQL (PGlite), so a
 * claim without a Postgres check cannot land.
 *
 * The probe tables (`tests/pg/hazards.test.ts` creates and fills them):
 * `users (id int NOT NULL, email text, parent_id int, v int)` with 100 rows,
 * `parent (id int PRIMARY KEY)` with ids 1..100, and the partitioned `events`
 * with partition `events_2024`.
 */

/** PostgreSQL's table lock modes, as its docs name them. */
export type LockMode =
  | 'ACCESS EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'SHARE ROW EXCLUSIVE'
  | 'SHARE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'ROW EXCLUSIVE'
  | 'ROW SHARE'
  | 'ACCESS SHARE';

/** What each lock blocks, for messages and docs (from the PostgreSQL docs' conflict table). */
export const LOCK_BLOCKS: Readonly<Record<LockMode, string>> = {
  'ACCESS EXCLUSIVE': 'blocks every read and write',
  EXCLUSIVE: 'blocks every write and row lock',
  'SHARE ROW EXCLUSIVE': 'blocks every write',
  SHARE: 'blocks every write',
  'SHARE UPDATE EXCLUSIVE': 'blocks other schema changes and VACUUM, not reads or writes',
  'ROW EXCLUSIVE': 'blocks no reads or writes',
  'ROW SHARE': 'blocks no reads or writes',
  'ACCESS SHARE': 'blocks only ACCESS EXCLUSIVE',
};

/** What PostgreSQL does under the lock, and how the test makes it visible. */
export type Work =
  /** Builds an index: a new index relation appears. */
  | 'builds an index'
  /** Reads every row: with a row that breaks the rule (`violation`) the statement fails. */
  | 'scans the table'
  /** Fails on a table with rows (`ADD COLUMN … NOT NULL` without a default). */
  | 'fails on existing rows'
  /** Holds the lock while a partition is detached. */
  | 'holds the lock';

/** One step of the safe recipe. */
export interface RecipeStep {
  readonly sql: string;
  /** The strongest lock the step takes on the probed table; null for steps that only run outside a transaction (see `alone`). */
  readonly lock: LockMode | null;
  /** `CONCURRENTLY`: fails inside a transaction block; runs on its own. Its lock (from the PostgreSQL docs) is `docLock`. */
  readonly alone?: boolean;
  /** For `alone` steps: the lock the PostgreSQL docs give it (a second session would be needed to watch it). */
  readonly docLock?: LockMode;
  /** The step does no work under its lock (no scan, no build), which the test proves where it can. */
  readonly instant?: boolean;
}

export interface Hazard {
  /** Stable key, also the docs row's anchor. */
  readonly id: string;
  /** How the docs name the hazard: `ADD CONSTRAINT … UNIQUE`. */
  readonly title: string;
  /** The example statement probed on the populated table. */
  readonly sql: string;
  /** The probed table. */
  readonly table: string;
  /** The strongest lock PostgreSQL takes on `table`. */
  readonly lock: LockMode;
  readonly rewrites: boolean;
  readonly work: Work;
  /** SQL that makes the work visible: run first, then `sql` must fail (it read the rows). */
  readonly violation?: string;
  /** SQL committed before the hazard and the recipe (an index to drop). */
  readonly setup?: string;
  /** SQL run before `sql` in the same transaction (what makes it the hazard). */
  readonly before?: string;
  /** The safe recipe, in order; each step in its own transaction unless `alone`. */
  readonly recipe: readonly RecipeStep[];
  /** The PostgreSQL major from which the rule reports it (a safe form exists). */
  readonly since?: number;
}

/** pg_locks' name of a lock mode: `ACCESS EXCLUSIVE` → `AccessExclusiveLock`. */
export function pgLockName(mode: LockMode): string {
  return `${mode
    .toLowerCase()
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Lock`;
}
