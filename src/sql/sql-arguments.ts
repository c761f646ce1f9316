import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, DefinitionType, findVariable } from '../util/ast';
import { calleeName, getStaticPropertyName, readConstObjectProperty, resolveConstant, unwrapExpression } from '../static';

type Scope = TSESLint.Scope.Scope;

/** Properties of a query-config object that hold the SQL: pg `{ text }`, mysql2 `{ sql }`. */
const TEXT_KEYS: readonly string[] = ['text', 'sql'];

/** Tags and functions that only re-indent a string: `dedent\`…\``, `stripIndent(…)`. */
const FORMAT_FUNCTIONS: ReadonlySet<string> = new Set(['dedent', 'outdent', 'endent', 'stripIndent', 'stripIndents', 'oneLine', 'oneLineTrim', 'codeBlock']);

/** String methods that keep the statements of their receiver: `\`…\`.trim()`. */
const KEEPING_METHODS: ReadonlySet<string> = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'replace', 'replaceAll', 'normalize']);

/** Array methods whose callback receives each element. */
const EACH_METHODS: ReadonlySet<string> = new Set(['map', 'forEach', 'flatMap', 'some', 'every']);

/**
 * The expressions that hold the SQL a sink receives as `argument`:
 * - the argument itself (a string, template, concatenation, constant…);
 * - `{ text: … }` / `{ sql: … }` query configs;
 * - each element of an array (`client.batch([...])`);
 * - each element of a constant array the argument iterates over:
 *   `for (const s of STATEMENTS) db.query(s)` and `STATEMENTS.map((s) => db.query(s))`.
 */
export function sqlExpressions(argument: TSESTree.Node, scope: Scope): TSESTree.Node[] {
  const resolved = resolveConstant(argument, scope);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) {
    for (const key of TEXT_KEYS) {
      const value = readConstObjectProperty(resolved, key, scope);
      if (value) return [value];
    }
    return [];
  }
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) return arrayElements(resolved, scope);
  const unwrapped = unwrapExpression(argument);
  if (unwrapped.type === AST_NODE_TYPES.Identifier) {
    const elements = iteratedElements(unwrapped, scope);
    if (elements) return elements;
  }
  const inner = formattedString(unwrapped);
  return inner ? sqlExpressions(inner, scope) : [argument];
}

/**
 * The string inside a wrapper that only re-formats it: `dedent\`…\``,
 * `stripIndent(\`…\`)`, `\`…\`.trim()`. Reading the inner string keeps
 * report locations on the real source.
 */
function formattedString(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return FORMAT_FUNCTIONS.has(calleeName(node.tag) ?? '') ? node.quasi : null;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrapExpression(node.callee);
  const [first] = node.arguments;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return FORMAT_FUNCTIONS.has(callee.name) && first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && KEEPING_METHODS.has(getStaticPropertyName(callee) ?? '')) {
    return callee.object;
  }
  return null;
}

function arrayElements(array: TSESTree.ArrayExpression, scope: Scope): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const element of array.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
    const resolved = resolveConstant(element, scope);
    if (resolved.type === AST_NODE_TYPES.ObjectExpression) out.push(...sqlExpressions(resolved, scope));
    else out.push(element);
  }
  return out;
}

/** Elements of the constant array an identifier walks over, or null. */
function iteratedElements(identifier: TSESTree.Identifier, scope: Scope): TSESTree.Node[] | null {
  const variable = findVariable(scope, identifier);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  // `for (const s of STATEMENTS)`
  if (def.type === DefinitionType.Variable && def.node.id === def.name && !def.node.init) {
    const loop = def.parent.parent;
    if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.left === def.parent) {
      const array = resolveConstant(loop.right, scope);
      return array.type === AST_NODE_TYPES.ArrayExpression ? arrayElements(array, scope) : null;
    }
    return null;
  }
  // `STATEMENTS.forEach((s) => db.query(s))`
  if (def.type === DefinitionType.Parameter && def.name === def.node.params[0] && def.node.parent.type === AST_NODE_TYPES.CallExpression) {
    const call = def.node.parent;
    const callee = unwrapExpression(call.callee);
    if (call.arguments[0] !== def.node || callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getStaticPropertyName(callee);
    if (method === null || !EACH_METHODS.has(method)) return null;
    const array = resolveConstant(callee.object, scope);
    return array.type === AST_NODE_TYPES.ArrayExpression ? arrayElements(array, scope) : null;
  }
  return null;
}
