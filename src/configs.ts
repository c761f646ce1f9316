import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleName } from './rules';

export type ConfigName = 'recommended' | 'web' | 'scripts';
type Severity = 'error';
type RuleRecord = Partial<Record<`guardrails/${RuleName}`, Severity>>;

/** Every JS/TS flavour, so `eslint .` with a flat config picks up TS and JSX files too. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** `.sql` files, linted with the `guardrails/sql` language (ESLint 9.7+; flat config only). */
export const SQL_FILES = ['**/*.sql'];

/**
 * Configs whose flat form also lints `.sql` files: their flat config is an array
 * `[JS/TS entry, .sql entry]`. ESLint 8 and eslintrc cannot lint other languages,
 * so the legacy configs stay JS/TS only.
 */
export const SQL_CONFIGS: ReadonlySet<ConfigName> = new Set(['recommended', 'scripts']);

/**
 * Rules that only make sense for JS/TS (they declare `meta.languages: ['js/js']`): left out of the
 * `.sql` entries. Every other rule of a config, migration rules included, runs on `.sql` files too.
 */
const JS_ONLY_RULES: ReadonlySet<string> = new Set(['guardrails/no-raw-external-anchor']);

/**
 * The one record both config systems are built from: a rule enabled here is
 * enabled in `plugin:guardrails/<name>` and in `configs['flat/<name>']` alike.
 */
export const configRules: Record<ConfigName, RuleRecord> = {
  // A repo's root config: both policies everywhere; migrations are exempted by the rules themselves.
  recommended: {
    'guardrails/no-adhoc-ddl': 'error',
    'guardrails/no-raw-external-anchor': 'error',
    'guardrails/require-concurrent-index': 'error', // acts on migration files only
  },
  // The web app workspace renders links and may talk to a database from server code.
  web: {
    'guardrails/no-adhoc-ddl': 'error',
    'guardrails/no-raw-external-anchor': 'error',
  },
  // The scripts workspace and the migrations: SQL, no UI.
  scripts: {
    'guardrails/no-adhoc-ddl': 'error',
    'guardrails/require-concurrent-index': 'error', // acts on migration files only
  },
};

export const CONFIG_NAMES = Object.keys(configRules) as ConfigName[];

/** `extends: ['plugin:guardrails/<name>']` in `.eslintrc.*` (ESLint 8, and 9 in eslintrc mode). */
export function createLegacyConfig(name: ConfigName): TSESLint.ClassicConfig.Config {
  return {
    plugins: ['guardrails'],
    rules: { ...configRules[name] },
  };
}

/**
 * `plugin.configs['flat/<name>']` in `eslint.config.js`; `plugin` must be the
 * exported plugin object. `recommended` and `scripts` are arrays (JS/TS, then
 * `.sql`); `web` is one object.
 */
export function createFlatConfig(name: ConfigName, plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.Config | TSESLint.FlatConfig.Config[] {
  const source: TSESLint.FlatConfig.Config = {
    name: `guardrails/${name}`,
    files: [...SOURCE_FILES],
    plugins: { guardrails: plugin },
    rules: { ...configRules[name] },
  };
  if (!SQL_CONFIGS.has(name)) return source;
  const sqlRules = Object.fromEntries(Object.entries(configRules[name]).filter(([rule]) => !JS_ONLY_RULES.has(rule)));
  return [
    source,
    {
      name: `guardrails/${name}/sql`,
      files: [...SQL_FILES],
      plugins: { guardrails: plugin },
      // The typed config predates languages; ESLint 9.7+ reads `language`.
      ...({ language: 'guardrails/sql' } as object),
      rules: sqlRules,
    },
  ];
}
