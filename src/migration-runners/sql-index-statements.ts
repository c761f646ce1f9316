import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { evaluateString } from '../static';
import { analyzeSql } from '../sql/analyze';
import { lexSql, type Token } from '../sql/lexer';
import { joinStaticString, sourceIndexAt, type JoinedString } from '../sql/source-map';
import type { SqlStatement } from '../sql/statement';
import { normalizeTableName } from './table-names';

type Scope = TSESLint.Scope.Scope;

/** A `CREATE INDEX`, `DROP INDEX` or `REINDEX` found in SQL text. */
export interface SqlIndexStatement {
  readonly kind: 'create' | 'drop' | 'reindex';
  readonly concurrently: boolean;
  /** `CREATE INDEX … ON ONLY parent`: the partitioned-table pattern, which cannot be concurrent. */
  readonly only: boolean;
  /** Normalised table of a `CREATE INDEX`, else null. */
  readonly table: string | null;
  /** Normalised index name (`CREATE INDEX i`, `DROP INDEX s.i`, `REINDEX INDEX i`), or null. */
  readonly indexName: string | null;
  /** How the message names it: `CREATE INDEX users_email_idx ON users`. */
  readonly label: string;
  /** The concurrent form to recommend: `CREATE UNIQUE INDEX CONCURRENTLY`. */
  readonly concurrentForm: string;
  /** Source range of the statement's head when it is verbatim in the source, else null. */
  readonly span: readonly [number, number] | null;
  /** Source index where ` CONCURRENTLY` can be inserted, or null when the text is not verbatim. */
  readonly insertAt: number | null;
  /** The keywords are written in lower case, so the insertion should be too. */
  readonly lowerCase: boolean;
  /** Other statements share the string: Postgres runs them as one implicit transaction. */
  readonly multiStatement: boolean;
  /** Inside a `DO` block (one transaction by nature). */
  readonly nested: boolean;
  /** Run order inside the sink: `base + fraction` where base is the sink's source index. */
  readonly order: number;
}

/** What one SQL string does that the rule cares about, in statement order. */
export interface SqlScan {
  readonly indexes: SqlIndexStatement[];
  readonly createdTables: { readonly table: string; readonly order: number }[];
  /** Tables dropped (`DROP TABLE`): an index dropped with its table needs no care. */
  readonly droppedTables: { readonly table: string; readonly order: number }[];
  /** `BEGIN`/`START TRANSACTION` (open) and `COMMIT`/`ROLLBACK`/`END`/`ABORT` (close). */
  readonly transactionControl: { readonly open: boolean; readonly order: number }[];
}

const OPENERS: ReadonlySet<string> = new Set(['BEGIN', 'START TRANSACTION']);
const CLOSERS: ReadonlySet<string> = new Set(['COMMIT', 'ROLLBACK', 'END', 'ABORT']);
/** Cheap gate before lexing: a string without one of these words matters to no one here. */
const RELEVANT_WORD = /\b(?:index|reindex|begin|start|commit|rollback|end|abort|create|drop)\b/i;
const MAX_LABEL = 80;

/**
 * Reads every string `node` may evaluate to as SQL run by one sink call at
 * `sink` (whose position orders the statements against other calls).
 */
export function scanSqlExpression(node: TSESTree.Node, scope: Scope, sink: TSESTree.Node): SqlScan {
  const scan: SqlScan = { indexes: [], createdTables: [], droppedTables: [], transactionControl: [] };
  for (const alternative of evaluateString(node, scope)) {
    const joined = joinStaticString(alternative);
    if (!RELEVANT_WORD.test(joined.text)) continue;
    const statements = analyzeSql(joined.text);
    const topLevel = statements.filter((statement) => !statement.nested).length;
    let tokens: Token[] | null = null;
    for (const statement of statements) {
      const order = sink.range[0] + statement.start / (joined.text.length + 1);
      if (OPENERS.has(statement.kind) && !statement.nested) scan.transactionControl.push({ open: true, order });
      else if (CLOSERS.has(statement.verb) && !statement.nested) scan.transactionControl.push({ open: false, order });
      else if (statement.ddl && statement.kind === 'CREATE TABLE' && statement.name !== null && !statement.flags.temporary) {
        const table = normalizeTableName(statement.name);
        if (table !== null) scan.createdTables.push({ table, order });
      } else if (statement.ddl && statement.kind === 'DROP TABLE' && statement.name !== null) {
        const table = normalizeTableName(statement.name);
        if (table !== null) scan.droppedTables.push({ table, order });
      } else {
        tokens ??= lexSql(joined.text);
        const index = readIndexStatement(statement, joined, tokens, topLevel > 1, order);
        if (index) scan.indexes.push(index);
      }
    }
  }
  return scan;
}

function readIndexStatement(statement: SqlStatement, joined: JoinedString, tokens: readonly Token[], multiStatement: boolean, order: number): SqlIndexStatement | null {
  const own = tokens.filter((token) => token.start >= statement.start && token.end <= statement.end);
  const facts = readIndexFacts(statement, joined.text, own, (offset) => sourceIndexAt(joined, offset));
  return facts && { ...facts, multiStatement: multiStatement && !statement.nested, nested: statement.nested, order };
}

/** What an index statement is, whichever host its text comes from (a JS string or a `.sql` file). */
export type SqlIndexFacts = Omit<SqlIndexStatement, 'multiStatement' | 'nested' | 'order'>;

/** The statement is one `readIndexFacts` reads: `CREATE INDEX`, `DROP INDEX` or `REINDEX`. Ask it before building anything per statement. */
export function isIndexStatement(statement: SqlStatement): boolean {
  return (statement.ddl && (statement.kind === 'CREATE INDEX' || statement.kind === 'DROP INDEX')) || statement.kind === 'REINDEX';
}

