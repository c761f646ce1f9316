import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, DefinitionType, findVariable } from '../util/ast';
import { calleeName, getStaticPropertyName, readConstObjectProperty, unwrapExpression } from '../static';
import { readChain, rootNode, rootText } from './chains';
import { handleParameter, isFunction, type FunctionNode, type TransactionOpener } from './transactions';
import type { SeedWrite, TransactionControl } from './writes';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** A transaction a write belongs to: keyed by the node that opens it. */
export interface TransactionRef {
  readonly key: TSESTree.Node;
  readonly label: string;
}

/** Why a write inside a transaction callback is not part of it. */
export type Escape =
  /** It goes through a client from outside the callback (`prisma` instead of `tx`). */
  | {
      readonly kind: 'outerClient';
      readonly opener: TransactionOpener;
      readonly handle: TSESTree.Identifier | null;
      readonly client: string;
      /** The client expression to replace by the handle, when that is the whole fix. */
      readonly replace: TSESTree.Node | null;
    }
  /** Sequelize: it is not given `{ transaction: t }`. */
  | { readonly kind: 'missingOption'; readonly opener: TransactionOpener; readonly handle: TSESTree.Identifier | null };

/** One way a write runs: a helper called twice runs its write twice. */
export interface Occurrence {
  readonly write: SeedWrite;
  /** The code that runs as one unit: the file, or an entry function nobody in the file calls (`exports.seed`, `up`). */
  readonly unit: TSESTree.Node;
  readonly tx: TransactionRef | null;
  /** Repeated by a loop outside any transaction. */
  readonly loop: boolean;
  /** Its transaction is opened inside a loop (one per iteration). */
  readonly txRepeated: boolean;
  readonly escape: Escape | null;
  /** Where it runs in its unit: the write itself, or the call of the helper that makes it. */
  readonly anchor: TSESTree.Node;
}

/** How a write's client relates to the transactions of the file. */
type Identity =
  | { readonly kind: 'handle'; readonly tx: TransactionRef }
  | { readonly kind: 'param'; readonly fn: FunctionNode; readonly index: number }
  | { readonly kind: 'client'; readonly variable: Variable | null; readonly direct: boolean }
  | { readonly kind: 'unknown' };

interface WalkState {
  tx: TransactionRef | null;
  loop: boolean;
  txRepeated: boolean;
  escape: Escape | null;
  /** Text of the client at this point (`client`), for `BEGIN` … `COMMIT` ranges. */
  clientText: string | null;
}

export interface ModelInput {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly writes: readonly { write: SeedWrite; scope: Scope }[];
  readonly openers: readonly TransactionOpener[];
  readonly controls: readonly TransactionControl[];
  /** `this.name(…)` calls, by name, for class-based seeders. */
  readonly thisCalls: ReadonlyMap<string, TSESTree.CallExpression[]>;
  /** Sequelize transactions reach writes through CLS (`Sequelize.useCLS`), not options. */
  readonly sequelizeCls: boolean;
}

/** Array methods whose callback runs once per element. */
const LOOP_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'reduce', 'reduceRight', 'filter', 'some', 'every']);
const MAX_DEPTH = 4;
const MAX_HOPS = 6;

function methodName(call: TSESTree.CallExpression): string | null {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
}

/** `Promise.all(x)`, `Promise.allSettled(x)`. */
function isPromiseAll(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    ['all', 'allSettled'].includes(getStaticPropertyName(callee) ?? '')
  );
}

function isLoopBody(node: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return node.body === child;
    default:
      return false;
  }
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return null;
}

