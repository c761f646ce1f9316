import noAdhocDdl from './no-adhoc-ddl';
import noRawExternalAnchor from './no-raw-external-anchor';

/** Every rule of the pack, by name (without the `guardrails/` prefix). Keep sorted. */
export const rules = {
  'no-adhoc-ddl': noAdhocDdl,
  'no-raw-external-anchor': noRawExternalAnchor,
};

export type RuleName = keyof typeof rules;
