import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';

/**
 * The name a function or class is defined under: its own name, or the
 * variable or assignment it ends up in, looking through wrapping calls
 * (`forwardRef(...)`, `memo(forwardRef(...))`, `React.memo(...)`).
 */
function definedName(node: TSESTree.Node): string | null {
  if (
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression) &&
    node.id
  ) {
    return node.id.name;
  }
  let current: TSESTree.Node = node;
  let parent = current.parent;
  while (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
    current = parent;
    parent = current.parent;
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier) {
    return parent.left.name;
  }
  return null;
}

const DEFINITIONS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.ClassExpression,
]);

/**
 * Whether `node` sits inside the definition of the component named `name`:
 * the sanctioned component renders a raw `<a>` itself and must not need an
 * `eslint-disable` for it. Walks parents (no ancestor array is built).
 */
export function isInsideDefinitionOf(node: TSESTree.Node, name: string): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (DEFINITIONS.has(current.type) && definedName(current) === name) return true;
  }
  return false;
}
