/**
 * How each tool that applies `.sql` migration files wraps them in transactions,
 * researched from each tool's own source (see `docs/languages/sql.md` for the
 * citations). The SQL host asks `sqlTransactionReason` for every statement that
 * must not run in a transaction (`CREATE INDEX CONCURRENTLY`…).
 */
import type { SqlStatement } from '../sql/statement';

export const SQL_RUNNERS = ['psql', 'prisma', 'supabase', 'drizzle', 'node-pg-migrate', 'flyway', 'golang-migrate'] as const;
export type SqlRunner = (typeof SQL_RUNNERS)[number];

/** Why a `.sql` migration's statement runs inside a transaction, per runner. */
export type SqlTransactionReason =
  | 'prisma-script'
  | 'supabase'
  | 'supabase-batch'
  | 'supabase-drop-index'
  | 'drizzle'
  | 'node-pg-migrate-sql'
  | 'flyway'
  | 'golang-migrate';

/** What the runner model needs to know about the file around one statement. */
export interface SqlFileShape {
  /** Top-level statements the file runs (for node-pg-migrate, its section runs), meta-commands excluded. */
  readonly statementCount: number;
  /** The file opens or closes transactions itself (`BEGIN`, `COMMIT`…). */
  readonly transactionControl: boolean;
}

/** A version as `[major, minor, patch]`, or null when it cannot be read. */
export function parseVersion(version: string | null): [number, number, number] | null {
  if (version === null) return null;
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/u.exec(version.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** `version` is known and older than `major.minor`. Unknown means a current release. */
function olderThan(version: [number, number, number] | null, major: number, minor: number): boolean {
  if (!version) return false;
  const [a, b] = version;
  return a !== major ? a < major : b < minor;
}

/**
 * Why `statement` runs inside a transaction under `runner`, or null when the
 * runner runs it on its own (autocommit). An explicit `BEGIN` in the file and
 * `DO` blocks are judged by the host, the same for every runner.
 */
export function sqlTransactionReason(
  runner: SqlRunner,
  runnerVersion: string | null,
  statement: SqlStatement,
  file: SqlFileShape,
): SqlTransactionReason | null {
  const version = parseVersion(runnerVersion);
  const concurrently = statement.flags.concurrently;
  switch (runner) {
    case 'psql':
      // `psql -f`: autocommit, each statement on its own unless the file says BEGIN.
      return null;
    case 'prisma':
      // Up to 7.3 the schema engine sends the whole script as one simple query
      // (`apply_migration_script` → `simple_query`): several statements are one
      // implicit transaction. 7.4.0 (prisma-engines#5767) runs CONCURRENTLY apart.
      if (file.statementCount <= 1) return null;
      return concurrently && !olderThan(version, 7, 4) ? null : 'prisma-script';
    case 'supabase':
      // Up to v2.108 the CLI sends a file as one batch, in one transaction. Since v2.109.0
      // (supabase/cli#5671) pipeline-incompatible statements run on their own, and a file
      // that opens its own transactions runs statement by statement. DROP INDEX CONCURRENTLY
      // joined that list with supabase/cli#6276 (merged 2026-08-19, after v2.111.0).
      if (olderThan(version, 2, 109)) return 'supabase-batch';
      if (file.transactionControl) return null;
      if (!concurrently) return 'supabase';
      if (statement.kind === 'DROP INDEX' && olderThan(version, 2, 112)) return 'supabase-drop-index';
      return null;
    case 'drizzle':
      // drizzle-orm's migrator (`PgDialect.migrate`) runs every pending migration in one transaction.
      return 'drizzle';
    case 'node-pg-migrate':
      // A `.sql` migration becomes `pgm.sql(section)` in a transactional migration; it cannot call `pgm.noTransaction()`.
      return 'node-pg-migrate-sql';
    case 'flyway':
      // Flyway's PostgreSQLParser runs `^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY` outside a
      // transaction, but not `REINDEX … CONCURRENTLY` (only `REINDEX SCHEMA|DATABASE|SYSTEM`).
      return concurrently && (statement.kind === 'CREATE INDEX' || statement.kind === 'DROP INDEX') ? null : 'flyway';
    case 'golang-migrate':
      // The postgres driver runs the whole file as one `ExecContext` (one simple query) unless
      // `x-multi-statement=true`: several statements are one implicit transaction.
      return file.statementCount > 1 ? 'golang-migrate' : null;
  }
}

/**
 * The runner a file's path names, or null: `prisma/migrations/**` (Prisma),
 * `supabase/migrations/**` (Supabase CLI), a `drizzle/` folder (drizzle-kit's
 * default `out`), Flyway's `V1__name.sql` / `U1__name.sql` / `R__name.sql`,
 * golang-migrate's `1_name.up.sql` / `1_name.down.sql`.
 */
export function runnerFromPath(relativePath: string): SqlRunner | null {
  const path = `/${relativePath.replace(/\\/gu, '/')}`;
  if (path.includes('/prisma/migrations/')) return 'prisma';
  if (path.includes('/supabase/migrations/')) return 'supabase';
  if (path.includes('/drizzle/')) return 'drizzle';
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^(?:[VU]\d[\w.]*|R)__.+\.sql$/u.test(base)) return 'flyway';
  if (/^\d+_.+\.(?:up|down)\.sql$/u.test(base)) return 'golang-migrate';
  return null;
}

/** node-pg-migrate's section markers in a `.sql` migration (its `sqlMigration.ts` regex). */
export const NODE_PG_MIGRATE_SECTION = /^\s*--[\s-]*(up|down)\s+migration/imu;
