import { rules, type RuleName } from './rules';

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
const SQL_CONFIG_NAMES = ['recommended', 'scripts'] as const;
type SqlConfigName = (typeof SQL_CONFIG_NAMES)[number];
export const SQL_CONFIGS: ReadonlySet<ConfigName> = new Set(SQL_CONFIG_NAMES);

/**
 * Rules that declare languages without `guardrails/sql` (`meta.languages: ['js/js', …]`) are left
 * out of the `.sql` entries. Every other rule of a config, migration rules included, runs on `.sql` files too.
 */
const JS_ONLY_RULES: ReadonlySet<string> = new Set(
  Object.entries(rules)
    .filter(([, rule]) => {
      const languages = (rule.meta as { languages?: readonly string[] }).languages;
      return languages !== undefined && !languages.includes('guardrails/sql');
    })
    .map(([name]) => `guardrails/${name}`),
);

/**
 * Vue, Svelte, Astro and MDX files, for the configs that render links: linted only
 * where the user's config already matches them (and so gives them their parser),
 * never parsed as plain JS. ESLint applies a config whose pattern starts with `!` to
 * a file only when another config matches that file; the second `!` cancels the
 * negation in the glob matcher, so the pattern still matches every `.vue`, `.svelte`, `.astro` and `.mdx` file.
 */
export const TEMPLATE_FILES = ['!!**/*.{vue,svelte,astro,mdx}'];

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
    'guardrails/require-not-valid-constraint': 'error', // acts on migration files only
    'guardrails/no-unsafe-not-null': 'error', // acts on migration files only
    'guardrails/no-migration-conflict': 'error', // acts on migration files only
    'guardrails/no-modified-migration': 'error', // acts on migration files with a history record
    'guardrails/require-seed-transaction': 'error', // acts on seed files only
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
    'guardrails/no-migration-conflict': 'error', // acts on migration files only
    'guardrails/no-modified-migration': 'error', // acts on migration files with a history record
    'guardrails/require-seed-transaction': 'error', // acts on seed files only
    'guardrails/no-table-rewrite': 'error', // acts on migration files only
    'guardrails/no-breaking-schema-change': 'error', // acts on migration files only
  },
} satisfies Record<string, RuleRecord>;

/** Every exported config's name: a key added to `configRules` is a new config in both systems. */
export type ConfigName = keyof typeof configRules;

export const CONFIG_NAMES = Object.keys(configRules) as ConfigName[];

/*
 * The builders' return types are spelled out as plain literals, and the plugin's
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

/** The JS/TS entry of `flat/<name>`. */
function sourceEntry<Name extends ConfigName, Plugin>(name: Name, plugin: Plugin) {
  const entry = {
    name: `guardrails/${name}` as const,
    files: name === 'scripts' ? [...SOURCE_FILES] : [...SOURCE_FILES, ...TEMPLATE_FILES],
    plugins: { guardrails: plugin },
    rules: { ...configRules[name] } as RuleRecord,
  };
  // No `language` key (ESLint before 9.7 rejects it), but typed as optional so that
  // `configs.map((config) => config.language ? … : …)` type-checks in users' configs.
  return entry as typeof entry & { language?: string };
}

/** The `.sql` entry of `flat/<name>`: the SQL rules of the config, on the `guardrails/sql` language. */
function sqlEntry<Name extends ConfigName, Plugin>(name: Name, plugin: Plugin) {
  const rules: RuleRecord = Object.fromEntries(Object.entries(configRules[name]).filter(([rule]) => !JS_ONLY_RULES.has(rule)));
  return {
    name: `guardrails/${name}/sql` as const,
    files: [...SQL_FILES],
    plugins: { guardrails: plugin },
    language: 'guardrails/sql',
    rules,
  };
}

/** What `configs['flat/<name>']` is: `[JS/TS entry, .sql entry]` for the SQL configs, else the JS/TS entry. */
export type FlatConfigOf<Name extends ConfigName, Plugin> = Name extends SqlConfigName
  ? [ReturnType<typeof sourceEntry<Name, Plugin>>, ReturnType<typeof sqlEntry<Name, Plugin>>]
  : ReturnType<typeof sourceEntry<Name, Plugin>>;

/**
 * `plugin.configs['flat/<name>']` in `eslint.config.js`, or `extends: ['guardrails/<name>']`
 * with `defineConfig`; `plugin` must be the exported plugin object. `recommended` and
 * `scripts` are arrays (JS/TS, then `.sql`); `web` is one object.
 */
export function createFlatConfig<Name extends ConfigName, Plugin>(name: Name, plugin: Plugin): FlatConfigOf<Name, Plugin> {
  const source = sourceEntry(name, plugin);
  return (SQL_CONFIGS.has(name) ? [source, sqlEntry(name, plugin)] : source) as FlatConfigOf<Name, Plugin>;
}

/** The type of `plugin.configs`, derived from the record and the two builders, for a plugin of type `Plugin`. */
export type PluginConfigs<Plugin> = Record<ConfigName, ReturnType<typeof createLegacyConfig>> & {
  [Name in ConfigName as `flat/${Name}`]: FlatConfigOf<Name, Plugin>;
};
