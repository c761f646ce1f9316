import { currentMigration, type CurrentMigration, type HistoryContextLike } from './current';

/**
 * Whether the history record of the file's migration folder lists this file
 * with its current content hash: a shipped, unchanged migration. It has
 * already run everywhere, and the only fix for anything a rule could say about
 * it is an edit that `no-modified-migration` forbids, so the other migration
 * rules skip it (strong_migrations' `start_after`, without a date to maintain).
 *
 * The text hashed is the linted text (the editor's buffer), so editing a
 * shipped migration un-baselines it at once. No record, an unreadable record or
 * an unrecorded file: false.
 */
export function isShippedUnchanged(context: HistoryContextLike): boolean {
  const current = currentMigration(context);
  const record = current?.state.record;
  if (record?.status !== 'ok') return false;
  return record.byName.get((current as CurrentMigration).name)?.hash === (current as CurrentMigration).hash();
}
