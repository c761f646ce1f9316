// Flat config (ESLint 9 and 10). One file at the root; workspaces get their
// config through `files`, so ESLint 9 and 10 resolve it the same way.
const tsParser = require('@typescript-eslint/parser');
const guardrails = require('eslint-plugin-guardrails');

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parser: tsParser },
  },
  {
    files: ['**/*.{jsx,tsx}'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },

  // The whole repo: both policies, on JS/TS and on `.sql` files (the guardrails/sql language).
  ...guardrails.configs['flat/recommended'],

  // The web app: both rules, and the quick-fix imports SafeLink from the app's alias.
  {
    ...guardrails.configs['flat/web'],
    files: ['apps/web/**/*.{js,jsx,ts,tsx}'],
  },
  {
    files: ['apps/web/**/*.{js,jsx,ts,tsx}'],
    rules: {
      'guardrails/no-raw-external-anchor': ['error', { importSource: '@/components/SafeLink' }],
    },
  },

  // Scripts and the migrations folder: the SQL rules only. `flat/scripts` is
  // [JS/TS entry, .sql entry]: scope the JS/TS one; `.sql` files are linted repo-wide.
  ...guardrails.configs['flat/scripts'].map((config) =>
    config.language ? config : { ...config, files: ['scripts/**/*.{js,ts}', 'infra/**/*.{js,ts}'] },
  ),
];
