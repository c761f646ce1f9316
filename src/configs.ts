import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleName } from './rules';

export type ConfigName = 'recommended' | 'web' | 'scripts';
type Severity = 'error';
type RuleRecord = Partial<Record<`guardrails/${RuleName}`, Severity>>;

/** Every JS/TS flavour, so `eslint .` with a flat config picks up TS and JSX files too. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

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
    'guardrails/require-not-valid-constraint': 'error', // acts on migration files only
    'guardrails/no-unsafe-not-null': 'error', // acts on migration files only
    'guardrails/no-table-rewrite': 'error', // acts on migration files only
    'guardrails/no-breaking-schema-change': 'error', // acts on migration files only
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
    'guardrails/require-not-valid-constraint': 'error', // acts on migration files only
    'guardrails/no-unsafe-not-null': 'error', // acts on migration files only
    'guardrails/no-table-rewrite': 'error', // acts on migration files only
    'guardrails/no-breaking-schema-change': 'error', // acts on migration files only
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

/** `...plugin.configs['flat/<name>']` in `eslint.config.js`; `plugin` must be the exported plugin object. */
export function createFlatConfig(name: ConfigName, plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.Config {
  return {
    name: `guardrails/${name}`,
    files: [...SOURCE_FILES],
    plugins: { guardrails: plugin },
    rules: { ...configRules[name] },
  };
}
