// The same setup written with `defineConfig` and string `extends` (ESLint 9.22+ and 10).
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import guardrails from 'eslint-plugin-guardrails';

export default defineConfig([
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parser: tsParser },
  },
  {
    files: ['**/*.{jsx,tsx}'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    plugins: { guardrails },
    extends: ['guardrails/recommended'],
  },
  {
    files: ['apps/web/**/*.{js,jsx,ts,tsx}'],
    plugins: { guardrails },
    extends: ['guardrails/web'],
    rules: {
      'guardrails/no-raw-external-anchor': ['error', { importSource: '@/components/SafeLink' }],
    },
  },
  {
    files: ['scripts/**/*.{js,ts}', 'infra/**/*.{js,ts}'],
    plugins: { guardrails },
    extends: ['guardrails/scripts'],
  },
]);
