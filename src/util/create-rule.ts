import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields our rules carry (read by eslint-doc-generator and the configs test). */
export interface GuardrailsRuleDocs {
  /** Enabled by the `recommended` config. */
  recommended?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-guardrails/eslint-plugin-guardrails';

/** Every rule is made here, so its `docs.url` always points at `docs/rules/<name>.md`. */
export const createRule = ESLintUtils.RuleCreator<GuardrailsRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
