import type { TSESTree } from '@typescript-eslint/utils';

interface SourceLike {
  readonly text: string;
  getLocFromIndex?: (index: number) => TSESTree.Position;
}

/**
 * The location of a source range `[start, end)` in the linted file, from any
 * host's `SourceCode` (ESLint's JS one, or a language's that lacks `getLocFromIndex`).
 */
export function locOfRange(sourceCode: SourceLike, range: readonly [number, number]): TSESTree.SourceLocation {
  return { start: positionAt(sourceCode, range[0]), end: positionAt(sourceCode, range[1]) };
}

function positionAt(sourceCode: SourceLike, index: number): TSESTree.Position {
  if (typeof sourceCode.getLocFromIndex === 'function') return sourceCode.getLocFromIndex(index);
  const text = sourceCode.text;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    // \n, \r\n (counted at the \n), lone \r, and the Unicode line breaks ESLint counts.
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10) || ch === 0x2028 || ch === 0x2029) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart };
}
