import noAdhocDdl from './no-adhoc-ddl';
import noBreakingSchemaChange from './no-breaking-schema-change';
import noRawExternalAnchor from './no-raw-external-anchor';
import noTableRewrite from './no-table-rewrite';
import requireConcurrentIndex from './require-concurrent-index';

/** Every rule of the pack, by name (without the `guardrails/` prefix). Keep sorted. */
export const rules = {
  'no-adhoc-ddl': noAdhocDdl,
  'no-breaking-schema-change': noBreakingSchemaChange,
  'no-raw-external-anchor': noRawExternalAnchor,
  'no-table-rewrite': noTableRewrite,
  'require-concurrent-index': requireConcurrentIndex,
};

export type RuleName = keyof typeof rules;
