import { classifyStatement, DDL_VERBS } from './classify';
import { HOLE_CHAR, isMetaCommand, isSpace, isWordPart, isWordStart, lexSql, type SqlComment, type Token } from './lexer';
import type { SqlStatement } from './statement';

/**
 * Where an offset in a nested text (a `DO` body, an `EXECUTE` string) lands in
 * the analysed text. `run` tells apart pieces that are not contiguous there
 * (the strings of `EXECUTE 'a' || x || 'b'`).
 */
type OffsetMap = (offset: number) => MappedOffset;

interface MappedOffset {
  readonly at: number;
  readonly exact: boolean;
  readonly run: number;
  /** When not exact: just past the enclosing string, so the statement spans it. */
  readonly spanEnd?: number;
}

/** Guards against pathological nesting (`DO` inside `EXECUTE` inside `DO`…). */
const MAX_NESTING = 4;

/**
 * In PL/pgSQL these words end one statement and start the next, so
 * `IF … THEN ALTER TABLE …` and `BEGIN ALTER TABLE …` expose the ALTER.
 */
const PLPGSQL_BREAKS: ReadonlySet<string> = new Set(['BEGIN', 'THEN', 'ELSE', 'LOOP', 'DECLARE', 'EXCEPTION']);

/**
 * Every statement in `text`, in order, classified. Statements are split on `;`
 * outside strings and comments; `DO $$ … $$` bodies and the strings of
 * PL/pgSQL `EXECUTE` are analysed too and their statements (marked `nested`)
 * follow the `DO` statement. Offsets refer to `text`.
 */
export function analyzeSql(text: string): SqlStatement[] {
  return analyzeSqlWithTokens(text).statements;
}

/**
 * False only when `analyzeSql(text)` finds no DDL statement, decided without
 * lexing. A text with no `;` is one statement, and that statement is DDL only
 * when its first token is a DDL verb (`DDL_VERBS`) or `DO`. So the answer is
 * false when, after spaces, the text starts with a word that is neither
 * (prose that names a DDL word: "Failed to create the user"), with a
 * character that starts no word (`#`, `<`, `{`, a quote, a digit), or is
 * empty; or when its first word is a DDL verb followed by nothing but
 * spaces, or (for verbs other than `SELECT`) followed at once by `.`, `:`, `,`
 * or a `-` that starts no comment (`create-product`, `grant:read`). A `;`, a
 * comment first or a hole first (which may stand for a statement of its own)
 * answers true and is left to `analyzeSql`. Characters are read with the
 * lexer's own tests, so the first word is the lexer's.
 */
export function mayHoldDdl(text: string): boolean {
  return leadingDdl(text, false);
}

/**
 * `mayHoldDdl`, also false when the text's one statement starts with a DDL
 * verb in mixed case ("Create table users", "Drop files here"): the verb is
 * the statement's first keyword, so its `keywordCase` is `mixed`, which is
 * how prose is cased. For callers that drop mixed-case statements anyway.
 */
export function mayHoldCodeCasedDdl(text: string): boolean {
  return leadingDdl(text, true);
}

function leadingDdl(text: string, codeCased: boolean): boolean {
  if (text.includes(';')) return true;
  const length = text.length;
  let i = 0;
  while (i < length && isSpace(text.charAt(i))) i++;
  if (i === length) return false;
  const first = text.charAt(i);
  if (!isWordStart(first)) {
    // The lexer skips comments; any other character starts a token that is no word.
    const next = text.charAt(i + 1);
    return (first === '-' && next === '-') || (first === '/' && next === '*') || first === HOLE_CHAR;
  }
  let end = i + 1;
  while (end < length && isWordPart(text.charAt(end))) end++;
  const raw = text.slice(i, end);
  const word = raw.toUpperCase();
  // A `DO` block's statements are its body's, cased on their own.
  if (word === 'DO') return true;
  if (!DDL_VERBS.has(word)) return false;
  if (codeCased && raw !== word && raw !== raw.toLowerCase()) return false;
  // Every DDL verb but SELECT (`SELECT-x INTO t`) is followed by a keyword or a name, never by
  // punctuation or an operator: ids, events and permissions (`create-product`, `drop.done`,
  // `grant:read`) are no statements.
  const after = text.charAt(end);
  if (word !== 'SELECT' && (after === '.' || after === ':' || after === ',' || (after === '-' && text.charAt(end + 1) !== '-'))) return false;
  // A verb alone ("create", a button's label) is no statement: every one takes an object or a name.
  let rest = end;
  while (rest < length && isSpace(text.charAt(rest))) rest++;
  return rest < length;
}