/** Every way each write runs, with the transaction (if any) it runs in. */
export function buildOccurrences(input: ModelInput): Occurrence[] {
  const { sourceCode } = input;
  const callbackOpeners = new Map<TSESTree.Node, TransactionOpener>();
  const unmanagedOpeners = new Map<TSESTree.Node, TransactionOpener>();
  const batchOpeners = new Map<TSESTree.Node, TransactionOpener>();
  for (const opener of input.openers) {
    if (opener.kind === 'callback' && opener.callback) callbackOpeners.set(opener.callback, opener);
    else if (opener.kind === 'unmanaged') unmanagedOpeners.set(opener.call, opener);
    else batchOpeners.set(opener.call, opener);
  }
  const refOf = (opener: TransactionOpener): TransactionRef => ({ key: opener.call, label: opener.label });

  /** `const ops = [prisma.a.create(…)]; await prisma.$transaction(ops)`: the array's variable, and its opener. */
  const batchVariables = new Map<Variable, TransactionOpener>();
  for (const opener of input.openers) {
    const argument = opener.kind === 'batch' ? opener.call.arguments[0] : undefined;
    const unwrapped = argument ? unwrapExpression(argument) : undefined;
    if (unwrapped?.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = findVariable(sourceCode.getScope(opener.call), unwrapped);
    if (variable) batchVariables.set(variable, opener);
  }
  /** The batch a write joins by being put into its array: in the array's initialiser, or `ops.push(write)`. */
  function batchOf(node: TSESTree.Node, child: TSESTree.Node): TransactionOpener | null {
    if (batchVariables.size === 0) return null;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init === child) {
      for (const variable of sourceCode.getDeclaredVariables(node)) {
        const opener = batchVariables.get(variable);
        if (opener) return opener;
      }
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.includes(child as TSESTree.CallExpressionArgument)) {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== 'push') return null;
      const object = unwrapExpression(callee.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return null;
      const variable = findVariable(sourceCode.getScope(node), object);
      return (variable && batchVariables.get(variable)) ?? null;
    }
    return null;
  }

  /** Controls by client text, in source order. */
  const controls = new Map<string, TransactionControl[]>();
  for (const control of input.controls) {
    const text = rootText(control.chain);
    if (text === null) continue;
    const list = controls.get(text) ?? [];
    list.push(control);
    controls.set(text, list);
  }

  /** The transaction a `BEGIN` on `text` left open at `node` in the same function, if any. */
  function openBegin(text: string | null, node: TSESTree.Node): TransactionRef | null {
    if (text === null) return null;
    const list = controls.get(text);
    if (!list) return null;
    const fn = enclosingFunction(node);
    let last: TransactionControl | null = null;
    for (const control of list) {
      if (control.call.range[1] <= node.range[0] && enclosingFunction(control.call) === fn) last = control;
    }
    return last?.type === 'begin' ? { key: last.call, label: `${text} BEGIN` } : null;
  }

  function identityOf(node: TSESTree.Node, scope: Scope): Identity {
    const chain = readChain(node);
    const root = chain.root;
    if (root.type === AST_NODE_TYPES.ThisExpression) return { kind: 'client', variable: null, direct: true };
    if (root.type !== AST_NODE_TYPES.Identifier) {
      // `(await db.startTransaction().execute()).insertInto(…)`: rare; say nothing.
      return { kind: 'unknown' };
    }
    let variable = findVariable(scope, root);
    let direct = true;
    for (let hop = 0; variable && hop < MAX_HOPS; hop++) {
      const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def) return { kind: 'client', variable, direct };
      if (def.type === DefinitionType.Parameter) {
        const fn = def.node as FunctionNode;
        const index = fn.params.findIndex(
          (param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
        );
        if (index === -1) return { kind: 'unknown' };
        const opener = callbackOpeners.get(fn);
        if (opener && index === 0) return { kind: 'handle', tx: refOf(opener) };
        return { kind: 'param', fn, index };
      }
      if (def.type !== DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return { kind: 'client', variable, direct };
      if (def.parent.kind !== 'const' && variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) {
        return { kind: 'unknown' };
      }
      let init = unwrapExpression(def.node.init);
      if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
      const unmanaged = unmanagedOpeners.get(init);
      if (unmanaged) return { kind: 'handle', tx: refOf(unmanaged) };
      const inner = readChain(init);
      if (inner.root.type !== AST_NODE_TYPES.Identifier || (init.type === AST_NODE_TYPES.NewExpression)) return { kind: 'client', variable, direct };
      const next = findVariable(scope, inner.root);
      // An import or a global is where the client comes from: this variable is the client.
      if (!next || next.defs[0]?.type === DefinitionType.ImportBinding || next.defs.length === 0) return { kind: 'client', variable, direct };
      variable = next;
      direct = false;
    }
    return { kind: 'client', variable: variable ?? null, direct };
  }

  /** `{ transaction: t }` of a Sequelize write: the transaction, `absent`, or `unknown`. */
  function optionTransaction(write: SeedWrite, scope: Scope): TransactionRef | 'absent' | 'unknown' {
    if (write.optionsIndex === null || write.call.type !== AST_NODE_TYPES.CallExpression) return 'unknown';
    const options = write.call.arguments[write.optionsIndex];
    if (!options) return 'absent';
    if (options.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
    const value = readConstObjectProperty(options, 'transaction', scope);
    if (value === undefined) return 'unknown';
    if (value === null) return 'absent';
    const unwrapped = unwrapExpression(value);
    if ((unwrapped.type === AST_NODE_TYPES.Literal && unwrapped.value === null) || (unwrapped.type === AST_NODE_TYPES.Identifier && unwrapped.name === 'undefined')) {
      return 'absent';
    }
    const identity = identityOf(unwrapped, scope);
    if (identity.kind === 'handle') return identity.tx;
    if (unwrapped.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(scope, unwrapped);
      const def = variable?.defs[0];
      if (def) return { key: def.name, label: unwrapped.name };
    }
    return 'unknown';
  }

  function callSites(fn: FunctionNode): { call: TSESTree.CallExpression; loop: boolean; argumentsKnown: boolean }[] {
    const sites: { call: TSESTree.CallExpression; loop: boolean; argumentsKnown: boolean }[] = [];
    let variables: readonly Variable[] = [];
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
      const name = fn.id.name;
      variables = sourceCode.getDeclaredVariables(fn).filter((variable) => variable.name === name);
    } else if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
      const name = fn.parent.id.name;
      variables = sourceCode.getDeclaredVariables(fn.parent).filter((variable) => variable.name === name);
    }
    else if (fn.parent.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn) {
      const name = getStaticPropertyName(fn.parent);
      const classBody = fn.parent.parent;
      for (const call of (name === null ? undefined : input.thisCalls.get(name)) ?? []) {
        if (call.range[0] >= classBody.range[0] && call.range[1] <= classBody.range[1]) sites.push({ call, loop: false, argumentsKnown: true });
      }
      return sites;
    }
    for (const variable of variables) {
      for (const reference of variable.references) {
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (parent.type !== AST_NODE_TYPES.CallExpression) continue;
        if (parent.callee === identifier) sites.push({ call: parent, loop: false, argumentsKnown: true });
        else if (parent.arguments.includes(identifier as TSESTree.Expression) && LOOP_METHODS.has(methodName(parent) ?? '')) {
          sites.push({ call: parent, loop: true, argumentsKnown: false });
        }
      }
    }
    return sites;
  }

  const out: Occurrence[] = [];

  function walk(entry: { write: SeedWrite; scope: Scope; sequelize: boolean }, from: TSESTree.Node, identity: Identity, state: WalkState, path: ReadonlySet<TSESTree.Node>): void {
    const { write, sequelize } = entry;
    state.tx ??= identity.kind === 'handle' && !isCallbackRef(identity.tx) ? identity.tx : null;
    state.tx ??= sequelize ? null : openBegin(state.clientText, from);
    let child: TSESTree.Node = from;
    for (let node = from.parent; node; child = node, node = node.parent) {
      const batch = state.tx === null && state.escape === null ? batchOf(node, child) : null;
      if (batch) state.tx = refOf(batch);
      if (isLoopBody(node, child)) markLoop(state, node);
      else if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        if (node.type === AST_NODE_TYPES.NewExpression) continue; // `new Promise((resolve) => …)` runs its executor right away
        if (isFunction(child) && (node.arguments as readonly TSESTree.Node[]).includes(child)) {
          const opener = callbackOpeners.get(child);
          if (opener) enter(opener, write, identity, sequelize, state, from === write.call ? entry.scope : null);
          else if (LOOP_METHODS.has(methodName(node) ?? '')) markLoop(state, node);
          else if (identity.kind === 'param' && identity.fn === child) {
            // `runSeeds(async (tx) => tx.insert(…))`: an unknown function hands the callback its client,
            // quite possibly a transaction. Precision first: say nothing about this write.
            return;
          } else if (state.tx === null && state.escape === null && isTransactionWrapper(node)) {
            // `withTransaction(async () => …)`, `this.inTransaction(…)`: a wrapper the name says is one.
            state.tx = { key: node, label: sourceCode.getText(node.callee) };
          }
        } else if (batchOpeners.has(node) && node.arguments[0] === child) {
          const opener = batchOpeners.get(node);
          if (opener && state.tx === null && state.escape === null) state.tx = refOf(opener);
        } else if (isPromiseAll(node) && node.arguments[0] === child && child.type !== AST_NODE_TYPES.ArrayExpression) {
          markLoop(state, node);
        }
      } else if (isFunction(node)) {
        const parent = node.parent;
        if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && (parent.callee === node || (parent.arguments as readonly TSESTree.Node[]).includes(node))) {
          continue;
        }
        const sites = path.size < MAX_DEPTH && !path.has(node) ? callSites(node) : [];
        if (sites.length === 0) {
          out.push(occurrence(write, node, state, from));
          return;
        }
        const nextPath = new Set(path).add(node);
        for (const site of sites) {
          const next: WalkState = { ...state };
          if (site.loop) markLoop(next, site.call);
          let nextIdentity = identity;
          if (identity.kind === 'param' && identity.fn === node) {
            const argument = site.argumentsKnown ? site.call.arguments[identity.index] : undefined;
            if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
              nextIdentity = identityOf(argument, sourceCode.getScope(site.call));
              next.clientText = rootText(readChain(argument));
            } else {
              nextIdentity = { kind: 'unknown' };
              next.clientText = null;
            }
          }
          walk(entry, site.call, nextIdentity, next, nextPath);
        }
        return;
      } else if (node.type === AST_NODE_TYPES.Program) {
        out.push(occurrence(write, node, state, from));
        return;
      }
    }
  }

  /** Whether the write's client is the very variable the transaction was opened on (`knex` in `knex.transaction(…)`). */
  function isReceiver(write: SeedWrite, opener: TransactionOpener, scope: Scope): boolean {
    const root = write.chain.root;
    const receiver = opener.receiver.root;
    if (root.type !== AST_NODE_TYPES.Identifier || receiver.type !== AST_NODE_TYPES.Identifier || root.name !== receiver.name) return false;
    const variable = findVariable(scope, root);
    return variable !== null && variable === findVariable(sourceCode.getScope(opener.call), receiver);
  }

  function escapeThrough(write: SeedWrite, opener: TransactionOpener, direct: boolean): Escape {
    const clientNode = rootNode(write.chain);
    const receiverRoot = rootText(opener.receiver);
    const handle = handleParameter(opener);
    const sameClient = direct && receiverRoot !== null && rootText(write.chain) === receiverRoot;
    return {
      kind: 'outerClient',
      opener,
      handle,
      client: sourceCode.getText(clientNode),
      replace: sameClient && handle ? replacementTarget(write) : null,
    };
  }

  function enter(opener: TransactionOpener, write: SeedWrite, identity: Identity, sequelize: boolean, state: WalkState, scope: Scope | null): void {
    if (state.tx !== null || state.escape !== null) return;
    const callback = opener.callback;
    if (sequelize) {
      state.escape = { kind: 'missingOption', opener, handle: handleParameter(opener) };
      return;
    }
    if (identity.kind !== 'handle' && scope !== null && isReceiver(write, opener, scope)) {
      state.escape = escapeThrough(write, opener, true);
      return;
    }
    switch (identity.kind) {
      case 'handle':
        state.tx = identity.tx;
        return;
      case 'param':
      case 'unknown':
        state.tx = refOf(opener);
        return;
      case 'client': {
        const def = identity.variable?.defs[0];
        if (callback && def && def.name.range[0] >= callback.range[0] && def.name.range[1] <= callback.range[1]) {
          state.tx = refOf(opener);
          return;
        }
        state.escape = escapeThrough(write, opener, identity.direct);
        return;
      }
    }
  }

  for (const entry of input.writes) {
    const { write, scope } = entry;
    const sequelize = write.optionsIndex !== null && !input.sequelizeCls;
    const state: WalkState = { tx: null, loop: false, txRepeated: false, escape: null, clientText: rootText(write.chain) };
    if (sequelize) {
      const membership = optionTransaction(write, scope);
      if (membership === 'unknown') continue; // precision first: it may well be in one
      if (membership !== 'absent') state.tx = membership;
    }
    // Sequelize models are classes, never handles: options (or CLS) decide.
    const transacting = transactingArgument(write);
    const identity: Identity =
      write.family === 'sequelize' && write.optionsIndex !== null
        ? { kind: 'unknown' }
        : transacting
          ? identityOf(transacting, scope)
          : identityOf(write.chain.root, scope);
    walk({ write, scope, sequelize }, write.call, identity, state, new Set());
  }
  return out;

  function isCallbackRef(ref: TransactionRef): boolean {
    return ref.key.type === AST_NODE_TYPES.CallExpression && [...callbackOpeners.values()].some((opener) => opener.call === ref.key);
  }
}

