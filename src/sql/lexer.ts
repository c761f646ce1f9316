/**
 * A small SQL lexer: just enough to know what is code and what is inside a
 * string, a quoted identifier or a comment. It never throws; unterminated
 * strings and comments simply run to the end of the input.
 *
 * A template hole (an unknown piece of a JS string) is written into the text
 * as HOLE_CHAR and comes out as a `hole` token, so `ALTER TABLE ${t}` still
 * reads as a statement with an unknown table name.
 */

/** Stands for one statically unknown piece of the string (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const HOLE_CHAR = '\uFFFC';

export type TokenType =
  /** A bare word: keyword or identifier. `value` is upper-cased. */
  | 'word'
  /** `"ident"` or `` `ident` ``. `value` is the identifier. */
  | 'quoted'
  /** `'…'`, `E'…'`, `N'…'`, `$$…$$`, `$tag$…$tag$`. `value` is the decoded content. */
  | 'string'
  | 'number'
  /** Bind parameter: `$1`, `?`, `:name`. */
  | 'param'
  /** Any other single character (`;`, `(`, `,`, `.`, operators…). */
  | 'punct'
  /** A template hole. */
  | 'hole';

export interface Token {
  readonly type: TokenType;
  readonly value: string;
  /** Offset of the first character in the lexed text. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** Strings only: offset of the first content character. */
  readonly contentStart?: number;
  /** Strings only: the content appears unchanged in the text (no `''` or backslash escapes). */
  readonly verbatim?: boolean;
  /** Strings only: dollar-quoted. */
  readonly dollar?: boolean;
}

const NON_ASCII_LETTER = /\p{L}/u;
export const isWordStart = (ch: string): boolean =>
  (ch >= 'a' && ch <= 'z') ||
  (ch >= 'A' && ch <= 'Z') ||
  ch === '_' ||
  // Identifiers may use any letter; `…` and other symbols are not words.
  (ch > '\u007f' && NON_ASCII_LETTER.test(ch));
export const isWordPart = (ch: string): boolean => isWordStart(ch) || (ch >= '0' && ch <= '9') || ch === '$';
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
export const isSpace = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v';

/** A comment found by the lexer (only collected when `LexOptions.comments` is given). */
export interface SqlComment {
  /** `line` for `-- …`, `block` for `/* … *\/` (PostgreSQL block comments nest). */
  readonly type: 'line' | 'block';
  /** Offset of `--` or `/*`. */
  readonly start: number;
  /** Offset just past the comment (a line comment stops before its line break). */
  readonly end: number;
  /** Text between the markers. */
  readonly value: string;
  /** A block comment with no closing `*\/`: it runs to the end of the text. */
  readonly unterminated: boolean;
}

export interface LexOptions {
  /** Collects every comment, in order. */
  readonly comments?: SqlComment[];
  /**
   * psql script mode (`.sql` files): a backslash outside quotes starts a psql
   * meta-command (`\set`, `\i`, `\connect`…) that runs to the end of its line
   * (or a `\\` separator). It comes out as one `punct` token whose value is the
   * whole command, starting with a backslash (see `isMetaCommand`).
   */
  readonly psql?: boolean;
  /**
   * psql mode: collects the ranges of `COPY … FROM stdin` data (the lines after
   * the statement, up to a line `\\.`), which are skipped, not lexed.
   */
  readonly copyData?: { start: number; end: number }[];
}

/** Whether `token` is a psql meta-command produced in psql mode. */
export function isMetaCommand(token: Token): boolean {
  return token.type === 'punct' && token.value.length > 1 && token.value.startsWith('\\');
}

