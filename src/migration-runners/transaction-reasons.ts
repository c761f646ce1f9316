import type { Runner } from './runner';

/** Why a concurrent index statement would run inside a transaction. */
export type TransactionReason = Runner | 'callback' | 'option' | 'multiStatement' | 'begin' | 'startTransaction' | 'doBlock';

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
};
