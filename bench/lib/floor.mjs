import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

/**
 * The floor of a rule: empty visitors on exactly the selectors the rule
 * listens to. A rule cannot cost less than being called on its nodes, so
 * "× floor" says how much of its time is real work.
 *
 * The selectors are learnt by running the rule's own `create()` once per probe
 * file inside a real Linter (a real context, so no stub can miss a property the
 * rule reads), with the rule's options; their union is the floor's visitor.
 */
export function learnSelectors(rule, { options = [], settings = {}, cwd, probeFiles }) {
  const selectors = new Set();
  const probe = {
    meta: { ...rule.meta },
    create(context) {
      for (const key of Object.keys(rule.create(context) ?? {})) selectors.add(key);
      return {};
    },
  };
  // The probe files must lie under the Linter's cwd, or it ignores them.
  const linter = new Linter({ configType: 'flat', cwd });
  for (const filename of probeFiles) {
    const messages = linter.verify(
      'export {};\n',
      [
        {
          files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], // `**/*` alone matches no file in flat config
          languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { probe: { rules: { rule: probe } } },
          rules: { 'probe/rule': ['error', ...options] },
          settings,
        },
      ],
      { filename },
    );
    const fatal = messages.find((message) => message.fatal || message.ruleId === null);
    if (fatal) throw new Error(`Probing the selectors failed on ${filename}: ${fatal.message}`);
  }
  return [...selectors].sort();
}

export function createFloorRule(selectors, description) {
  const noop = () => {};
  const visitor = Object.freeze(Object.fromEntries(selectors.map((selector) => [selector, noop])));
  return {
    meta: { type: 'problem', docs: { description }, schema: [] },
    create: () => visitor,
  };
}

/**
 * The floor plus the rule's own `create()`: separates the per-file set-up a
 * rule does (options, imports, file-name checks) from its per-node work.
 * Shares the rule's `meta`, so it gets the same options and defaults.
 */
export function createSetupRule(rule, selectors) {
  const noop = () => {};
  const visitor = Object.freeze(Object.fromEntries(selectors.map((selector) => [selector, noop])));
  return {
    meta: rule.meta,
    create(context) {
      rule.create(context);
      return visitor;
    },
  };
}

/**
 * Runs first on every file and is not reported. Under ESLint on Node 20 the
 * first `structuredClone` after each file's parse costs about 30 µs, later
 * ones about 1 µs. `RuleCreator` (typescript-eslint's utils, used by our rules
 * and by eslint-plugin-sql) clones the default options in every `create()`, so
 * without this rule that per-file cost would be charged to whichever such rule
 * ESLint happens to create first. Real configs nearly always contain one
 * (any typescript-eslint rule), so each rule is charged for its own work only.
 */
export const cloneWarmUpRule = {
  meta: { type: 'problem', docs: { description: 'Pays the first structuredClone of each file.' }, schema: [] },
  create() {
    structuredClone([]);
    return {};
  },
};

/**
 * The rule with `context.report` made a no-op: what it costs to analyse the
 * code, without building messages and suggestions (ESLint runs suggestion
 * fixers as soon as a problem is reported). The gap to the real rule is the
 * price of reporting, which a codebase that follows the policy does not pay.
 */
export function createQuietRule(rule) {
  return {
    meta: rule.meta,
    create(context) {
      return rule.create(Object.create(context, { report: { value: () => {} } }));
    },
  };
}
