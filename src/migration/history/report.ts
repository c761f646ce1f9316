/** Shared pieces of the history rules' reports. */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Where a history finding is reported: the file's first line. The finding is
 * about the file (or its folder) as a whole, and only needs the text, so it
 * works on every host (JS/TS and `.sql`).
 */
export function firstLine(text: string): TSESTree.SourceLocation {
  const end = text.search(/\r|\n/);
  return { start: { line: 1, column: 0 }, end: { line: 1, column: end === -1 ? text.length : end } };
}

/**
 * `firstLine` of the text, found on the first call only: most migrations have
 * no finding, and their text need not be searched.
 */
export function firstLineOnDemand(sourceCode: { readonly text: string }): () => TSESTree.SourceLocation {
  let location: TSESTree.SourceLocation | undefined;
  return () => (location ??= firstLine(sourceCode.text));
}

/** The folder as a person types it in a command: relative to ESLint's cwd, with `/`. */
export function displayFolder(cwd: string, dir: string): string {
  const relative = path.relative(cwd, dir);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