/** `analyzeSql`, with the tokens of `text` it read (`lexSql(text)`), for callers that need both. */
export function analyzeSqlWithTokens(text: string): { readonly statements: SqlStatement[]; readonly tokens: readonly Token[] } {
  const statements: SqlStatement[] = [];
  const tokens = analyzeInto(statements, text, false, IDENTITY, 0);
  return { statements, tokens };
}

/** Classifies the statements of `text` into `out`; returns the tokens it read. */
function analyzeInto(out: SqlStatement[], text: string, plpgsql: boolean, map: OffsetMap, depth: number): readonly Token[] {
  const tokens = lexSql(text);
  for (const group of splitStatements(tokens, plpgsql)) analyzeGroup(out, group, text, plpgsql, map, depth);
  return tokens;
}

/** Classifies the tokens of one statement into `out` (a `DO` block or PL/pgSQL `EXECUTE` adds what it runs instead). */
function analyzeGroup(out: SqlStatement[], tokens: readonly Token[], text: string, plpgsql: boolean, map: OffsetMap, depth: number): void {
  const [head] = tokens;
  if (!head) return;
  if (head.type === 'word' && head.value === 'DO') {
    if (depth < MAX_NESTING) analyzeDoBlock(out, tokens, map, depth);
    return;
  }
  if (plpgsql && head.type === 'word' && head.value === 'EXECUTE') {
    if (depth < MAX_NESTING) analyzeExecute(out, tokens, map, depth);
    return;
  }
  out.push(classifyAt(tokens, text, plpgsql, map, depth));
}

function classifyAt(tokens: readonly Token[], text: string, plpgsql: boolean, map: OffsetMap, depth: number): SqlStatement {
  const head = tokens[0] as Token;
  const verdict = classifyStatement(tokens, text, plpgsql);
  const start = map(head.start);
  const end = start.exact ? map((tokens.at(-1) ?? head).end).at : (start.spanEnd ?? start.at + 1);
  // Field by field: spreading the verdict into a literal with more fields is a slow generic copy (a profile of MikroORM's long migrations charged it more than the classification).
  return {
    kind: verdict.kind,
    ddl: verdict.ddl,
    verb: verdict.verb,
    object: verdict.object,
    name: verdict.name,
    table: verdict.table,
    label: verdict.label,
    flags: verdict.flags,
    complete: verdict.complete,
    keywordCase: verdict.keywordCase,
    start: start.at,
    end,
    headEnd: start.exact ? headEndIn(text, head.start, verdict.headEnd, map) : end,
    nested: depth > 0,
    exact: start.exact,
  };
}

/** One top-level unit of a SQL script: a statement (with what a `DO` block runs) or a psql meta-command. */
export type ScriptUnit =
  | {
      readonly type: 'statement';
      /** The statement's own tokens (no `;`), offsets into the script. */
      readonly tokens: readonly Token[];
      /** The statement's own facts (a `DO` block is classified as `DO`, not DDL). */
      readonly statement: SqlStatement;
      /** Statements a `DO` block runs (its body, and the strings its `EXECUTE`s run), marked `nested`. */
      readonly nested: readonly SqlStatement[];
    }
  | { readonly type: 'meta'; readonly token: Token };

export interface AnalyzedScript {
  readonly units: readonly ScriptUnit[];
  readonly comments: readonly SqlComment[];
}

const IDENTITY: OffsetMap = (offset) => ({ at: offset, exact: true, run: 0 });

/**
 * A whole SQL script (a `.sql` file) as psql reads it: statements split on `;`,
 * psql meta-commands (`\\set`, `\\i`…) as units of their own (they also end
 * the statement before them), comments collected. The same classifier as
 * `analyzeSql`, so a statement has the same facts in a JS string and in a file.
 */
export function analyzeSqlScript(text: string): AnalyzedScript {
  const comments: SqlComment[] = [];
  const tokens = lexSql(text, { comments, psql: true });
  const units: ScriptUnit[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const group = current;
    current = [];
    const nested: SqlStatement[] = [];
    const statement = classifyAt(group, text, false, IDENTITY, 0);
    const head = group[0] as Token;
    if (head.type === 'word' && head.value === 'DO') analyzeGroup(nested, group, text, false, IDENTITY, 0);
    units.push({ type: 'statement', tokens: group, statement, nested });
  };
  for (const token of tokens) {
    if (token.type === 'punct' && token.value === ';') {
      flush();
    } else if (isMetaCommand(token)) {
      flush();
      units.push({ type: 'meta', token });
    } else {
      current.push(token);
    }
  }
  flush();
  return { units, comments };
}

