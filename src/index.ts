import type { ESLint } from 'eslint';
import { name, version } from '../package.json';
import { CONFIG_NAMES, createFlatConfig, createLegacyConfig } from './configs';
import type { PluginConfigs } from './configs';
import { sqlLanguage } from './languages/sql';
import { rules } from './rules';
import type { RuleName } from './rules';

/** A rule listener's handler; declared as a method so its node parameter is compared loosely. */
type Handler = { visit(node: unknown): void }['visit'];

/**
 * A rule as the plugin's public type shows it: what ESLint's own types
 * (`eslint`, `@eslint/core`) and typescript-eslint's both accept. The rules are
 * typescript-eslint `RuleModule`s, whose `create(context)` expects context
 * methods ESLint 10's types no longer declare, so the exact type is kept
 * internal rather than making every TypeScript user cast the plugin.
 */
interface PublicRule {
  readonly meta: {
    readonly type: 'problem' | 'suggestion' | 'layout';
    readonly docs?: { readonly description: string; readonly url?: string; readonly recommended?: boolean };
  };
  create(context: unknown): Record<string, Handler | undefined>;
}

/** A language as ESLint's own types declare it (ESLint 9.7+; older ESLint has no languages). */
type PluginLanguage = NonNullable<ESLint.Plugin['languages']>[string];

const base = {
  meta: { name, version, namespace: 'guardrails' as const },
  rules: rules satisfies Record<RuleName, PublicRule> as Record<RuleName, PublicRule>,
  /**
   * `language: 'guardrails/sql'` in a flat config (ESLint 9.7+). Typed as ESLint's
   * own `Language`, which the implementation meets at run time; its precise type
   * (readonly visitor keys, its own `SourceCode` class) is kept internal.
   */
  languages: { sql: sqlLanguage as unknown as PluginLanguage },
};

/**
 * The plugin's type, written so that ESLint's own types accept it with no cast:
 * `defineConfig([{ plugins: { guardrails }, extends: ['guardrails/recommended'] }])`
 * (tests/integration/typed-config.test.ts checks it against ESLint 9 and 10).
 * An interface, because each flat config holds the plugin itself; everything
 * else is derived from `base` and the config record, so additions need no edit here.
 */
interface GuardrailsPlugin extends Readonly<typeof base> {
  readonly configs: PluginConfigs<GuardrailsPlugin>;
}

const configs = {} as Record<string, unknown>;
const plugin: GuardrailsPlugin = { ...base, configs: configs as PluginConfigs<GuardrailsPlugin> };

// Built after `plugin` exists so every flat config holds this very object:
// ESLint compares plugin objects by identity when two configs name the same plugin.
for (const configName of CONFIG_NAMES) {
  configs[configName] = createLegacyConfig(configName);
  configs[`flat/${configName}`] = createFlatConfig(configName, plugin);
}

export = plugin;
