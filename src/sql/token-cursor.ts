import { HOLE_CHAR, type Token } from './lexer';

/** Read helpers over the tokens of one statement (no `;`), for the classifier's grammar checks. */
export class TokenCursor {
  constructor(
    readonly tokens: readonly Token[],
    /** The text the token offsets refer to. */
    readonly text: string,
  ) {}

  get length(): number {
    return this.tokens.length;
  }

  at(index: number): Token | undefined {
    return this.tokens[index];
  }

  /** Upper-cased word at `index`, or null when it is not a bare word. */
  word(index: number): string | null {
    const token = this.tokens[index];
    return token?.type === 'word' ? token.value : null;
  }

  isWord(index: number, ...values: string[]): boolean {
    const word = this.word(index);
    return word !== null && values.includes(word);
  }

  isPunct(index: number, value: string): boolean {
    const token = this.tokens[index];
    return token?.type === 'punct' && token.value === value;
  }

  isHole(index: number): boolean {
    return this.tokens[index]?.type === 'hole';
  }

  /**
   * What sits at `index` for a follow-set lookup: a word's value, a punctuation
   * character, `''` at the end of the statement, `'?'` for a hole (always accepted).
   */
  follow(index: number): string {
    const token = this.tokens[index];
    if (!token) return '';
    if (token.type === 'hole') return '?';
    if (token.type === 'word' || token.type === 'punct') return token.value;
    return `<${token.type}>`;
  }

  /** Index just past the parenthesised group starting at `index` (which must be `(`). */
  skipGroup(index: number): number {
    let depth = 0;
    for (let i = index; i < this.tokens.length; i++) {
      if (this.isPunct(i, '(')) depth++;
      else if (this.isPunct(i, ')')) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return this.tokens.length;
  }

  /** First index ≥ `from` of one of `words` outside parentheses, or -1. */
  findWord(from: number, ...words: string[]): number {
    let depth = 0;
    for (let i = from; i < this.tokens.length; i++) {
      if (this.isPunct(i, '(')) depth++;
      else if (this.isPunct(i, ')')) depth = Math.max(0, depth - 1);
      else if (depth === 0 && this.isWord(i, ...words)) return i;
    }
    return -1;
  }

  /**
   * Index just past a (possibly qualified) name starting at `index`, or -1.
   * A name is words, quoted identifiers and holes joined by `.` or written
   * together (`users_${suffix}`); `allowString` also accepts `'…'` (MySQL users).
   */
  readName(index: number, allowString = false): number {
    if (!this.isNamePiece(index, allowString)) return -1;
    let end = index + 1;
    for (;;) {
      const previous = this.tokens[end - 1];
      const next = this.tokens[end];
      if (previous && next?.start === previous.end && this.isNamePiece(end, allowString)) {
        end++;
      } else if (this.isPunct(end, '.') && this.isNamePiece(end + 1, allowString)) {
        end += 2;
      } else {
        return end;
      }
    }
  }

  private isNamePiece(index: number, allowString: boolean): boolean {
    const token = this.tokens[index];
    if (!token) return false;
    return (
      token.type === 'word' ||
      token.type === 'quoted' ||
      token.type === 'hole' ||
      (allowString && token.type === 'string')
    );
  }

  /** Source text of tokens [from, to), holes shown as `${…}`. */
  slice(from: number, to: number): string {
    const first = this.tokens[from];
    const last = this.tokens[to - 1];
    if (!first || !last) return '';
    return this.text.slice(first.start, last.end).split(HOLE_CHAR).join('${…}').replace(/\s+/g, ' ');
  }

  /** Offset just past token `index - 1` (the end of a head that stops before `index`). */
  endBefore(index: number): number {
    return this.tokens[Math.min(index, this.tokens.length) - 1]?.end ?? 0;
  }
}
