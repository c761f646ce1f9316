/**
 * The file being linted, seen by the history: its folder's state, its name
 * there, and the hash of its text as the editor holds it (so an edit counts
 * before it is saved). Computed once per linted file and shared by every rule
 * and by the baseline (the last file's answer, by its `SourceCode` and name).
 */
import { locateMigration } from './folder';
import { contentHash } from './hash';
import { getFolderState, type FolderState } from './state';

export interface HistoryContextLike {
  readonly filename: string;
  /** The same object for every file of one lint run (see `getFolderState`); absent in ESLint 8. */
  readonly languageOptions?: object;
  readonly sourceCode: { readonly text: string };
}

export interface CurrentMigration {
  readonly state: FolderState;
  /** The migration's name in its folder. */
  readonly name: string;
  /** Hash of the linted text (computed on first use). */
  hash(): string;
}

// The last file's answer, by its `SourceCode` and name: ESLint runs every rule on one file before it
// starts the next, so one entry serves them all, where a weak map paid an insertion per file. The
// name is part of the key because `Linter#verify` accepts one `SourceCode` for several file names.
// It keeps the last file's `SourceCode` alive until the next file is linted.
let lastSourceCode: object | null = null;
let lastFilename = '';
let lastCurrent: CurrentMigration | null = null;

/** The linted file as a migration of its folder, or null when its name is not a migration's (no version, a helper, a dot file). */
export function currentMigration(context: HistoryContextLike): CurrentMigration | null {
  const sourceCode = context.sourceCode;
  const filename = context.filename;
  if (sourceCode === lastSourceCode && filename === lastFilename) return lastCurrent;
  const located = locateMigration(filename);
  let current: CurrentMigration | null = null;
  if (located) {
    let hash: string | null = null;
    current = {
      state: getFolderState(located.dir, context.languageOptions),
      name: located.name,
      hash: () => (hash ??= contentHash(sourceCode.text)),
    };
  }
  lastSourceCode = sourceCode;
  lastFilename = filename;
  lastCurrent = current;
  return current;
}
