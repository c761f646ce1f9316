import { analyzeSql } from './analyze';
import { lexSql } from './lexer';
import { TokenCursor } from './token-cursor';

/**
 * Data-changing facts about SQL text, on top of the statement classifier
 * (which knows DDL): which statements write rows, and which open or close a
 * transaction. Used by the seed rule; the classifier stays the one splitter.
 */
export type SqlEffect =
  /** A statement that changes rows: `INSERT INTO users`, `COPY users FROM`, `TRUNCATE users`… (`label` names it). */
  | { readonly type: 'write'; readonly label: string }
  /** `BEGIN`, `START TRANSACTION`. */
  | { readonly type: 'begin' }
  /** `COMMIT`, `ROLLBACK`, `END`, `ABORT`. */
  | { readonly type: 'end' };

/** Cheap gate before lexing: text without one of these words writes nothing and controls no transaction. */
const RELEVANT_WORD = /\b(?:insert|update|delete|merge|upsert|replace|copy|truncate|with|do|begin|start|commit|rollback|end|abort)\b/i;

const OPENERS: ReadonlySet<string> = new Set(['BEGIN', 'START TRANSACTION']);
const CLOSERS: ReadonlySet<string> = new Set(['COMMIT', 'ROLLBACK', 'END', 'ABORT']);
/** Verbs of a statement that writes rows. `UPSERT` is CockroachDB's, `REPLACE` MySQL's and SQLite's. */
const WRITE_VERBS: ReadonlySet<string> = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'REPLACE']);
const MAX_LABEL = 60;

/** Whether `text` may hold a write or a transaction statement (a regex test; no lexing). */
export function mayContainDml(text: string): boolean {
  return RELEVANT_WORD.test(text);
}

/** The writes and transaction controls in `text`, in order. Statements inside `DO` bodies count as writes too. */
export function sqlEffects(text: string): SqlEffect[] {
  if (!RELEVANT_WORD.test(text)) return [];
  const out: SqlEffect[] = [];
  for (const statement of analyzeSql(text)) {
    if (!statement.nested && OPENERS.has(statement.kind)) {
      out.push({ type: 'begin' });
      continue;
    }
    if (!statement.nested && CLOSERS.has(statement.verb)) {
      out.push({ type: 'end' });
      continue;
    }
    // TRUNCATE removes rows; in PostgreSQL it is transactional like a DELETE. (knex's `TRUNCATE ??` has no name to read.)
    if (statement.verb === 'TRUNCATE') {
      out.push({ type: 'write', label: statement.ddl ? statement.label : 'TRUNCATE' });
      continue;
    }
    if (statement.ddl) continue;
    if (!statement.exact) {
      // A statement inside an escaped string: its verb is all we can read.
      if (WRITE_VERBS.has(statement.verb)) out.push({ type: 'write', label: statement.verb });
      continue;
    }
    // Lexed on its own: a statement of a `DO` body sits inside a string token of the outer text.
    const own = text.slice(statement.start, statement.end);
    const label = writeLabel(new TokenCursor(lexSql(own), own));
    if (label !== null) out.push({ type: 'write', label });
  }
  return out;
}

/** `INSERT INTO users`, `UPDATE users`, `DELETE FROM users`, `COPY users FROM`…, or null for a statement that writes nothing. */
export function writeLabel(c: TokenCursor): string | null {
  const verb = c.word(0);
  if (verb === null) return null;
  switch (verb) {
    case 'INSERT':
    case 'REPLACE':
    case 'UPSERT':
      // `INSERT [IGNORE] [INTO] t`; MySQL's `REPLACE(…)` function never starts a statement.
      return named(c, verb, skipWords(c, 1, 'IGNORE', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'OR', 'ABORT', 'FAIL', 'ROLLBACK'), 'INTO');
    case 'UPDATE':
      return named(c, verb, skipWords(c, 1, 'ONLY', 'LOW_PRIORITY', 'IGNORE', 'OR'), null);
    case 'DELETE':
      return c.isWord(1, 'FROM') || c.isHole(1) || c.word(1) !== null ? named(c, verb, skipWords(c, 1, 'LOW_PRIORITY', 'QUICK', 'IGNORE'), 'FROM') : null;
    case 'MERGE':
      return c.isWord(1, 'INTO') ? named(c, verb, 1, 'INTO') : null;
    case 'COPY':
      return copyFrom(c);
    case 'WITH':
      return withWrite(c);
    default:
      return null;
  }
}

function skipWords(c: TokenCursor, from: number, ...words: string[]): number {
  let i = from;
  // `INSERT OR REPLACE INTO` (SQLite): `OR` and the conflict word that follows it.
  while (c.isWord(i, ...words)) i += c.isWord(i, 'OR') ? 2 : 1;
  return i;
}

/** `VERB [keyword] name` → `VERB keyword name`; the verb alone when no name follows (still a write). */
function named(c: TokenCursor, verb: string, from: number, keyword: string | null): string {
  let i = from;
  let head = verb;
  if (keyword !== null && c.isWord(i, keyword)) {
    head = `${verb} ${keyword}`;
    i++;
  }
  if (c.isWord(i, 'ONLY')) i++;
  const end = c.readName(i);
  return end === -1 ? head : clip(`${head} ${c.slice(i, end)}`);
}

/** `COPY t [(cols)] FROM …` writes; `COPY t TO …` and `COPY (query) TO …` read. */
function copyFrom(c: TokenCursor): string | null {
  const end = c.readName(1);
  if (end === -1) return null;
  const after = c.isPunct(end, '(') ? c.skipGroup(end) : end;
  return c.isWord(after, 'FROM') ? clip(`COPY ${c.slice(1, end)} FROM`) : null;
}

/**
 * `WITH … INSERT/UPDATE/DELETE/MERGE …` at the top, or a data-modifying CTE
 * (`WITH d AS (DELETE FROM t RETURNING *) SELECT …`). The verb must follow a
 * parenthesis, so `SELECT … FOR UPDATE` is not a write.
 */
function withWrite(c: TokenCursor): string | null {
  for (let i = 1; i < c.length; i++) {
    if (!(c.isPunct(i - 1, '(') || c.isPunct(i - 1, ')'))) continue;
    const verb = c.word(i);
    if (verb === null || !WRITE_VERBS.has(verb) || verb === 'REPLACE') continue;
    const inner = new TokenCursor(c.tokens.slice(i), c.text);
    const label = writeLabel(inner);
    if (label !== null) return clip(`WITH … ${label}`);
  }
  return null;
}

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
