/**
 * What every migration rule's policy needs from the model, whichever host fed
 * it: the statement facts each rule reads (parsed once per statement, shared
 * between rules), "is this table the migration's own", report locations from
 * model offsets, and whether two statements share a transaction.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TransactionReason } from '../migration-runners/transaction-reasons';
import { alterTableFacts, type AlterTableFacts } from '../sql/alter-table';
import { HOLE_CHAR } from '../sql/lexer';
import { setFacts, type SetFacts } from '../sql/statement-facts';
import { locOfRange } from './loc';
import { createdEarlier, type MigrationModel, type MigrationStatement } from './model';

const alterCache = new WeakMap<MigrationStatement, AlterTableFacts | null>();
const setCache = new WeakMap<MigrationStatement, SetFacts | null>();

/** The `ALTER TABLE` facts of a statement (parsed once, shared by every rule), or null. */
export function alterTableOf(statement: MigrationStatement): AlterTableFacts | null {
  // Other statements are answered without the cache: every rule asks about every statement.
  if (statement.statement.kind !== 'ALTER TABLE' || statement.tokens.length === 0) return null;
  let facts = alterCache.get(statement);
  if (facts === undefined) {
    facts = alterTableFacts(statement.tokens, statement.text);
    alterCache.set(statement, facts);
  }
  return facts;
}

/** The `SET [LOCAL] name …` facts of a statement, or null. */
export function setOf(statement: MigrationStatement): SetFacts | null {
  if ((statement.statement.verb !== 'SET' && statement.statement.verb !== 'RESET') || statement.tokens.length === 0) return null;
  let facts = setCache.get(statement);
  if (facts === undefined) {
    facts = setFacts(statement.tokens, statement.text);
    setCache.set(statement, facts);
  }
  return facts;
}

/** The table belongs to someone else: it was not created earlier in the same step (nobody else uses a new one yet). */
export function isExistingTable(model: MigrationModel, table: string | null, step: object, order: number): boolean {
  return !createdEarlier(model, table, step, order);
}

interface SourceLike {
  readonly text: string;
}

/**
 * Where to report `[start, end)` of a statement's text: the verbatim source range
 * when both ends map into the linted file, else the statement's own location.
 */
export function locIn(sourceCode: SourceLike, statement: MigrationStatement, start: number, end: number): TSESTree.SourceLocation {
  const from = statement.sourceIndex(start);
  const last = end > start ? statement.sourceIndex(end - 1) : from;
  if (from === null || last === null || last < from) return statement.loc;
  return locOfRange(sourceCode, [from, last + 1]);
}

/** The source index just past text offset `end` (where to insert after it), or null when it is not verbatim. */
export function insertionPoint(statement: MigrationStatement, end: number): number | null {
  const last = statement.sourceIndex(end - 1);
  return last === null ? null : last + 1;
}

/** Whether the keywords of a statement are lower case, so an insertion should be too. */
export function keywordText(statement: MigrationStatement, upper: string): string {
  return statement.statement.keywordCase === 'lower' ? upper.toLowerCase() : upper;
}

/** Reasons that wrap only the string (or DO block) the statement is in. */
const STRING_WIDE: ReadonlySet<TransactionReason> = new Set(['multiStatement', 'doBlock']);
const OPENERS: ReadonlySet<string> = new Set(['BEGIN', 'START TRANSACTION']);
const CLOSERS: ReadonlySet<string> = new Set(['COMMIT', 'ROLLBACK', 'END', 'ABORT']);

/**
 * Whether `later` runs in the same transaction as `earlier` (same step, both in
 * a transaction, and no `BEGIN`/`COMMIT` between them). Statements of one
 * multi-statement string share its implicit transaction; across strings, both
 * must be wrapped by something wider than their string (`wrapper`: the JS host
 * knows the runner's transaction around a multi-statement string).
 */
export function sameTransaction(
  model: MigrationModel,
  earlier: MigrationStatement,
  later: MigrationStatement,
  wrapper: (statement: MigrationStatement) => TransactionReason | null = (statement) => statement.transaction,
): boolean {
  if (earlier.step !== later.step || earlier.order >= later.order) return false;
  const between = model.statements.filter(
    (statement) => statement.step === earlier.step && statement.order > earlier.order && statement.order < later.order && !statement.statement.nested,
  );
  if (between.some((statement) => OPENERS.has(statement.statement.kind) || CLOSERS.has(statement.statement.verb))) return false;
  if (earlier.text === later.text && earlier.multiStatement && later.multiStatement) return true;
  const outer = (statement: MigrationStatement): TransactionReason | null => {
    const reason = statement.transaction !== null && STRING_WIDE.has(statement.transaction) ? wrapper(statement) : statement.transaction;
    return reason !== null && STRING_WIDE.has(reason) ? null : reason;
  };
  return outer(earlier) !== null && outer(earlier) === outer(later);
}

const MAX_LABEL = 80;

/** Text for a message: whitespace collapsed, clipped to a readable length. */
export function clipLabel(text: string): string {
  const collapsed = text.replaceAll(HOLE_CHAR, '${…}').replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_LABEL ? `${collapsed.slice(0, MAX_LABEL - 1)}…` : collapsed;
}

/** How a message names one action of an `ALTER TABLE`: the statement's head and the action's text `[start, end)`. */
export function actionLabel(statement: MigrationStatement, table: string | null, start: number, end: number): string {
  // Joined from words so the label is no SQL literal of our own.
  return clipLabel([keywordText(statement, 'ALTER'), keywordText(statement, 'TABLE'), table ?? '…', statement.text.slice(start, end)].join(' '));
}

/** `DEFAULT NULL` (also `NULL::int`, `(NULL)`): no default at all, so new rows read NULL. */
export function isNullDefault(expression: { readonly text: string } | null): boolean {
  return expression !== null && /^\(*\s*NULL\s*\)*(?:\s*::.*)?$/i.test(expression.text.trim());
}
