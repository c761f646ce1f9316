import { ESLintUtils } from '@typescript-eslint/utils';
import { createOptionsResolver } from './options-cache';

/** Extra `meta.docs` fields our rules carry (read by eslint-doc-generator and the configs test). */
export interface GuardrailsRuleDocs {
  /** Enabled by the `recommended` config. */
  recommended?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-guardrails/eslint-plugin-guardrails';

const namedRule = ESLintUtils.RuleCreator<GuardrailsRuleDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/**
 * Every rule is made here, so its `docs.url` always points at `docs/rules/<name>.md`.
 *
 * The rule's `create()` receives its options merged over `meta.defaultOptions`
 * exactly as typescript-eslint's `RuleCreator` merges them (`applyDefault`),
 * but merged once per distinct option set instead of once per file: the
 * merge clones the defaults, and a run lints thousands of files with a
 * handful of option sets. The merged options are frozen, since files share them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, GuardrailsRuleDocs>>,
): ReturnType<typeof namedRule<Options, MessageIds>> {
  const made = namedRule(rule);
  const resolve = createOptionsResolver<Options>(rule.meta.defaultOptions ?? ([] as unknown as Options));
  return { ...made, create: (context) => rule.create(context, resolve(context.options)) };
}
