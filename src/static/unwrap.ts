import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';

/**
 * Strips the TypeScript-only wrappers that do not change a value at run time
 * (`x as T`, `x satisfies T`, `x!`, `<T>x`, `f<T>`), so `"a" as const` counts as `"a"`.
 * ESTree has no node for parentheses, so those need no work.
 */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        break;
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}
