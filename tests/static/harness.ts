import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

type Probe<T> = (node: TSESTree.Node, scope: TSESLint.Scope.Scope, sourceText: string) => T;

/**
 * Runs `probe(node, scope)` on the initialiser of `const probe = …` in `code`,
 * parsed by the real typescript-eslint parser inside a real ESLint Linter, so
 * scopes are exactly what rules see.
 */
export function withProbe<T>(code: string, probe: Probe<T>): T {
  let result: { value: T } | undefined;
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        VariableDeclarator(node) {
          if (node.id.type === AST_NODE_TYPES.Identifier && node.id.name === 'probe' && node.init) {
            result = { value: probe(node.init, context.sourceCode.getScope(node), context.sourceCode.text) };
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const config = {
    files: ['**/*.tsx'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { probe: { rules: { probe: rule } } },
    rules: { 'probe/probe': 'error' },
  };
  // typescript-eslint's rule and parser types describe the same objects ESLint's own types do.
  const messages = linter.verify(code, [config as unknown as Linter.Config], { filename: 'probe.tsx' });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('no `const probe = …` in the code');
  return result.value;
}
