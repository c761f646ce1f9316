/**
 * drizzle-kit's journal (`meta/_journal.json`): drizzle's migrator runs the
 * `<tag>.sql` files the journal lists, in its order, and skips an entry whose
 * `when` is not later than the newest migration the database has run
 * (drizzle-orm `src/migrator.ts`, `src/pg-core/dialect.ts`).
 */
export const JOURNAL_PATH = ['meta', '_journal.json'] as const;

export interface JournalEntry {
  readonly idx: number;
  readonly when: number;
  readonly tag: string;
}

export type JournalResult = { readonly ok: true; readonly entries: readonly JournalEntry[] } | { readonly ok: false; readonly message: string };

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.idx === 'number' && typeof entry.when === 'number' && typeof entry.tag === 'string' && entry.tag !== '';
}

export function parseJournal(text: string): JournalResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  const entries = typeof data === 'object' && data !== null ? (data as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries) || !entries.every(isEntry)) {
    return { ok: false, message: 'it has no `entries` array of `{ idx, when, tag }` objects' };
  }
  return { ok: true, entries };
}
