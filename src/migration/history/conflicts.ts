/**
 * Conflicts a folder shows without any record: two migrations claiming one
 * version, names in different version schemes, and drizzle's journal
 * disagreeing with the `.sql` files.
 */
import type { MigrationUnit } from './folder';
import type { FolderState } from './state';

interface FolderIndex {
  readonly byVersion: ReadonlyMap<string, readonly MigrationUnit[]>;
  /** The scheme most migrations use (on a tie, the first migration's), and one migration that uses it. */
  readonly usual: MigrationUnit | null;
  readonly schemes: number;
  /** The units `sameVersion` or `schemeOutlier` names another migration for. */
  readonly suspects: ReadonlySet<MigrationUnit>;
  /** Whether `journalFindings` has any. */
  readonly journalDisagrees: boolean;
}

// Computed once per folder state (not per linted file): a folder of n migrations costs O(n), not O(n²).
const indexes = new WeakMap<FolderState, FolderIndex>();

function indexOf(state: FolderState): FolderIndex {
  let index = indexes.get(state);
  if (index) return index;
  const byVersion = new Map<string, MigrationUnit[]>();
  const counts = new Map<string, number>();
  for (const unit of state.units) {
    const group = byVersion.get(unit.version.text);
    if (group) group.push(unit);
    else byVersion.set(unit.version.text, [unit]);
    counts.set(unit.version.scheme, (counts.get(unit.version.scheme) ?? 0) + 1);
  }
  let usual: MigrationUnit | null = null;
  let best = 0;
  for (const unit of state.units) {
    const count = counts.get(unit.version.scheme) as number;
    if (count > best) {
      best = count;
      usual = unit;
    }
  }
  const suspects = new Set<MigrationUnit>();
  for (const unit of state.units) {
    if (othersWithVersion(byVersion, unit).length > 0 || usualSchemeFor(usual, counts.size, unit) !== null) suspects.add(unit);
  }
  index = { byVersion, usual, schemes: counts.size, suspects, journalDisagrees: journalFindings(state).length > 0 };
  indexes.set(state, index);
  return index;
}

/** The units of `byVersion` other than `unit` that claim its version (none when its version is not unique, such as a date). */
function othersWithVersion(byVersion: ReadonlyMap<string, readonly MigrationUnit[]>, unit: MigrationUnit): MigrationUnit[] {
  if (!unit.version.unique) return [];
  return (byVersion.get(unit.version.text) ?? []).filter((other) => other !== unit);
}

/** `usual` when the folder mixes schemes and the unit does not use the usual one, else null. */
function usualSchemeFor(usual: MigrationUnit | null, schemes: number, unit: MigrationUnit): MigrationUnit | null {
  return schemes < 2 || usual === null || unit.version.scheme === usual.version.scheme ? null : usual;
}

/** The other migrations of the folder claiming the unit's version. */
export function sameVersion(state: FolderState, unit: MigrationUnit): MigrationUnit[] {
  return othersWithVersion(indexOf(state).byVersion, unit);
}

/**
 * When the unit's version scheme is not the folder's usual one, a migration
 * that uses the usual scheme. The usual scheme is the one most migrations use;
 * on a tie, the one of the first migration by name.
 */
export function schemeOutlier(state: FolderState, unit: MigrationUnit): MigrationUnit | null {
  const { usual, schemes } = indexOf(state);
  return usualSchemeFor(usual, schemes, unit);
}

/**
 * Whether the folder may hold a conflict to report on this unit: it shares
 * its version (`sameVersion`), uses an unusual scheme (`schemeOutlier`), or
 * the folder's journal has findings (`journalFindings`). Decided per folder,
 * so that a migration with none of these (nearly all) costs one set lookup.
 */
export function mayConflict(state: FolderState, unit: MigrationUnit): boolean {
  const index = indexOf(state);
  return index.journalDisagrees || index.suspects.has(unit);
}

export type JournalFinding =
  /** The journal cannot be read: drizzle's migrator fails before running anything. */
  | { readonly kind: 'journalUnreadable'; readonly message: string }
  /** A journal entry without its `.sql` file: `migrate()` throws. */
  | { readonly kind: 'journalMissingFile'; readonly tag: string }
  /** A `.sql` migration the journal does not list: never run. */
  | { readonly kind: 'journalUnlisted'; readonly name: string }
  /** An entry whose `when` is not later than the entry before it: skipped where the earlier one ran. */
  | { readonly kind: 'journalOutOfOrder'; readonly name: string; readonly previous: string };

const SQL = '.sql';

/** What is wrong between drizzle's journal and the folder's `.sql` files (empty without a journal). */
export function journalFindings(state: FolderState): readonly JournalFinding[] {
  let findings = journalCache.get(state);
  if (!findings) {
    findings = computeJournalFindings(state);
    journalCache.set(state, findings);
  }
  return findings;
}

const journalCache = new WeakMap<FolderState, readonly JournalFinding[]>();

function computeJournalFindings(state: FolderState): JournalFinding[] {
  const journal = state.journal;
  if (journal === null) return [];
  if (!journal.ok) return [{ kind: 'journalUnreadable', message: journal.message }];
  const findings: JournalFinding[] = [];
  const listed = new Set<string>();
  let previous: { tag: string; when: number } | null = null;
  for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
    listed.add(entry.tag + SQL);
    if (!state.byName.has(entry.tag + SQL)) findings.push({ kind: 'journalMissingFile', tag: entry.tag });
    else if (previous !== null && entry.when <= previous.when) {
      findings.push({ kind: 'journalOutOfOrder', name: entry.tag + SQL, previous: previous.tag + SQL });
    }
    previous = entry;
  }
  for (const unit of state.units) {
    if (unit.name.endsWith(SQL) && unit.file.endsWith(unit.name) && !listed.has(unit.name)) findings.push({ kind: 'journalUnlisted', name: unit.name });
  }
  return findings;
}
