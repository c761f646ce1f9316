/**
 * The history checks: a shipped migration edited, renamed or deleted, and a
 * new migration inserted before the last shipped one. Policies over a folder's
 * state; the rule judges the linted file from the editor's buffer, the bin
 * judges every file from disk.
 */
import { compareNames, type MigrationUnit } from './folder';
import type { ParsedEntry } from './record-format';
import type { FolderState, RecordState } from './state';

type OkRecord = Extract<RecordState, { status: 'ok' }>;

export type HistoryFinding =
  /** A recorded migration whose content no longer matches its hash. */
  | { readonly kind: 'edited'; readonly name: string }
  /** An unrecorded migration with the content of a recorded one that is gone. */
  | { readonly kind: 'renamed'; readonly name: string; readonly from: string }
  /** An unrecorded migration whose name sorts before the last recorded one. */
  | { readonly kind: 'inserted'; readonly name: string; readonly last: string }
  /** A recorded migration that is no longer in the folder. */
  | { readonly kind: 'deleted'; readonly name: string };

const missingCache = new WeakMap<FolderState, readonly ParsedEntry[]>();

/** Recorded migrations that are no longer in the folder, in record order (computed once per folder state). */
export function missingEntries(state: FolderState, record: OkRecord): readonly ParsedEntry[] {
  let missing = missingCache.get(state);
  if (!missing) {
    missing = record.entries.filter((entry) => !state.byName.has(entry.name));
    missingCache.set(state, missing);
  }
  return missing;
}

/** The finding on one migration of the folder, given the hash of its current text, or null when it is fine. */
export function judgeMigration(state: FolderState, record: OkRecord, name: string, hash: string): HistoryFinding | null {
  const entry = record.byName.get(name);
  if (entry) return entry.hash === hash ? null : { kind: 'edited', name };
  const original = missingEntries(state, record).find((missing) => missing.hash === hash);
  if (original) return { kind: 'renamed', name, from: original.name };
  if (record.lastName !== null && compareNames(name, record.lastName) < 0) return { kind: 'inserted', name, last: record.lastName };
  return null;
}

/** Every history finding of a folder (what `guardrails-migrations check` prints). */
export function folderHistory(state: FolderState, record: OkRecord, hashOf: (unit: MigrationUnit) => string): HistoryFinding[] {
  const findings: HistoryFinding[] = [];
  const renamedFrom = new Set<string>();
  for (const unit of state.units) {
    const finding = judgeMigration(state, record, unit.name, hashOf(unit));
    if (finding) findings.push(finding);
    if (finding?.kind === 'renamed') renamedFrom.add(finding.from);
  }
  for (const missing of missingEntries(state, record)) {
    if (!renamedFrom.has(missing.name)) findings.push({ kind: 'deleted', name: missing.name });
  }
  return findings;
}

/** The folder's newest migration (last by name): where folder-wide findings are reported, so `eslint .` shows them. */
export function newestUnit(state: FolderState, filter?: (unit: MigrationUnit) => boolean): MigrationUnit | undefined {
  if (!filter) return state.units.at(-1);
  for (let index = state.units.length - 1; index >= 0; index--) {
    const unit = state.units[index] as MigrationUnit;
    if (filter(unit)) return unit;
  }
  return undefined;
}
