/**
 * What the history rules know about a migration folder: its migrations, its
 * record and (drizzle) its journal. Read once per process and kept until the
 * folder's, the record's or the journal's modification time changes, so
 * ESLint reads them once per run (and an editor sees a new record within a
 * second: see `getFolderState`).
 *
 * The cache is a module-level map: every worker thread of `eslint
 * --concurrency` loads its own copy of the plugin, so each thread reads the
 * folder once and no state is shared between threads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareNames, isMigrationFileName, isMigrationFolderName, makeUnit, FOLDER_MIGRATION_FILE, type MigrationUnit } from './folder';
import { JOURNAL_PATH, parseJournal, type JournalResult } from './journal';
import { parseRecord, RECORD_FILE_NAME, type ParsedEntry, type RecordError } from './record-format';

export type RecordState =
  | { readonly status: 'absent'; readonly path: string }
  | { readonly status: 'broken'; readonly path: string; readonly error: RecordError }
  | {
      readonly status: 'ok';
      readonly path: string;
      readonly entries: readonly ParsedEntry[];
      readonly byName: ReadonlyMap<string, ParsedEntry>;
      /** The recorded name that sorts last: a new migration must sort after it. */
      readonly lastName: string | null;
    };

export interface FolderState {
  readonly dir: string;
  readonly exists: boolean;
  /** The folder's migrations, in name order. */
  readonly units: readonly MigrationUnit[];
  readonly byName: ReadonlyMap<string, MigrationUnit>;
  readonly record: RecordState;
  /** drizzle-kit's `meta/_journal.json`, or null when the folder has none. */
  readonly journal: JournalResult | null;
  /** Whether the folder has a `meta/` folder (where drizzle-kit keeps its journal). */
  readonly hasMeta: boolean;
}

function stamp(file: string): string {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}:${stats.size}:${stats.ino}` : '-';
}

function listUnits(dir: string): { units: MigrationUnit[]; hasMeta: boolean } | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const units: MigrationUnit[] = [];
  let hasMeta = false;
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name === JOURNAL_PATH[0]) hasMeta = true;
    if (entry.isDirectory()) {
      if (isMigrationFolderName(entry.name) && fs.existsSync(path.join(dir, entry.name, FOLDER_MIGRATION_FILE))) {
        units.push(makeUnit(dir, entry.name, true));
      }
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isMigrationFileName(entry.name)) {
      units.push(makeUnit(dir, entry.name, false));
    }
  }
  return { units: units.sort((a, b) => compareNames(a.name, b.name)), hasMeta };
}

/** Reads the record file of a folder (no caching). */
export function readRecordState(dir: string): RecordState {
  const file = path.join(dir, RECORD_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'absent', path: file };
    return { status: 'broken', path: file, error: { line: 0, message: `it cannot be read (${code ?? (error as Error).message})` } };
  }
  const parsed = parseRecord(text);
  if (!parsed.ok) return { status: 'broken', path: file, error: parsed.error };
  const byName = new Map(parsed.entries.map((entry) => [entry.name, entry]));
  let lastName: string | null = null;
  for (const entry of parsed.entries) if (lastName === null || compareNames(entry.name, lastName) > 0) lastName = entry.name;
  return { status: 'ok', path: file, entries: parsed.entries, byName, lastName };
}

function readJournal(dir: string): JournalResult | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, ...JOURNAL_PATH), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : { ok: false, message: `it cannot be read (${code ?? 'error'})` };
  }
  return parseJournal(text);
}

/** Reads a folder's state from disk (no caching). */
export function readFolderState(dir: string): FolderState {
  const listing = listUnits(dir);
  const units = listing?.units ?? [];
  return {
    dir,
    exists: listing !== null,
    units,
    byName: new Map(units.map((unit) => [unit.name, unit])),
    record: readRecordState(dir),
    journal: listing?.hasMeta ? readJournal(dir) : null,
    hasMeta: listing?.hasMeta ?? false,
  };
}

interface CachedState {
  readonly key: string;
  readonly state: FolderState;
  /** The lint run that last checked the stamps (see `getFolderState`). */
  run: object | undefined;
  /** When it did (`performance.now()`). */
  checkedAt: number;
}

const cache = new Map<string, CachedState>();

/**
 * How long a lint run trusts a folder's state without looking at the disk
 * again. A `stat` costs tens of microseconds on a virtual machine's disk,
 * which was a third of what a migration rule spends on a small migration when
 * every linted file checked its folder again.
 */
export const RECHECK_AFTER_MS = 1000;

/**
 * The folder's state, read again only when the folder (files added, removed,
 * renamed), the record or the journal changed on disk.
 *
 * `run` names the lint run asking: ESLint gives every file of one run (one
 * `ESLint` instance, one config) the same `context.languageOptions` object, and
 * another run another one. Within a run the modification times are checked at
 * most once per {@link RECHECK_AFTER_MS} per folder, so `eslint .` checks each
 * folder about once, and a long-lived run (an editor's) sees a change on disk
 * within a second; a new run always checks. Without `run` (the CLI) it always checks.
 */
export function getFolderState(dir: string, run?: object): FolderState {
  const cached = cache.get(dir);
  const now = run === undefined ? 0 : performance.now();
  if (cached !== undefined && run !== undefined && cached.run === run && now - cached.checkedAt < RECHECK_AFTER_MS) return cached.state;
  // The journal is only looked at in folders that have a `meta/` (adding one changes the folder's time).
  const stamps = (hasMeta: boolean) =>
    `${stamp(dir)}|${stamp(path.join(dir, RECORD_FILE_NAME))}|${hasMeta ? stamp(path.join(dir, ...JOURNAL_PATH)) : ''}`;
  if (cached?.key === stamps(cached?.state.hasMeta === true)) {
    cached.run = run;
    cached.checkedAt = now;
    return cached.state;
  }
  const state = readFolderState(dir);
  cache.set(dir, { key: stamps(state.hasMeta), state, run, checkedAt: now });
  return state;
}
