import type { RuleName } from './rules';

type Severity = 'error';
type RuleRecord = Partial<Record<`guardrails/${RuleName}`, Severity>>;

/** Every JS/TS flavour, so `eslint .` with a flat config picks up TS and JSX files too. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * The one record both config systems are built from: a rule enabled here is
 * enabled in `plugin:guardrails/<name>` and in `configs['flat/<name>']` alike.
 */
export const configRules = {
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
} satisfies Record<string, RuleRecord>;

/** Every exported config's name: a key added to `configRules` is a new config in both systems. */
export type ConfigName = keyof typeof configRules;

export const CONFIG_NAMES = Object.keys(configRules) as ConfigName[];

/*
 * The two builders' return types are inferred on purpose, and the plugin's
 * `configs` type is derived from them (see `PluginConfigs`): a wide annotation
 * such as typescript-eslint's `TSESLint.FlatConfig.Config` is not assignable to
 * ESLint's own `Linter.Config` / `Plugin` types, and would make every user of
 * `defineConfig` from `eslint/config` cast the plugin (tests/integration/typed-config.test.ts).
 * Keep every field a plain mutable literal (`string[]`, not `readonly string[]`).
 */

/** `extends: ['plugin:guardrails/<name>']` in `.eslintrc.*` (ESLint 8, and 9 in eslintrc mode). */
export function createLegacyConfig(name: ConfigName) {
  return {
    plugins: ['guardrails'],
    rules: { ...configRules[name] } as RuleRecord,
  };
}

/**
 * `...plugin.configs['flat/<name>']` in `eslint.config.js`, or `extends: ['guardrails/<name>']`
 * with `defineConfig`; `plugin` must be the exported plugin object.
 */
export function createFlatConfig<Name extends ConfigName, Plugin>(name: Name, plugin: Plugin) {
  return {
    name: `guardrails/${name}` as const,
    files: [...SOURCE_FILES],
    plugins: { guardrails: plugin },
    rules: { ...configRules[name] } as RuleRecord,
  };
}

/** The type of `plugin.configs`, derived from the record and the two builders, for a plugin of type `Plugin`. */
export type PluginConfigs<Plugin> = Record<ConfigName, ReturnType<typeof createLegacyConfig>> & {
  [Name in ConfigName as `flat/${Name}`]: ReturnType<typeof createFlatConfig<Name, Plugin>>;
};
