import noAdhocDdl from './no-adhoc-ddl';
import noMigrationConflict from './no-migration-conflict';
import noModifiedMigration from './no-modified-migration';
import noRawExternalAnchor from './no-raw-external-anchor';
import requireConcurrentIndex from './require-concurrent-index';

/** Every rule of the pack, by name (without the `guardrails/` prefix). Keep sorted. */
export const rules = {
  'no-adhoc-ddl': noAdhocDdl,
  'no-migration-conflict': noMigrationConflict,
  'no-modified-migration': noModifiedMigration,
  'no-raw-external-anchor': noRawExternalAnchor,
  'require-concurrent-index': requireConcurrentIndex,
};

export type RuleName = keyof typeof rules;
