import noAdhocDdl from './no-adhoc-ddl';
import noBreakingSchemaChange from './no-breaking-schema-change';
import noRawExternalAnchor from './no-raw-external-anchor';
import noTableRewrite from './no-table-rewrite';
import noUnsafeNotNull from './no-unsafe-not-null';
import requireConcurrentIndex from './require-concurrent-index';
import requireLockTimeout from './require-lock-timeout';
import requireNotValidConstraint from './require-not-valid-constraint';

/** Every rule of the pack, by name (without the `guardrails/` prefix). Keep sorted. */
export const rules = {
  'no-adhoc-ddl': noAdhocDdl,
  'no-breaking-schema-change': noBreakingSchemaChange,
  'no-raw-external-anchor': noRawExternalAnchor,
  'no-table-rewrite': noTableRewrite,
  'no-unsafe-not-null': noUnsafeNotNull,
  'require-concurrent-index': requireConcurrentIndex,
  'require-lock-timeout': requireLockTimeout,
  'require-not-valid-constraint': requireNotValidConstraint,
};

export type RuleName = keyof typeof rules;
