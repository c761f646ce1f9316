/**
 * The AST of the `guardrails/sql` language: deliberately small. A `Program`
 * holds the file's top-level statements and psql meta-commands in source order;
 * each statement carries the SQL engine's facts (`src/sql/statement.ts`), the
 * same facts a SQL string in JS gets. Comments are kept on the `Program`.
 *
 * Positions follow ESTree: `range` is `[start, end)` in the text ESLint passes
 * (BOM removed), `loc` lines are 1-based and columns 0-based.
 */
import type { Token } from '../../sql/lexer';
import type { SqlStatement } from '../../sql/statement';

export interface SqlPosition {
  readonly line: number;
  readonly column: number;
}

export interface SqlSourceLocation {
  readonly start: SqlPosition;
  readonly end: SqlPosition;
}

interface BaseNode {
  readonly range: [number, number];
  readonly loc: SqlSourceLocation;
}

/** The root: every top-level unit of the file, in order. */
export interface SqlProgram extends BaseNode {
  readonly type: 'Program';
  readonly body: (SqlStatementNode | SqlMetaCommandNode)[];
  readonly comments: SqlCommentNode[];
}

/**
 * One top-level statement (`CREATE INDEX …`, `BEGIN`, `DO $$ … $$`), from its
 * first token to its last (the `;` is not part of it).
 */
export interface SqlStatementNode extends BaseNode {
  readonly type: 'Statement';
  /** Shorthand for `facts.kind`: `CREATE INDEX`, `ALTER TABLE`, `BEGIN`, `DO`, `SELECT`… */
  readonly kind: string;
  /** The SQL engine's facts about the statement (offsets into the file's text). */
  readonly facts: SqlStatement;
  /** The statement's tokens (offsets into the file's text). */
  readonly tokens: readonly Token[];
  /** What a `DO` block runs: its PL/pgSQL body's statements and the SQL of its `EXECUTE`s. Empty otherwise. */
  readonly nested: SqlNestedStatementNode[];
}

/** A statement a `DO` block runs. Its range is the statement itself, or the enclosing string when it is not verbatim there. */
export interface SqlNestedStatementNode extends BaseNode {
  readonly type: 'NestedStatement';
  readonly kind: string;
  readonly facts: SqlStatement;
}

/** A psql meta-command (`\set x 1`, `\i other.sql`, `\connect db`): tolerated and skipped by every rule. */
export interface SqlMetaCommandNode extends BaseNode {
  readonly type: 'MetaCommand';
  /** The command name without the backslash: `set`, `i`, `connect`. */
  readonly command: string;
}

/** `-- …` (`Line`) or `/* … *\/` (`Block`). `value` is the text between the markers. */
export interface SqlCommentNode extends BaseNode {
  readonly type: 'Line' | 'Block';
  readonly value: string;
}

export type SqlNode = SqlProgram | SqlStatementNode | SqlNestedStatementNode | SqlMetaCommandNode;

/** Child keys per node type, for ESLint's traversal and selectors. */
export const SQL_VISITOR_KEYS: Readonly<Record<SqlNode['type'], readonly string[]>> = {
  Program: ['body'],
  Statement: ['nested'],
  NestedStatement: [],
  MetaCommand: [],
};
