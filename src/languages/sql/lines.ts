import type { SqlPosition } from './ast';

/**
 * Line starts of a text, for offset ↔ position. Lines end at `\n`, `\r\n` or a
 * lone `\r` (what PostgreSQL and ESLint's core both treat as line breaks).
 */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** The text of each line, without its line break. */
  lines(): string[] {
    return this.starts.map((start, index) => {
      const next = this.starts[index + 1];
      if (next === undefined) return this.text.slice(start);
      const end = this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
      return this.text.slice(start, end);
    });
  }

  /** 1-based line, 0-based column of `index` (clamped to the text). */
  position(index: number): SqlPosition {
    const at = Math.max(0, Math.min(index, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (this.starts[low] ?? 0) };
  }

  /** Offset of a 1-based line, 0-based column; throws a RangeError outside the text, as ESLint's JS `SourceCode` does. */
  index(position: SqlPosition): number {
    const start = this.starts[position.line - 1];
    if (start === undefined || !Number.isInteger(position.column) || position.column < 0) {
      throw new RangeError(`Line ${position.line}, column ${position.column} is outside the text.`);
    }
    const next = this.starts[position.line] ?? this.text.length + 1;
    if (start + position.column > next - 1 && !(position.line === this.starts.length && start + position.column === this.text.length)) {
      throw new RangeError(`Column ${position.column} is outside line ${position.line}.`);
    }
    return start + position.column;
  }
}