/**
 * A loop around the write: outside any transaction the write repeats; around
 * the code that opened its transaction, the transaction repeats; between the
 * two, it is just more writes in the same transaction.
 */
/** knex: `knex('users').transacting(trx).insert(…)` runs on `trx`, whatever client starts the chain. */
function transactingArgument(write: SeedWrite): TSESTree.Node | null {
  const { steps } = write.chain;
  for (let index = 0; index + 1 < steps.length; index++) {
    const step = steps[index];
    const next = steps[index + 1];
    if (step?.type === 'member' && step.name === 'transacting' && next?.type === 'call') {
      const [argument] = next.node.arguments;
      return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : null;
    }
  }
  return null;
}

/** A call whose name says it runs its callback in a transaction: `withTransaction`, `runInTransaction`, `transactional`, `atomic`. */
function isTransactionWrapper(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call.callee);
  return name !== null && /transaction|^atomic(?:ally)?$/i.test(name);
}

function markLoop(state: WalkState, loop: TSESTree.Node): void {
  if (state.tx === null) state.loop = true;
  else if (loop.range[0] <= state.tx.key.range[0] && state.tx.key.range[1] <= loop.range[1]) state.txRepeated = true;
}

function occurrence(write: SeedWrite, unit: TSESTree.Node, state: WalkState, anchor: TSESTree.Node): Occurrence {
  return { write, unit, tx: state.tx, loop: state.loop, txRepeated: state.txRepeated, escape: state.escape, anchor };
}

