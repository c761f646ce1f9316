import type { Hazard } from './types';

/**
 * What `no-table-rewrite` reports, each row proven on PostgreSQL by
 * `tests/pg/rewrite-hazards.test.ts` (lock from `pg_locks`, rewrite from
 * `pg_class.relfilenode`), and the safe recipe the message names.
 *
 * `VACUUM FULL` cannot run in a transaction block, so the probe sees its
 * rewrite but not its lock: that comes from the PostgreSQL docs (`docLock`).
 */
export interface RewriteHazard extends Hazard {
  /** One line for the message: what to do instead. */
  readonly advice: string;
  /** The statement cannot run inside a transaction: the lock is the docs' (`VACUUM FULL`). */
  readonly alone?: boolean;
}

export const REWRITE_HAZARDS = [
  {
    id: 'alter-column-type',
    title: 'ALTER COLUMN … TYPE',
    sql: 'ALTER TABLE users ALTER COLUMN v TYPE bigint',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'add a new column of the new type, backfill it in batches, switch the app over, then drop the old column',
    recipe: [
      { sql: 'ALTER TABLE users ADD COLUMN v_new bigint', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'UPDATE users SET v_new = v WHERE id BETWEEN 1 AND 50', lock: 'ROW EXCLUSIVE' },
    ],
  },
  {
    id: 'add-column-volatile-default',
    title: 'ADD COLUMN … DEFAULT volatile()',
    sql: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'add the column without the default, then `SET DEFAULT` (new rows only), then backfill existing rows in batches',
    recipe: [
      { sql: 'ALTER TABLE users ADD COLUMN token uuid', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid()', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'UPDATE users SET token = gen_random_uuid() WHERE token IS NULL AND id BETWEEN 1 AND 50', lock: 'ROW EXCLUSIVE' },
    ],
  },
  {
    id: 'add-column-default-before-11',
    title: 'ADD COLUMN … DEFAULT constant',
    // PostgreSQL 11 stores a non-volatile default in the catalog ("fast default"); before, every
    // non-null default rewrote the table. PGlite is 18, so the probe shows the safe side only.
    sql: 'ALTER TABLE users ADD COLUMN flag int DEFAULT 0',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'rewrites the table',
    until: 11,
    advice: 'add the column without the default, then `SET DEFAULT`, then backfill existing rows in batches',
    recipe: [
      { sql: 'ALTER TABLE users ADD COLUMN flag int', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users ALTER COLUMN flag SET DEFAULT 0', lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
  {
    id: 'add-stored-generated-column',
    title: 'ADD COLUMN … GENERATED ALWAYS AS (…) STORED',
    sql: 'ALTER TABLE users ADD COLUMN v2 int GENERATED ALWAYS AS (v * 2) STORED',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'on PostgreSQL 18 add it `VIRTUAL`; before, add a plain column kept up to date by a trigger and backfill it in batches',
    recipe: [{ sql: 'ALTER TABLE users ADD COLUMN v2 int GENERATED ALWAYS AS (v * 2) VIRTUAL', lock: 'ACCESS EXCLUSIVE', instant: true }],
  },
  {
    id: 'set-expression',
    title: 'ALTER COLUMN … SET EXPRESSION',
    setup: 'ALTER TABLE users ADD COLUMN v2 int GENERATED ALWAYS AS (v * 2) STORED',
    sql: 'ALTER TABLE users ALTER COLUMN v2 SET EXPRESSION AS (v * 3)',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'add a new column with the new expression (`VIRTUAL` on PostgreSQL 18), switch the app over, then drop the old one',
    recipe: [{ sql: 'ALTER TABLE users ADD COLUMN v3 int GENERATED ALWAYS AS (v * 3) VIRTUAL', lock: 'ACCESS EXCLUSIVE', instant: true }],
  },
  {
    id: 'add-serial-column',
    title: 'ADD COLUMN … serial',
    sql: 'ALTER TABLE users ADD COLUMN n bigserial',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'add a nullable `bigint` column, create the sequence and `SET DEFAULT nextval(…)` for new rows, then backfill existing rows in batches',
    recipe: [
      { sql: 'ALTER TABLE users ADD COLUMN n bigint', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'CREATE SEQUENCE users_n_seq OWNED BY users.n', lock: 'ACCESS SHARE', instant: true },
      { sql: "ALTER TABLE users ALTER COLUMN n SET DEFAULT nextval('users_n_seq')", lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
  {
    id: 'add-identity-column',
    title: 'ADD COLUMN … GENERATED … AS IDENTITY',
    sql: 'ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'add a nullable `bigint` column with a sequence default for new rows, backfill existing rows in batches, and only then make it an identity',
    recipe: [
      { sql: 'ALTER TABLE users ADD COLUMN n bigint', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'CREATE SEQUENCE users_n_seq OWNED BY users.n', lock: 'ACCESS SHARE', instant: true },
      { sql: "ALTER TABLE users ALTER COLUMN n SET DEFAULT nextval('users_n_seq')", lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
  {
    id: 'vacuum-full',
    title: 'VACUUM FULL',
    sql: 'VACUUM FULL users',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    alone: true,
    advice: 'run plain `VACUUM` (it takes SHARE UPDATE EXCLUSIVE and writes no copy), or rebuild online with pg_repack / pg_squeeze',
    recipe: [{ sql: 'VACUUM users', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' }],
  },
  {
    id: 'cluster',
    title: 'CLUSTER',
    setup: 'CREATE INDEX users_v_idx ON users (v)',
    sql: 'CLUSTER users USING users_v_idx',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'reorder online with pg_repack, or leave the order to new writes',
    recipe: [{ sql: 'VACUUM users', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' }],
  },
  {
    id: 'set-logged',
    title: 'SET LOGGED / SET UNLOGGED',
    sql: 'ALTER TABLE users SET UNLOGGED',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: true,
    work: 'rewrites the table',
    advice: 'create a new table with the wanted persistence, copy the rows in batches, and swap the tables',
    recipe: [{ sql: 'CREATE UNLOGGED TABLE users_new (LIKE users INCLUDING ALL)', lock: 'ACCESS SHARE', instant: true }],
  },
] as const satisfies readonly (RewriteHazard & { readonly until?: number })[];

export type RewriteHazardId = (typeof REWRITE_HAZARDS)[number]['id'];

/** The hazard row of an id. */
export function rewriteHazard(id: RewriteHazardId): RewriteHazard {
  return REWRITE_HAZARDS.find((hazard) => hazard.id === id) as RewriteHazard;
}

/**
 * Column type changes PostgreSQL makes without a rewrite (it only checks, or
 * not even that), each proven by `tests/pg/rewrite-hazards.test.ts`. The rule
 * stays silent on them when it knows the old type; when it does not, a change
 * to one of these target types may be one of them (see `typeChangeVerdict`).
 */
export const NO_REWRITE_TYPE_CHANGES = [
  { from: 'varchar(50)', to: 'varchar(100)', since: 9 },
  { from: 'varchar(50)', to: 'varchar', since: 9 },
  { from: 'varchar(50)', to: 'text', since: 9 },
  { from: 'text', to: 'varchar', since: 9 },
  { from: 'numeric(10,2)', to: 'numeric(12,2)', since: 9 },
  { from: 'numeric(10,2)', to: 'numeric', since: 9 },
  { from: 'varbit(8)', to: 'varbit(16)', since: 9 },
  { from: 'timestamp(3)', to: 'timestamp(6)', since: 9 },
  { from: 'int', to: 'integer', since: 9 },
  // Only with the session's TimeZone set to UTC (PostgreSQL 12+); otherwise it rewrites.
  { from: 'timestamp', to: 'timestamptz', since: 12, timeZone: 'UTC' },
] as const;

/** Type changes that do rewrite, for the test's contrast (narrowing, scale, a different representation). */
export const REWRITE_TYPE_CHANGES = [
  { from: 'varchar(100)', to: 'varchar(20)' },
  { from: 'text', to: 'varchar(10)' },
  { from: 'numeric(10,2)', to: 'numeric(12,3)' },
  { from: 'numeric(10,2)', to: 'numeric(8,2)' },
  { from: 'int', to: 'bigint' },
  { from: 'char(5)', to: 'char(10)' },
  { from: 'char(5)', to: 'varchar(10)' },
  { from: 'json', to: 'jsonb' },
  { from: 'timestamp', to: 'timestamptz', timeZone: 'Europe/Paris' },
] as const;
