import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName } from '../static';

/**
 * SQL that is built but never run: a query builder rendered to text
 * (`knex.schema.createTable(…).toString()`, `.toSQL()`, `.toQuery()`), a
 * value handed to an assertion (`expect(sql\`…\`)`, `t.equal(q.toString(), …)`),
 * and ORM metadata in decorator options (`@Index({ expression: '…' })`).
 */

/** Methods that render a built query to text instead of running it. */
const RENDER_METHODS: ReadonlySet<string> = new Set(['toSQL', 'toString', 'toQuery', 'toNative', 'compile', 'getSql', 'getQuery']);

/** Assertion functions and methods: their arguments are compared, never run. */
const ASSERTIONS: ReadonlySet<string> = new Set([
  'expect',
  'assert',
  'equal',
  'equals',
  'notEqual',
  'deepEqual',
  'notDeepEqual',
  'strictEqual',
  'notStrictEqual',
  'deepStrictEqual',
  'notDeepStrictEqual',
  'same',
  'notSame',
  'is',
  'not',
  'ok',
  'match',
  'snapshot',
  'throws',
  'rejects',
]);
const ASSERTION_OBJECTS: ReadonlySet<string> = new Set(['assert', 'expect', 'chai', 't', 'tap']);

const MAX_HOPS = 16;

/** Steps up through the expression a value flows into: `x.y`, `x(…)`, `await x`, `x!`, `x?.y`. */
function flowsInto(current: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === current;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === current;
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return true;
    default:
      return false;
  }
}

/** Whether a call is an assertion: `expect(…)`, `assert.equal(…)`, `t.deepEqual(…)`, `equal(…)`. */
function isAssertionCall(call: TSESTree.CallExpression): boolean {
  let callee: TSESTree.Node = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return ASSERTIONS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method !== null && ASSERTIONS.has(method)) return true;
  while (callee.type === AST_NODE_TYPES.MemberExpression || callee.type === AST_NODE_TYPES.CallExpression) {
    callee = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee.callee;
  }
  return callee.type === AST_NODE_TYPES.Identifier && ASSERTION_OBJECTS.has(callee.name);
}

/** `expect(p).resolves…`, `assert.rejects(p)`: the assertion awaits the value, so it runs. */
function awaitsArgument(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
    const name = getStaticPropertyName(parent);
    if (name === 'resolves' || name === 'rejects') return true;
  }
  const callee = call.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  return method === 'rejects' || method === 'doesNotReject' || method === 'throws';
}

/**
 * Whether the value of `node` (a query call, a tagged template, a schema
 * builder call) is rendered to text (`.toString()`, `.toSQL()`) rather than
 * run. With `lazy` (a value that runs only when awaited: a `sql` template
 * object, a knex schema builder), also when it goes, not awaited, straight
 * into an assertion (`expect(sql\`…\`)`, `t.equal(knex.schema.createTable(…), …)`).
 * A query call (`db.query(…)`) runs when called, so an assertion around it
 * does not count.
 */
export function isBuiltNotRun(node: TSESTree.Node, lazy: boolean): boolean {
  let current = node;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
      const method = getStaticPropertyName(parent);
      if (method !== null && RENDER_METHODS.has(method) && parent.parent.type === AST_NODE_TYPES.CallExpression) return true;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== current) {
      return lazy && parent.arguments.includes(current as TSESTree.CallExpressionArgument) && isAssertionCall(parent) && !awaitsArgument(parent);
    }
    if (parent.type === AST_NODE_TYPES.AwaitExpression) lazy = false;
    if (!flowsInto(current, parent)) return false;
    current = parent;
  }
  return false;
}

/**
 * Whether a string sits in a decorator's arguments (`@Index({ expression })`,
 * `@Check('…')`): ORM metadata, read by the ORM's schema sync, not run here.
 */
export function isDecoratorArgument(root: TSESTree.Node): boolean {
  let current: TSESTree.Node = root;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.Decorator) return true;
    if (
      parent.type !== AST_NODE_TYPES.CallExpression &&
      parent.type !== AST_NODE_TYPES.Property &&
      parent.type !== AST_NODE_TYPES.ObjectExpression &&
      parent.type !== AST_NODE_TYPES.ArrayExpression &&
      parent.type !== AST_NODE_TYPES.TemplateLiteral &&
      parent.type !== AST_NODE_TYPES.BinaryExpression
    ) {
      return false;
    }
    current = parent;
  }
  return false;
}

/**
 * Whether a string is (inside an array or object literal that is) an argument
 * of an assertion: `t.deepEqual(lines, ['CREATE TABLE a (id int)'])`.
 */
export function isAssertionArgument(root: TSESTree.Node): boolean {
  let current: TSESTree.Node = root;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.CallExpression) return parent.callee !== current && isAssertionCall(parent);
    if (parent.type !== AST_NODE_TYPES.ArrayExpression && parent.type !== AST_NODE_TYPES.ObjectExpression && parent.type !== AST_NODE_TYPES.Property) return false;
    current = parent;
  }
  return false;
}

/** The call a reported callee belongs to (`knex.schema.createTable` → the `createTable(…)` call), else the node. */
export function callOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.callee === current ? current.parent : node;
}
