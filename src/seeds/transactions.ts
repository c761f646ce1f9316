import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName, unwrapExpression } from '../static';
import { describeChain, readChain, type Chain } from './chains';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/**
 * A call that opens a transaction:
 * - `callback`: the writes inside `callback` belong to it when they go through
 *   its first parameter, the handle (knex `transaction(cb)`, Prisma
 *   `$transaction(cb)`, Sequelize managed, TypeORM `transaction(cb)`, drizzle,
 *   Kysely `transaction().execute(cb)`, postgres.js `begin(cb)`, pg-promise `tx(cb)`);
 * - `batch`: Prisma `$transaction([…])`: the writes written inside its argument;
 * - `unmanaged`: `const trx = await knex.transaction()`, `await sequelize.transaction()`,
 *   Kysely `await db.startTransaction().execute()`: the result is the handle.
 */
export interface TransactionOpener {
  readonly call: TSESTree.CallExpression;
  readonly kind: 'callback' | 'batch' | 'unmanaged';
  /** The client it is opened on (`prisma` in `prisma.$transaction`). */
  readonly receiver: Chain;
  readonly callback: FunctionNode | null;
  /** `prisma.$transaction`, `db.transaction().execute`. */
  readonly label: string;
  /** Only a client-looking receiver makes these count (`begin`, `tx` are common words). */
  readonly needsClientEvidence: boolean;
}

const CALLBACK_ONLY: ReadonlySet<string> = new Set(['begin', 'tx']);
/** Kysely builder steps between `transaction()` and `execute(cb)`. */
const KYSELY_STEPS: ReadonlySet<string> = new Set(['setIsolationLevel', 'setAccessMode']);

export function isFunction(node: TSESTree.Node | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** Cheap syntactic test: is the callee's method one that opens a transaction? */
export function isOpenerCandidate(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  return method === 'transaction' || method === '$transaction' || method === 'execute' || method === 'begin' || method === 'tx';
}

export function readTransactionOpener(call: TSESTree.CallExpression): TransactionOpener | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  const callback = call.arguments.map((argument) => unwrapExpression(argument)).find(isFunction) ?? null;
  if (method === 'execute') return kyselyExecute(call, callee, callback);
  if (method === null || !(method === 'transaction' || method === '$transaction' || CALLBACK_ONLY.has(method))) return null;
  const receiver = readChain(callee.object);
  const label = `${describeChain(receiver, receiver.steps.length - 1)}.${method}`;
  if (callback) return { call, kind: 'callback', receiver, callback, label, needsClientEvidence: CALLBACK_ONLY.has(method) };
  if (CALLBACK_ONLY.has(method)) return null;
  const [first] = call.arguments;
  if (method === '$transaction' && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    return { call, kind: 'batch', receiver, callback: null, label, needsClientEvidence: false };
  }
  // Kysely's `db.transaction()` only builds: `.execute(cb)` (read above) opens.
  if (isChainedFurther(call)) return null;
  return { call, kind: 'unmanaged', receiver, callback: null, label, needsClientEvidence: false };
}

/** `x.transaction().execute(cb)`, `x.transaction().setIsolationLevel(…).execute(cb)`, `x.startTransaction().execute()`. */
function kyselyExecute(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, callback: FunctionNode | null): TransactionOpener | null {
  let current = unwrapExpression(callee.object);
  for (let hops = 0; hops < 4; hops++) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return null;
    const inner = unwrapExpression(current.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = getStaticPropertyName(inner);
    if (name === 'transaction' || name === 'startTransaction') {
      if ((name === 'transaction') !== (callback !== null)) return null;
      const receiver = readChain(inner.object);
      const label = `${describeChain(receiver, receiver.steps.length - 1)}.${name}().execute`;
      return { call, kind: callback ? 'callback' : 'unmanaged', receiver, callback, label, needsClientEvidence: false };
    }
    if (name === null || !KYSELY_STEPS.has(name)) return null;
    current = unwrapExpression(inner.object);
  }
  return null;
}

/** `db.transaction().execute(…)`: the call is the object of a further member access. */
function isChainedFurther(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call && getStaticPropertyName(parent) !== 'then';
}

/** The handle parameter of a callback opener: its first parameter when it is a plain name. */
export function handleParameter(opener: TransactionOpener): TSESTree.Identifier | null {
  const [first] = opener.callback?.params ?? [];
  if (first?.type === AST_NODE_TYPES.Identifier) return first;
  if (first?.type === AST_NODE_TYPES.AssignmentPattern && first.left.type === AST_NODE_TYPES.Identifier) return first.left;
  return null;
}
