/**
 * The migration model: what a migration file runs, whichever host it comes
 * from (SQL strings in a JS/TS migration, or a `.sql` migration file).
 *
 * Migration rules are policies over this model and never look at the host:
 * a rule states its policy once and both hosts feed it the same statement
 * facts. Each host builds the model once per file (cached on the file's
 * `SourceCode`), so several rules share one pass and one set of scope lookups.
 *
 * Hosts:
 * - `js-host.ts`: SQL run through a runner's SQL calls and tagged templates in a
 *   JS/TS migration, with each runner's transaction model.
 * - `sql-host.ts`: the statements of a `.sql` file parsed by the `guardrails/sql`
 *   language, with the `runner` language option's transaction model.
 *
 * Builder calls (`knex.schema.alterTable`, `queryInterface.addIndex`…) are JS
 * only; the JS host may expose them as extra fields of its own model.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TransactionReason } from '../migration-runners/transaction-reasons';
import type { Token } from '../sql/lexer';
import type { SqlStatement } from '../sql/statement';

/** Which way a migration step runs. `down` is rollback code (`down()`, `revert`). */
export type Direction = 'up' | 'down';

/** One SQL statement a migration runs. */
export interface MigrationStatement {
  /** The SQL engine's facts (kind, names, flags). Its offsets are into `text`. */
  readonly statement: SqlStatement;
  /** The analysed SQL text the statement sits in: a JS string (holes as `HOLE_CHAR`) or the whole `.sql` file. */
  readonly text: string;
  /** The statement's own tokens, offsets into `text`. */
  readonly tokens: readonly Token[];
  /** Source index, in the linted file, of `text[offset]`; null where it is not verbatim there (a hole, an escape). */
  sourceIndex(offset: number): number | null;
  /** Where a finding on this statement is reported in the linted file. */
  readonly loc: TSESTree.SourceLocation;
  /**
   * Identity of the migration step the statement runs in (an `up`/`down`
   * function, or the file for a `.sql` migration). Tables created earlier in
   * the same step belong to the migration: nobody else uses them yet.
   */
  readonly step: object;
  /** `down` for rollback code, `up` for forward code, null when it cannot be told. */
  readonly direction: Direction | null;
  /** Execution order in the file; comparable between statements of one step. */
  readonly order: number;
  /** Why the statement runs inside a transaction, or null when it runs on its own (autocommit). */
  readonly transaction: TransactionReason | null;
  /** Other top-level statements share its string: PostgreSQL runs them as one implicit transaction. */
  readonly multiStatement: boolean;
}

/** A table a migration step creates (or drops), for "the migration's own table" checks. */
export interface TableEvent {
  /** Normalised table name (`normalizeTableName`). */
  readonly table: string;
  readonly step: object;
  readonly order: number;
}

/** Everything the migration rules need to know about one migration file. */
export interface MigrationModel {
  readonly host: 'js' | 'sql';
  /** Every SQL statement the file runs, in source order. */
  readonly statements: readonly MigrationStatement[];
  readonly createdTables: readonly TableEvent[];
  readonly droppedTables: readonly TableEvent[];
}

/** Whether `table` was created earlier in the same step: a lock on it harms no one. */
export function createdEarlier(model: MigrationModel, table: string | null, step: object, order: number): boolean {
  return table !== null && model.createdTables.some((created) => created.table === table && created.step === step && created.order < order);
}