/**
 * The mapped end of a head, kept inside the run its statement starts in and
 * off trailing holes: `EXECUTE 'ALTER TABLE ' || t` ends at `TABLE`.
 */
function headEndIn(text: string, start: number, headEnd: number, map: OffsetMap): number {
  const first = map(start);
  for (let last = headEnd - 1; last > start; last--) {
    const ch = text.charAt(last);
    if (ch === HOLE_CHAR || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') continue;
    const mapped = map(last);
    if (mapped.exact && mapped.run === first.run) return mapped.at + 1;
  }
  return map(start + 1).at;
}

/** Tokens of each statement, without the separating `;` and never empty. */
export function splitStatements(tokens: readonly Token[], plpgsql = false): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'hole' && current.length === 0 && startsStatement(tokens[index + 1], token)) {
      // `${…}` where a statement starts, then a statement verb: the hole stands
      // for statements of its own (`${extra}\nCREATE TABLE t …`), so the verb
      // starts the next statement instead of hiding behind the hole.
      statements.push([token]);
      continue;
    }
    if (token.type === 'punct' && token.value === ';') {
      if (current.length > 0) statements.push(current);
      current = [];
    } else if (plpgsql && token.type === 'word' && PLPGSQL_BREAKS.has(token.value)) {
      if (current.length > 0) statements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

/** Words that only ever start a statement. */
const STATEMENT_VERBS: ReadonlySet<string> = new Set([
  'ALTER', 'ANALYZE', 'BEGIN', 'CALL', 'CLUSTER', 'COMMENT', 'COMMIT', 'CREATE', 'DELETE', 'DO', 'DROP', 'GRANT',
  'INSERT', 'REFRESH', 'REINDEX', 'REVOKE', 'SELECT', 'SET', 'TRUNCATE', 'UPDATE', 'VACUUM',
]);

/** Whether `next` is a statement verb separated from the hole before it (by space, a line break or a comment). */
function startsStatement(next: Token | undefined, hole: Token): boolean {
  return next?.type === 'word' && next.start > hole.end && STATEMENT_VERBS.has(next.value);
}

/** `DO [LANGUAGE plpgsql] $$ body $$`: the body is PL/pgSQL. */
function analyzeDoBlock(out: SqlStatement[], tokens: readonly Token[], map: OffsetMap, depth: number): void {
  const body = tokens.find((token) => token.type === 'string');
  if (!body) return;
  analyzeInto(out, body.value, true, stringMap(body, map), depth + 1);
}

/**
 * `EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' ADD c int'`: the strings are
 * joined with a hole for every piece in between, and the result is SQL.
 */
function analyzeExecute(out: SqlStatement[], tokens: readonly Token[], map: OffsetMap, depth: number): void {
  let text = '';
  const segments: { from: number; token: Token }[] = [];
  let pendingHole = false;
  for (const token of tokens.slice(1)) {
    if (token.type === 'string') {
      if (pendingHole && text !== '') text += HOLE_CHAR;
      pendingHole = false;
      segments.push({ from: text.length, token });
      // `format('ALTER TABLE %I …', t)`: a placeholder is an unknown piece (same length, so offsets hold).
      text += token.value.replace(/%[ILs]/g, `${HOLE_CHAR} `);
    } else if (!(token.type === 'punct' && token.value === '|')) {
      // `||` joins; anything else (a function call, a variable) is an unknown piece.
      pendingHole = true;
    }
  }
  const [first] = segments;
  if (!first) return;
  if (pendingHole) text += HOLE_CHAR;
  const nested: OffsetMap = (offset) => {
    let index = 0;
    let segment = first;
    segments.forEach((candidate, candidateIndex) => {
      if (candidate.from <= offset) {
        index = candidateIndex;
        segment = candidate;
      }
    });
    const mapped = stringMap(segment.token, map)(offset - segment.from);
    // Each string of the EXECUTE is its own run, numbered inside the run it sits in.
    return { ...mapped, run: mapped.run * 1000 + index };
  };
  analyzeInto(out, text, false, nested, depth + 1);
}

/** Offsets inside a string token's content, mapped to the outer text when the content is verbatim. */
function stringMap(token: Token, map: OffsetMap): OffsetMap {
  if (token.verbatim && token.contentStart !== undefined) {
    const contentStart = token.contentStart;
    return (offset) => map(contentStart + offset);
  }
  const at = map(token.start);
  const spanEnd = at.exact ? map(token.end - 1).at + 1 : (at.spanEnd ?? at.at + 1);
  return () => ({ ...at, exact: false, spanEnd });
}
