// The same setup written with `defineConfig` and string `extends` (ESLint 9.22+ and 10).
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';
import svelteParser from 'svelte-eslint-parser';
import * as astroParser from 'astro-eslint-parser';
import * as mdxParser from 'eslint-mdx';
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
  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } } },
  { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.astro'], languageOptions: { parser: astroParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.mdx'], languageOptions: { parser: mdxParser } },
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