/**
 * What to replace by the handle: the root client (`prisma` in `prisma.user.create`),
 * or TypeORM's `dataSource.manager` (an entity manager is what the callback receives).
 */
function replacementTarget(write: SeedWrite): TSESTree.Node {
  const node = rootNode(write.chain);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && getStaticPropertyName(parent) === 'manager') return parent;
  return node;
}

/**
 * Whether two occurrences can never both run: they sit in different branches
 * of one `if`/`else`, `? :` or `switch` (`if (found) save(a) else save(b)`).
 */
export function areExclusive(a: Occurrence, b: Occurrence): boolean {
  const ancestors = new Set<TSESTree.Node>();
  for (let node: TSESTree.Node | undefined = a.anchor; node; node = node.parent) ancestors.add(node);
  let child: TSESTree.Node = b.anchor;
  for (let node = b.anchor.parent; node; child = node, node = node.parent) {
    if (!ancestors.has(node)) continue;
    // `node` is the lowest common ancestor; `child` is b's branch, find a's.
    let other: TSESTree.Node = a.anchor;
    while (other.parent && other.parent !== node) other = other.parent;
    if (other === child) return false;
    switch (node.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return node.test !== child && node.test !== other;
      case AST_NODE_TYPES.SwitchStatement:
        return node.discriminant !== child && node.discriminant !== other && !fallsThrough(node, other, child);
      default:
        return false;
    }
  }
  return false;
}

/** Whether the earlier of two cases runs into the later one (no `break`/`return`/`throw` at its end). */
function fallsThrough(node: TSESTree.SwitchStatement, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const [first, second] = node.cases.indexOf(a as TSESTree.SwitchCase) < node.cases.indexOf(b as TSESTree.SwitchCase) ? [a, b] : [b, a];
  for (let index = node.cases.indexOf(first as TSESTree.SwitchCase); index < node.cases.indexOf(second as TSESTree.SwitchCase); index++) {
    const last = node.cases[index]?.consequent.at(-1);
    if (
      !last ||
      !(
        last.type === AST_NODE_TYPES.BreakStatement ||
        last.type === AST_NODE_TYPES.ReturnStatement ||
        last.type === AST_NODE_TYPES.ThrowStatement ||
        last.type === AST_NODE_TYPES.ContinueStatement
      )
    ) {
      return true;
    }
  }
  return false;
}
