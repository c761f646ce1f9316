import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';

type TypeOnlyWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression;

/**
 * The TypeScript-only wrappers that do not change a value at run time
 * (`x as T`, `x satisfies T`, `x!`, `<T>x`, `f<T>`). ESTree has no node for
 * parentheses, so those need no work.
 */
function isTypeOnlyWrapper(node: TSESTree.Node): node is TypeOnlyWrapper {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
      return true;
    default:
      return false;
  }
}

/** Strips the TypeScript-only wrappers around an expression, so `"a" as const` counts as `"a"`. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeOnlyWrapper(current)) current = current.expression;
  return current;
}

/** The outermost TypeScript-only wrapper around an expression (`(x as any)!`), or the expression: what its parent sees. */
export function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTypeOnlyWrapper(current.parent) && current.parent.expression === current) current = current.parent;
  return current;
}