/** Split `text` into tokens, dropping whitespace and comments. */
export function lexSql(text: string, options?: LexOptions): Token[] {
  const comments = options?.comments;
  const psql = options?.psql === true;
  const tokens: Token[] = [];
  /** psql mode: index of the first token of the current statement. */
  let statementStart = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const ch = text.charAt(i);
    const next = text[i + 1] ?? '';
    if (isSpace(ch)) {
      i++;
    } else if (ch === '-' && next === '-') {
      const end = skipLineComment(text, i);
      if (comments) {
        const stop = text[end - 1] === '\n' ? (text[end - 2] === '\r' ? end - 2 : end - 1) : end;
        comments.push({ type: 'line', start: i, end: stop, value: text.slice(i + 2, stop), unterminated: false });
      }
      i = end;
    } else if (ch === '/' && next === '*') {
      const end = skipBlockComment(text, i);
      if (comments) {
        const closed = end >= i + 4 && text[end - 2] === '*' && text[end - 1] === '/';
        comments.push({ type: 'block', start: i, end, value: text.slice(i + 2, closed ? end - 2 : end), unterminated: !closed });
      }
      i = end;
    } else if (psql && ch === '\\') {
      const end = metaCommandEnd(text, i);
      const value = text.slice(i, end);
      tokens.push({ type: 'punct', value, start: i, end });
      statementStart = tokens.length;
      // `\copy t FROM stdin`: the data lines that follow are not SQL.
      i = /^\\copy\b[^\n]*\bfrom\s+stdin\b/iu.test(value) ? skipCopyData(text, end, options.copyData) : end;
    } else if (psql && ch === ';') {
      tokens.push({ type: 'punct', value: ch, start: i, end: i + 1 });
      const copiesFromStdin = isCopyFromStdin(tokens, statementStart);
      statementStart = tokens.length;
      i = copiesFromStdin ? skipCopyData(text, i + 1, options.copyData) : i + 1;
    } else if (ch === HOLE_CHAR) {
      tokens.push({ type: 'hole', value: ch, start: i, end: i + 1 });
      i++;
    } else if (ch === "'") {
      const token = readQuotedString(text, i, i, false);
      tokens.push(token);
      i = token.end;
    } else if ((ch === 'E' || ch === 'e') && next === "'") {
      const token = readQuotedString(text, i, i + 1, true);
      tokens.push(token);
      i = token.end;
    } else if ('NnBbXx'.includes(ch) && next === "'") {
      // National, bit and hex strings: standard quoting rules.
      const token = readQuotedString(text, i, i + 1, false);
      tokens.push(token);
      i = token.end;
    } else if (ch === '"' || ch === '`') {
      const token = readQuotedIdentifier(text, i, ch);
      tokens.push(token);
      i = token.end;
    } else if (ch === '$') {
      const token = readDollar(text, i);
      tokens.push(token);
      i = token.end;
    } else if (isWordStart(ch)) {
      // Upper-cased only when a character could change: a word's other characters (A–Z, digits, `_`, `$`)
      // all sort below `a`, and `toUpperCase` costs as much as the slice even when it changes nothing.
      let changes = ch >= 'a';
      let end = i + 1;
      while (end < length) {
        const part = text.charAt(end);
        if (!isWordPart(part)) break;
        if (part >= 'a') changes = true;
        end++;
      }
      const written = text.slice(i, end);
      tokens.push({ type: 'word', value: changes ? written.toUpperCase() : written, start: i, end });
      i = end;
    } else if (isDigit(ch) || (ch === '.' && isDigit(next))) {
      let end = i + 1;
      while (end < length && (isDigit(text.charAt(end)) || text[end] === '.' || text[end] === '_')) end++;
      tokens.push({ type: 'number', value: text.slice(i, end), start: i, end });
      i = end;
    } else if (ch === '?') {
      tokens.push({ type: 'param', value: ch, start: i, end: i + 1 });
      i++;
    } else if (ch === ':' && isWordStart(next) && text[i - 1] !== ':') {
      // `:name` (named bind parameter); `::type` casts and `:=` are not.
      let end = i + 2;
      while (end < length && isWordPart(text.charAt(end))) end++;
      tokens.push({ type: 'param', value: text.slice(i, end), start: i, end });
      i = end;
    } else {
      tokens.push({ type: 'punct', value: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/**
 * End of a psql meta-command starting at `start`: the end of its line, or a
 * `\\\\` separator; quoted arguments (`\\set x 'a b'`) are skipped whole.
 */
function metaCommandEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') return i;
    if (ch === '\\' && text[i + 1] === '\\') return i + 2;
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      const newline = text.indexOf('\n', i + 1);
      // An argument never spans lines: an unclosed quote stops at the line's end.
      i = close === -1 || (newline !== -1 && newline < close) ? i + 1 : close + 1;
      continue;
    }
    i++;
  }
  return text.length;
}

/** `COPY … FROM STDIN` (pg_dump's data blocks), from the statement's tokens. */
function isCopyFromStdin(tokens: readonly Token[], start: number): boolean {
  if (tokens[start]?.type !== 'word' || tokens[start].value !== 'COPY') return false;
  for (let i = start + 1; i < tokens.length - 1; i++) {
    if (tokens[i]?.value === 'FROM' && tokens[i + 1]?.value === 'STDIN') return true;
  }
  return false;
}

/** Skips `COPY` data: the rest of the current line, then lines up to and including `\\.` (or the end of the text). */
function skipCopyData(text: string, from: number, ranges: { start: number; end: number }[] | undefined): number {
  const lineEnd = text.indexOf('\n', from);
  if (lineEnd === -1) return text.length;
  const start = lineEnd + 1;
  let at = start;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    const line = text.slice(at, end).replace(/\r$/u, '');
    if (line === '\\.') {
      ranges?.push({ start, end: at });
      return next === -1 ? text.length : next + 1;
    }
    at = end + 1;
  }
  ranges?.push({ start, end: text.length });
  return text.length;
}

