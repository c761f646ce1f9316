import type { TSESTree } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

/**
 * Runs `probe(node, scope)` on the initialiser of `const probe = …` in `code`,
 * parsed by the real typescript-eslint parser inside a real ESLint Linter, so
 * scopes are exactly what rules see.
 */
export function withProbe<T>(
  code: string,
  probe: (node: TSESTree.Node, scope: TSESLint.Scope.Scope, sourceText: string) => T,
): T {
  let result: { value: T } | undefined;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.tsx'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  return {
                    VariableDeclarator(node: TSESTree.VariableDeclarator) {
                      if (node.id.type === 'Identifier' && node.id.name === 'probe' && node.init) {
                        const scope = context.sourceCode.getScope(node) as unknown as TSESLint.Scope.Scope;
                        result = { value: probe(node.init as TSESTree.Node, scope, context.sourceCode.text) };
                      }
                    },
                  } as never;
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: 'probe.tsx' },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('no `const probe = …` in the code');
  return result.value;
}
