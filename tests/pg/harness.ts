/**
 * A real PostgreSQL (PGlite: PostgreSQL compiled to WASM, in process) for the
 * migration rules' claims: which lock a statement takes and whether it
 * rewrites the table. One database per test file; each probe runs in a
 * transaction that is rolled back, so probes never see each other's changes.
 */
import { PGlite } from '@electric-sql/pglite';

export interface Probe {
  /** Lock modes held on `table` by this session right after the statement, strongest first. */
  readonly locks: string[];
  /** The strongest of `locks`, or null: what blocks other sessions. */
  readonly strongest: string | null;
  /** `pg_class.relfilenode` changed: PostgreSQL wrote a new copy of the table. */
  readonly rewrote: boolean;
  /** The error PostgreSQL raised, or null. */
  readonly error: string | null;
}

/** Strongest first: PostgreSQL's table lock modes. */
export const LOCK_ORDER = [
  'AccessExclusiveLock',
  'ExclusiveLock',
  'ShareRowExclusiveLock',
  'ShareLock',
  'ShareUpdateExclusiveLock',
  'RowExclusiveLock',
  'RowShareLock',
  'AccessShareLock',
] as const;

/** Starts a PostgreSQL; `setup` runs once (create and populate the tables the probes use). */
export async function startPostgres(setup: string): Promise<PGlite> {
  const db = new PGlite();
  await db.exec(setup);
  return db;
}

/**
 * Runs `statement` inside a transaction (after `before`, also inside it) and
 * reports the locks it left on `table` and whether `table` was rewritten. The
 * transaction is rolled back.
 */
export async function probe(db: PGlite, table: string, statement: string, before = ''): Promise<Probe> {
  const fileNode = async (): Promise<number | null> => {
    const result = await db.query<{ relfilenode: number }>('SELECT relfilenode FROM pg_class WHERE oid = to_regclass($1)', [table]);
    return result.rows[0]?.relfilenode ?? null;
  };
  await db.exec('BEGIN');
  try {
    if (before) await db.exec(before);
    const fileBefore = await fileNode();
    let error: string | null = null;
    try {
      await db.exec(statement);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    if (error !== null) return { locks: [], strongest: null, rewrote: false, error };
    const locks = await db.query<{ mode: string }>(
      'SELECT mode FROM pg_locks WHERE locktype = $1 AND relation = to_regclass($2) AND pid = pg_backend_pid()',
      ['relation', table],
    );
    const modes = [...new Set(locks.rows.map((row) => row.mode))].sort(
      (a, b) => LOCK_ORDER.indexOf(a as (typeof LOCK_ORDER)[number]) - LOCK_ORDER.indexOf(b as (typeof LOCK_ORDER)[number]),
    );
    return { locks: modes, strongest: modes[0] ?? null, rewrote: fileBefore !== (await fileNode()), error: null };
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Runs `statement` on its own (autocommit) and returns PostgreSQL's error, or null. For "cannot run inside a transaction block". */
export async function runAlone(db: PGlite, statement: string): Promise<string | null> {
  try {
    await db.exec(statement);
    return null;
  } catch (caught) {
    return caught instanceof Error ? caught.message : String(caught);
  }
}
