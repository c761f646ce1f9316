// Self-lint: typescript-eslint's type-checked rules, eslint-plugin-eslint-plugin on
// the rules and their tests, a ban on APIs ESLint 10 removed, and our own rules
// (from the built plugin) on our own code.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import guardrails from './dist/index.js';

/** `context.*` methods that ESLint 10 removed (their replacements in the message). */
const removedContextApis = [
  ['getScope', 'sourceCode.getScope(node)'],
  ['getSourceCode', 'context.sourceCode'],
  ['getFilename', 'context.filename'],
  ['getPhysicalFilename', 'context.physicalFilename'],
  ['getCwd', 'context.cwd'],
  ['getAncestors', 'sourceCode.getAncestors(node)'],
  ['getDeclaredVariables', 'sourceCode.getDeclaredVariables(node)'],
  ['markVariableAsUsed', 'sourceCode.markVariableAsUsed(name, node)'],
  ['parserServices', 'sourceCode.parserServices'],
  ['parserOptions', 'context.languageOptions.parserOptions'],
  ['getComments', 'sourceCode.getComments*'],
];

export default defineConfig([
  {
    ignores: ['dist/', 'coverage/', '.cache/', 'examples/', 'bench/', 'tests/integration/fixtures/', '**/node_modules/'],
  },
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Conflicts with no-non-null-assertion from the strict set; prefer explicit `as`.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Rule code walks ASTs whose unions TypeScript cannot always narrow.
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/rules/**/*.ts', 'tests/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/meta-property-ordering': 'off',
      'eslint-plugin/require-meta-docs-url': 'off', // set by createRule
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...removedContextApis.map(([property, replacement]) => ({
          object: 'context',
          property,
          message: `Removed in ESLint 10: use \`${replacement}\`.`,
        })),
        // The package re-exports these through getters; src/util/ast.ts reads them once (see there).
        ...[
          ['TSESLint', 'Scope'],
          ['ASTUtils', 'findVariable'],
          ['ASTUtils', 'getStaticValue'],
        ].map(([object, property]) => ({ object, property, message: 'Import it from src/util/ast.ts: the package getter runs on every access.' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@typescript-eslint/utils',
              importNames: ['AST_NODE_TYPES', 'AST_TOKEN_TYPES'],
              message: 'Import it from src/util/ast.ts: the package re-exports it through getters, which ran on every node check.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/util/ast.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
  // Dogfooding: our own rules on our own code.
  {
    // The JS/TS entry of `flat/recommended` (its second entry lints `.sql` files).
    ...guardrails.configs['flat/recommended'][0],
    files: ['src/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.mjs'],
  },
  {
    // Tests and fixtures quote DDL and external URLs on purpose.
    files: ['tests/**/*.ts'],
    rules: { 'guardrails/no-adhoc-ddl': 'off', 'guardrails/no-raw-external-anchor': 'off' },
  },
]);
