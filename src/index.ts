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

/**
 * The SQL language as the plugin's public type shows it. Users only name it
 * (`language: 'guardrails/sql'`) and ESLint alone calls it; its exact type
 * (readonly visitor keys, its own `SourceCode`) is kept internal, as for rules,
 * so that ESLint's `Plugin` type accepts the plugin without a cast.
 */
interface PublicLanguage {
  readonly fileType: 'text';
  readonly lineStart: 0 | 1;
  readonly columnStart: 0 | 1;
  readonly nodeTypeKey: string;
  validateLanguageOptions(languageOptions: unknown): void;
  parse(file: unknown, context: unknown): never;
  createSourceCode(file: unknown, parseResult: unknown, context: unknown): never;
}

const base = {
  meta: { name, version, namespace: 'guardrails' as const },
  rules: rules satisfies Record<RuleName, PublicRule> as Record<RuleName, PublicRule>,
  /** `language: 'guardrails/sql'` in a flat config (ESLint 9.7+). */
  languages: { sql: sqlLanguage as unknown as PublicLanguage },
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