function skipLineComment(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 ? text.length : newline + 1;
}

/** PostgreSQL block comments nest: `/* a /* b *\/ c *\/` is one comment. */
function skipBlockComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return text.length;
}

/**
 * `'…'` with `''` for a quote; with `escapes` (E-strings) also backslash escapes.
 * Plain strings follow standard SQL (a backslash is an ordinary character).
 */
function readQuotedString(text: string, start: number, quote: number, escapes: boolean): Token {
  let value = '';
  let verbatim = true;
  let i = quote + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (escapes && ch === '\\' && i + 1 < text.length) {
      value += decodeEscape(text.charAt(i + 1));
      verbatim = false;
      i += 2;
    } else if (ch === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        verbatim = false;
        i += 2;
      } else {
        return { type: 'string', value, start, end: i + 1, contentStart: quote + 1, verbatim };
      }
    } else {
      value += ch;
      i++;
    }
  }
  return { type: 'string', value, start, end: text.length, contentStart: quote + 1, verbatim };
}

function decodeEscape(ch: string): string {
  switch (ch) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    default:
      // Octal, hex and unicode escapes never matter for classification; keep the letter.
      return ch;
  }
}

function readQuotedIdentifier(text: string, start: number, quote: string): Token {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { type: 'quoted', value, start, end: i + 1 };
    }
    value += ch;
    i++;
  }
  return { type: 'quoted', value, start, end: text.length };
}

/** `$1` (parameter), `$$…$$` or `$tag$…$tag$` (dollar-quoted string), or a lone `$`. */
function readDollar(text: string, start: number): Token {
  const next = text[start + 1] ?? '';
  if (isDigit(next)) {
    let end = start + 2;
    while (end < text.length && isDigit(text.charAt(end))) end++;
    return { type: 'param', value: text.slice(start, end), start, end };
  }
  let tagEnd = start + 1;
  if (isWordStart(next)) {
    tagEnd++;
    while (tagEnd < text.length && isWordPart(text.charAt(tagEnd)) && text[tagEnd] !== '$') tagEnd++;
  }
  if (text[tagEnd] !== '$') return { type: 'punct', value: '$', start, end: start + 1 };
  const tag = text.slice(start, tagEnd + 1);
  const contentStart = tagEnd + 1;
  const close = text.indexOf(tag, contentStart);
  const contentEnd = close === -1 ? text.length : close;
  return {
    type: 'string',
    value: text.slice(contentStart, contentEnd),
    start,
    end: close === -1 ? text.length : close + tag.length,
    contentStart,
    verbatim: true,
    dollar: true,
  };
}
