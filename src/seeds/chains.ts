import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName, unwrapExpression } from '../static';

/** One link of a call chain after its root: `.name`, or a call `(…)`. */
export type ChainStep =
  | { readonly type: 'member'; readonly name: string | null; readonly node: TSESTree.MemberExpression }
  | { readonly type: 'call'; readonly node: TSESTree.CallExpression };

/**
 * A call chain read from its root: `knex('users').where(…).update` is root
 * `knex`, then a call, `.where`, a call, `.update`. `root` is the innermost
 * object (an identifier, `this`, or anything else we cannot follow).
 */
export interface Chain {
  readonly root: TSESTree.Node;
  readonly steps: readonly ChainStep[];
}

/** The chain that `node` (usually a callee) ends. Follows `await`, TS wrappers and `?.`. */
export function readChain(node: TSESTree.Node): Chain {
  const steps: ChainStep[] = [];
  let current = unwrapExpression(node);
  for (let hops = 0; hops < 64; hops++) {
    if (current.type === AST_NODE_TYPES.ChainExpression) current = unwrapExpression(current.expression);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
    else if (current.type === AST_NODE_TYPES.MemberExpression) {
      steps.push({ type: 'member', name: getStaticPropertyName(current), node: current });
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      steps.push({ type: 'call', node: current });
      current = unwrapExpression(current.callee);
    } else break;
  }
  steps.reverse();
  return { root: current, steps };
}

/** `this.db` is named `this.db`; plain identifiers by their name; anything else null. */
export function rootText(chain: Chain): string | null {
  if (chain.root.type === AST_NODE_TYPES.Identifier) return chain.root.name;
  if (chain.root.type === AST_NODE_TYPES.ThisExpression) {
    const first = chain.steps[0];
    return first?.type === 'member' && first.name !== null ? `this.${first.name}` : 'this';
  }
  return null;
}

/** The node `rootText` names: the identifier, or `this.x`. */
export function rootNode(chain: Chain): TSESTree.Node {
  const first = chain.steps[0];
  return chain.root.type === AST_NODE_TYPES.ThisExpression && first?.type === 'member' ? first.node : chain.root;
}

const MAX_LABEL = 60;

/**
 * A short human name for a chain up to (and including) the member at
 * `endStep`: `knex('users').insert`, `prisma.user.create`, `db.insert(users)`.
 * Arguments show only when they are one string or one identifier.
 */
export function describeChain(chain: Chain, endStep: number, withLastCall = false): string {
  let text = chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : chain.root.type === AST_NODE_TYPES.ThisExpression ? 'this' : '…';
  const last = withLastCall ? endStep + 1 : endStep;
  for (let index = 0; index <= last && index < chain.steps.length; index++) {
    const step = chain.steps[index];
    if (!step) break;
    if (step.type === 'member') text += step.name === null ? '[…]' : `.${step.name}`;
    else text += `(${describeArguments(step.node)})`;
  }
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

function describeArguments(call: TSESTree.CallExpression): string {
  if (call.arguments.length === 0) return '';
  const [first] = call.arguments;
  if (call.arguments.length === 1 && first) {
    const value = unwrapExpression(first);
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && value.value.length <= 30) return `'${value.value}'`;
    if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  }
  return '…';
}