/**
 * Reads a `CREATE INDEX`, `DROP INDEX` or `REINDEX` from its facts and its own
 * tokens (offsets into `text`); `sourceIndex` maps a text offset to the linted
 * file (null where the text is not verbatim there). Null for other statements.
 */
export function readIndexFacts(
  statement: SqlStatement,
  text: string,
  own: readonly Token[],
  sourceIndex: (offset: number) => number | null,
): SqlIndexFacts | null {
  if (!isIndexStatement(statement)) return null;
  // Every fact is built field by field in one order (no spread of shared fields): one object shape, no generic copy.
  const only = statement.flags.only;
  const lowerCase = statement.keywordCase === 'lower';
  if (statement.ddl && statement.kind === 'CREATE INDEX') {
    const concurrently = statement.flags.concurrently;
    const unique = statement.flags.unique ? 'UNIQUE ' : '';
    const target = statement.name ?? `ON ${statement.table ?? '…'}`;
    return {
      kind: 'create',
      concurrently,
      only,
      table: statement.table === null ? null : normalizeTableName(statement.table),
      indexName: statement.name === null ? null : normalizeTableName(statement.name),
      label: clip(`CREATE ${unique}INDEX${concurrently ? ' CONCURRENTLY' : ''} ${target}`),
      concurrentForm: `CREATE ${unique}INDEX CONCURRENTLY`,
      span: headSpan(text, sourceIndex, statement.start, statement.headEnd),
      insertAt: statement.nested ? null : insertionAfter(sourceIndex, own.find((token) => isWord(token, 'INDEX'))),
      lowerCase,
    };
  }
  if (statement.ddl && statement.kind === 'DROP INDEX') {
    const concurrently = statement.flags.concurrently;
    return {
      kind: 'drop',
      concurrently,
      only,
      table: null,
      indexName: statement.name === null ? null : normalizeTableName(statement.name),
      label: clip(`DROP INDEX${concurrently ? ' CONCURRENTLY' : ''} ${statement.name ?? '…'}`),
      concurrentForm: 'DROP INDEX CONCURRENTLY',
      span: headSpan(text, sourceIndex, statement.start, statement.headEnd),
      insertAt: statement.nested ? null : insertionAfter(sourceIndex, own.find((token) => isWord(token, 'INDEX'))),
      lowerCase,
    };
  }
  // `isIndexStatement` leaves only `REINDEX`.
  return readReindex(own, text, sourceIndex, statement.nested, only, lowerCase);
}

/** `REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE [CONCURRENTLY] name`. `REINDEX SYSTEM` cannot be concurrent. */
function readReindex(
  tokens: readonly Token[],
  text: string,
  sourceIndex: (offset: number) => number | null,
  nested: boolean,
  only: boolean,
  lowerCase: boolean,
): SqlIndexFacts | null {
  let i = 1;
  let concurrently = false;
  if (tokens[i]?.type === 'punct' && tokens[i]?.value === '(') {
    // PostgreSQL 14+: `REINDEX (CONCURRENTLY) TABLE t`.
    let depth = 0;
    for (; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) break;
      if (token.type === 'punct' && token.value === '(') depth++;
      else if (token.type === 'punct' && token.value === ')' && --depth === 0) break;
      else if (isWord(token, 'CONCURRENTLY')) concurrently = true;
    }
    i++;
  }
  const object = tokens[i];
  if (object?.type !== 'word' || !['INDEX', 'TABLE', 'SCHEMA', 'DATABASE'].includes(object.value)) return null;
  i++;
  if (isWord(tokens[i], 'CONCURRENTLY')) {
    concurrently = true;
    i++;
  }
  const name = tokens[i];
  const nameText = name ? text.slice(name.start, name.end) : '';
  const first = tokens[0];
  if (!first) return null;
  return {
    kind: 'reindex',
    concurrently,
    only,
    table: object.value === 'TABLE' && name ? normalizeTableName(nameText) : null,
    indexName: object.value === 'INDEX' && name ? normalizeTableName(nameText) : null,
    label: clip(`REINDEX ${object.value}${concurrently ? ' CONCURRENTLY' : ''}${nameText ? ` ${nameText}` : ''}`),
    concurrentForm: `REINDEX ${object.value} CONCURRENTLY`,
    span: headSpan(text, sourceIndex, first.start, (name ?? object).end),
    insertAt: nested ? null : insertionAfter(sourceIndex, object),
    lowerCase,
  };
}

function isWord(token: Token | undefined, value: string): boolean {
  return token?.type === 'word' && token.value === value;
}

/** Source index just past `token` when the whole token is verbatim in the source. */
function insertionAfter(sourceIndex: (offset: number) => number | null, token: Token | undefined): number | null {
  if (!token) return null;
  const first = sourceIndex(token.start);
  const last = sourceIndex(token.end - 1);
  if (first === null || last === null || last - first !== token.end - 1 - token.start) return null;
  return last + 1;
}

/** Source range of `[start, end)`, cut to the verbatim run it starts with; null when its start is not verbatim. */
export function headSpan(text: string, sourceIndex: (offset: number) => number | null, start: number, end: number): [number, number] | null {
  const from = sourceIndex(start);
  if (from === null) return null;
  // Stop where the text stops being a verbatim copy of the source (a hole, an escape).
  let last = start;
  while (last + 1 < end && sourceIndex(last + 1) === from + (last + 1 - start)) last++;
  while (last > start && /\s/.test(text[last] ?? '')) last--;
  return [from, from + (last - start) + 1];
}

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
