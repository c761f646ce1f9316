import type { TSESLint } from '@typescript-eslint/utils';
import { name, version } from '../package.json';
import { CONFIG_NAMES, createFlatConfig, createLegacyConfig } from './configs';
import type { ConfigName } from './configs';
import { sqlLanguage } from './languages/sql';
import { rules } from './rules';

type Configs = Record<ConfigName, TSESLint.ClassicConfig.Config> &
  Record<`flat/${ConfigName}`, TSESLint.FlatConfig.Config | TSESLint.FlatConfig.Config[]>;

const plugin = {
  meta: { name, version, namespace: 'guardrails' },
  rules,
  /** `language: 'guardrails/sql'` in a flat config (ESLint 9.7+). */
  languages: { sql: sqlLanguage },
  configs: {} as Configs,
};

// Built after `plugin` exists so every flat config holds this very object:
// ESLint compares plugin objects by identity when two configs name the same plugin.
for (const configName of CONFIG_NAMES) {
  plugin.configs[configName] = createLegacyConfig(configName);
  plugin.configs[`flat/${configName}`] = createFlatConfig(configName, plugin as unknown as TSESLint.FlatConfig.Plugin);
}

export = plugin;
