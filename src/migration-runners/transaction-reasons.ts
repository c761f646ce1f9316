import type { Runner } from './runner';
import type { SqlTransactionReason } from './sql-runners';

/** Why a concurrent index statement would run inside a transaction. */
export type TransactionReason = Runner | SqlTransactionReason | 'callback' | 'option' | 'multiStatement' | 'begin' | 'startTransaction' | 'doBlock';

/** The message's `reason` (what wraps it) and `advice` (what to do; the message adds the final period) for each cause. */
export const TRANSACTION_REASONS: Readonly<Record<TransactionReason, { readonly reason: string; readonly advice: string }>> = {
  knex: {
    reason: 'knex runs each migration in one',
    advice: 'Export `config = { transaction: false }` from this migration',
  },
  'node-pg-migrate': {
    reason: 'node-pg-migrate runs each migration in one',
    advice: 'Call `pgm.noTransaction()` at the start of this migration function',
  },
  typeorm: {
    reason: 'TypeORM runs each migration in one',
    advice: 'Set `transaction = false` on this migration class',
  },
  'mikro-orm': {
    reason: 'MikroORM runs each migration in one',
    advice: 'Override `isTransactional()` to return `false` in this migration class',
  },
  // Neither Sequelize (sequelize-cli, umzug) nor Kysely's file-level API wraps a migration on its own.
  sequelize: { reason: 'the runner wraps it in one', advice: 'Run it outside the transaction' },
  kysely: { reason: 'the runner wraps it in one', advice: 'Run it outside the transaction' },
  callback: {
    reason: 'it runs inside a `transaction(…)` callback',
    advice: 'Run it outside the transaction callback',
  },
  option: {
    reason: 'it is passed a `transaction` option',
    advice: 'Run it without the `transaction` option',
  },
  multiStatement: {
    reason: 'Postgres runs a string of several statements as one',
    advice: 'Run it in a query of its own',
  },
  begin: {
    reason: 'an earlier `BEGIN` opened one',
    advice: 'Run it before the `BEGIN` or after the `COMMIT`',
  },
  startTransaction: {
    reason: 'an earlier `startTransaction()` opened one',
    advice: 'Run it before `startTransaction()` or after `commitTransaction()`',
  },
  doBlock: {
    reason: 'a `DO` block runs as one',
    advice: 'Run it as a statement of its own, outside the `DO` block',
  },
  // `.sql` migrations (the `guardrails/sql` language's `runner` option); sources in docs/languages/sql.md.
  'prisma-script': {
    reason: 'Prisma before 7.4 runs a migration file of several statements as one',
    advice: 'Move it to a migration of its own, or upgrade Prisma to 7.4 or later',
  },
  supabase: {
    reason: 'the Supabase CLI runs each migration file in one',
    advice: 'Move it to a migration of its own',
  },
  'supabase-batch': {
    reason: 'the Supabase CLI before v2.109 runs each migration file in one',
    advice: 'Upgrade the Supabase CLI to v2.109 or later, which runs it on its own',
  },
  'supabase-drop-index': {
    reason: 'the Supabase CLI before v2.112 runs it in the migration file\'s one',
    advice: 'Upgrade the Supabase CLI to v2.112 or later, which runs it on its own',
  },
  drizzle: {
    reason: "drizzle's migrator runs all pending migrations in one",
    advice: "Run it outside drizzle's migrator (a script or `psql`), which cannot run a migration outside its transaction",
  },
  'node-pg-migrate-sql': {
    reason: 'node-pg-migrate runs each migration in one',
    advice: 'Write this migration in JS/TS and call `pgm.noTransaction()`, which a `.sql` migration cannot do',
  },
  flyway: {
    reason: 'Flyway runs each migration in one and sets only `CREATE INDEX CONCURRENTLY` and `DROP INDEX CONCURRENTLY` apart',
    advice: "Put `executeInTransaction=false` in this migration's script configuration file (`<migration>.sql.conf`)",
  },
  'golang-migrate': {
    reason: 'golang-migrate sends the whole file as one query, which PostgreSQL runs as one',
    advice: 'Move it to a migration file of its own, or add `x-multi-statement=true` to the database URL',
  },
};
