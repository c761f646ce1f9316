/**
 * Type-level checks, run by `tsc` (`npm run lint`), of the plugin's source types
 * against both config helpers: ESLint's `defineConfig` (root ESLint's own types)
 * and typescript-eslint's `config`. The packed build is checked against ESLint 9
 * and 10 in tests/integration/typed-config.test.ts.
 */
import { defineConfig } from 'eslint/config';
import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import guardrails from '../../src/index';

export const asEslintPlugin: ESLint.Plugin = guardrails;

export const withDefineConfig: Linter.Config[] = defineConfig([
  { plugins: { guardrails }, extends: ['guardrails/recommended'] },
  guardrails.configs['flat/web'],
  ...guardrails.configs['flat/scripts'],
  { ...guardrails.configs['flat/web'], files: ['apps/**'] },
]);

// Deprecated in favour of defineConfig, but still in many users' configs.
// eslint-disable-next-line @typescript-eslint/no-deprecated
export const withTsEslintConfig: TSESLint.FlatConfig.ConfigArray = tseslint.config(
  { plugins: { guardrails }, rules: { 'guardrails/no-adhoc-ddl': 'error' } },
  guardrails.configs['flat/recommended'],
  { ...guardrails.configs['flat/web'], files: ['apps/**'] },
);

export const legacy: Linter.LegacyConfig = guardrails.configs.recommended;
export const legacyTs: TSESLint.ClassicConfig.Config = guardrails.configs.scripts;
