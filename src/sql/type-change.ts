/**
 * Whether PostgreSQL rewrites a table for `ALTER COLUMN … TYPE new` given the
 * old type: a binary-coercible change that only relaxes the type modifier
 * (a longer `varchar`, more `numeric` precision at the same scale, `varchar`
 * to `text`…) is a catalog change; anything else writes a new copy of the
 * table. `tests/pg/rewrite-hazards.test.ts` proves each answer on PostgreSQL.
 */
import type { SqlType } from './types';

/** `no`: no rewrite; `yes`: a rewrite; `unknown`: depends on what the old type is (or on the session's TimeZone). */
export type TypeChangeVerdict = 'no' | 'yes' | 'unknown';

/** String types whose length limit can grow without a rewrite. */
const LENGTH_TYPES: ReadonlySet<string> = new Set(['varchar', 'varbit']);
/** Types with a precision modifier that can grow without a rewrite. */
const PRECISION_TYPES: ReadonlySet<string> = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval']);

/**
 * New types a change may reach without a rewrite from some old type (the
 * target of a widening): with the old type unknown, such a change cannot be
 * judged.
 */
export function mayBeWidening(to: SqlType, postgresVersion: number): boolean {
  if (to.array) return false;
  if (to.name === 'text' || to.name === 'numeric' || LENGTH_TYPES.has(to.name) || PRECISION_TYPES.has(to.name)) {
    return to.name !== 'timestamptz' || postgresVersion >= 12 || (to.args?.length ?? 0) > 0;
  }
  return false;
}

/** The verdict for a change from `from` (null: not known) to `to`. */
export function typeChangeVerdict(from: SqlType | null, to: SqlType, postgresVersion: number): TypeChangeVerdict {
  if (to.name === '') return 'unknown';
  if (from === null) return mayBeWidening(to, postgresVersion) ? 'unknown' : 'yes';
  if (from.array !== to.array) return 'yes';
  const fromArgs = from.args ?? [];
  const toArgs = to.args ?? [];
  if (from.name === to.name && sameArgs(fromArgs, toArgs)) return 'no';
  if (from.array) return 'yes';
  // varchar(n) → varchar(m ≥ n) / varchar / text; text → varchar (no limit).
  if ((from.name === 'varchar' || from.name === 'text') && to.name === 'text') return 'no';
  if ((from.name === 'varchar' || from.name === 'text') && to.name === 'varchar' && toArgs.length === 0) return 'no';
  if (LENGTH_TYPES.has(from.name) && from.name === to.name) return grows(fromArgs[0], toArgs[0]) ? 'no' : 'yes';
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (toArgs.length === 0) return 'no';
    if (fromArgs.length === 0) return 'yes';
    const [fromPrecision = 0, fromScale = 0] = fromArgs;
    const [toPrecision = 0, toScale = 0] = toArgs;
    return toScale === fromScale && toPrecision >= fromPrecision ? 'no' : 'yes';
  }
  if (PRECISION_TYPES.has(from.name) && from.name === to.name) return grows(fromArgs[0], toArgs[0]) ? 'no' : 'yes';
  // timestamp → timestamptz: no rewrite when the session's TimeZone is UTC (12+).
  if (from.name === 'timestamp' && to.name === 'timestamptz' && postgresVersion >= 12) return 'unknown';
  return 'yes';
}

function sameArgs(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** A length or precision limit that stays or grows (no limit is the largest). */
function grows(from: number | undefined, to: number | undefined): boolean {
  if (to === undefined) return true;
  if (from === undefined) return false;
  return to >= from;
}
