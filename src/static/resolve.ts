import type { TSESTree } from '@typescript-eslint/utils';
import { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, DefinitionType, findVariable } from '../util/ast';
import { unwrapExpression } from './unwrap';

type Scope = TSESLint.Scope.Scope;

/** Long enough for real code, short enough that a pathological chain costs nothing. */
const MAX_HOPS = 16;

/**
 * The initialiser a variable is proven to hold everywhere: `const x = init`, or a
 * `let`/`var` with an initialiser that is never written again. Anything else
 * (parameters, destructuring, reassigned bindings) is unknown.
 */
export function getConstantInit(identifier: TSESTree.Identifier, scope: Scope): TSESTree.Node | null {
  const variable = findVariable(scope, identifier);
  if (variable?.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def?.type !== DefinitionType.Variable) return null;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
  if (def.parent.kind !== 'const') {
    // `let`/`var`: only when nothing but the declaration writes it.
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (writes.length !== 1 || writes[0]?.identifier !== declarator.id) return null;
  }
  return declarator.init;
}

/**
 * Unwraps TS wrappers, then follows identifiers to the value they are proven to
 * hold, so `const href = "x"; <a href={href}>` reads like `<a href="x">`.
 * Returns the (unwrapped) input when nothing better is known.
 */
export function resolveConstant(node: TSESTree.Node, scope: Scope): TSESTree.Node {
  let current = unwrapExpression(node);
  const seen = new Set<TSESTree.Node>();
  for (let hop = 0; hop < MAX_HOPS && current.type === AST_NODE_TYPES.Identifier; hop++) {
    if (seen.has(current)) break;
    seen.add(current);
    const init = getConstantInit(current, scope);
    if (!init) break;
    current = unwrapExpression(init);
  }
  return current;
}

/**
 * The name a call is known by: `f` in `f(…)`, `m` in `a.b.m(…)` or `a["m"](…)`
 * (through TypeScript wrappers such as `a!.m`), else null. Rules test it
 * against the names they care about before any other work on the call.
 */
export function calleeName(callee: TSESTree.Node): string | null {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(node) : null;
}

/** The static name of a property key or member access (`a.b`, `a["b"]`, `{ b: 1 }`, `{ "b": 1 }`), else null. */
export function getStaticPropertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | null {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    if (!node.computed) {
      return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
    }
  } else if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
  }
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/**
 * Reads property `name` from the object literal `objectNode` resolves to.
 * - a node: the property's value (a later property or known spread wins);
 * - `null`: provably absent;
 * - `undefined`: unknown (not an object literal, a computed key, or an unknown spread could supply it).
 */
export function readConstObjectProperty(
  objectNode: TSESTree.Node,
  name: string,
  scope: Scope,
  depth = 0,
): TSESTree.Node | null | undefined {
  if (depth > MAX_HOPS) return undefined;
  const object = resolveConstant(objectNode, scope);
  const branches = objectBranches(object);
  if (branches) {
    // `c ? { target } : {}`, `x && { className }`: read branch by branch. The
    // property is provably absent only when no branch can hold it; a branch
    // that holds it makes the value depend on the run.
    let absent = true;
    for (const branch of branches) {
      if (isEmptySpread(branch)) continue;
      if (readConstObjectProperty(branch, name, scope, depth + 1) !== null) absent = false;
    }
    return absent ? null : undefined;
  }
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  // Walk backwards: the last writer of `name` wins.
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (!property) continue;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const fromSpread = readConstObjectProperty(property.argument, name, scope, depth + 1);
      if (fromSpread !== null) return fromSpread; // found it, or unknown
      continue;
    }
    const key = getStaticPropertyName(property);
    if (key === null) return undefined; // a computed key could be `name`
    if (key === name) {
      if (property.kind !== 'init' || property.method) return undefined;
      return property.value;
    }
  }
  return null;
}

/**
 * The objects a conditional or logical expression may produce, for reading
 * properties (spreading a falsy value adds nothing, so `x && {…}` is the
 * object alone; `a ?? b` and `a || b` may be either). Null for other nodes.
 */
function objectBranches(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [node.consequent, node.alternate];
  if (node.type === AST_NODE_TYPES.LogicalExpression) return node.operator === '&&' ? [node.right] : [node.left, node.right];
  return null;
}

/** `null`, `undefined`, `false`, `0`, `''`: spreading them adds no property. */
function isEmptySpread(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.Literal && !('regex' in value) && !value.value;
}

/** The text of a string written as one: `"x"`, `'x'` or a template without holes (`` `x` ``); else null. */
export function writtenStringText(node: TSESTree.Node | null | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}
