import noAdhocDdl from './no-adhoc-ddl';
import noRawExternalAnchor from './no-raw-external-anchor';
import requireConcurrentIndex from './require-concurrent-index';
import requireSeedTransaction from './require-seed-transaction';

/** Every rule of the pack, by name (without the `guardrails/` prefix). Keep sorted. */
export const rules = {
  'no-adhoc-ddl': noAdhocDdl,
  'no-raw-external-anchor': noRawExternalAnchor,
  'require-concurrent-index': requireConcurrentIndex,
  'require-seed-transaction': requireSeedTransaction,
};

export type RuleName = keyof typeof rules;
