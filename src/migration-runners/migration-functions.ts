import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName, unwrapExpression } from '../static';

/** The names runners call a migration's steps by. */
const STEP_NAMES: ReadonlySet<string> = new Set(['up', 'down']);

function isFunction(node: TSESTree.Node | null | undefined): node is TSESTree.FunctionLike {
  return (
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** `exports.up`, `module.exports.up` → `up`; anything else → null. */
function exportsMemberName(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = node.object;
  const isExports =
    (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') ||
    (object.type === AST_NODE_TYPES.MemberExpression &&
      object.object.type === AST_NODE_TYPES.Identifier &&
      object.object.name === 'module' &&
      getStaticPropertyName(object) === 'exports');
  return isExports ? getStaticPropertyName(node) : null;
}

/** `module.exports = …`. */
export function isModuleExportsTarget(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    getStaticPropertyName(node) === 'exports'
  );
}

/**
 * The `up`/`down` functions a migration file exports, in every form the runners
 * generate: `export async function up`, `export const up = …`, `exports.up = …`,
 * `module.exports = { up, down }`, and the methods of an exported class.
 */
export function migrationFunctions(program: TSESTree.Program): TSESTree.FunctionLike[] {
  const out: TSESTree.FunctionLike[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (!declaration) continue;
    switch (declaration.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
        if (declaration.id && STEP_NAMES.has(declaration.id.name)) out.push(declaration);
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of declaration.declarations) {
          const init = declarator.init ? unwrapExpression(declarator.init) : null;
          if (declarator.id.type === AST_NODE_TYPES.Identifier && STEP_NAMES.has(declarator.id.name) && isFunction(init)) out.push(init);
        }
        break;
      case AST_NODE_TYPES.ClassDeclaration:
        for (const member of declaration.body.body) {
          if (member.type === AST_NODE_TYPES.MethodDefinition && STEP_NAMES.has(getStaticPropertyName(member) ?? '')) out.push(member.value);
        }
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        const expression = declaration.expression;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression) break;
        const right = unwrapExpression(expression.right);
        const name = exportsMemberName(expression.left);
        if (name !== null && STEP_NAMES.has(name) && isFunction(right)) out.push(right);
        if (isModuleExportsTarget(expression.left) && right.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of right.properties) {
            if (property.type !== AST_NODE_TYPES.Property || !STEP_NAMES.has(getStaticPropertyName(property) ?? '')) continue;
            const value = unwrapExpression(property.value);
            if (isFunction(value)) out.push(value);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/**
 * The outermost function around `node`: the migration step (`up`/`down`) it
 * runs in. Statements of one step run in order; different steps never meet.
 */
export function outermostFunction(node: TSESTree.Node): TSESTree.FunctionLike | null {
  let found: TSESTree.FunctionLike | null = null;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) found = current;
  }
  return found;
}

/** The class `node` sits in, or null. */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return null;
}

/** Whether `node` runs inside a function passed to a call that opens a transaction. */
export function transactionCallbackAround(node: TSESTree.Node): TSESTree.CallExpression | null {
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (!isFunction(current) || parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(current as TSESTree.Expression)) continue;
    if (opensTransaction(parent)) return parent;
  }
  return null;
}

/**
 * `x.transaction(cb)` (Sequelize, knex, TypeORM `manager.transaction`),
 * `db.transaction().execute(cb)` (Kysely).
 */
function opensTransaction(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method === 'transaction') return true;
  if (method !== 'execute') return false;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type !== AST_NODE_TYPES.CallExpression) return false;
  const inner = unwrapExpression(receiver.callee);
  return inner.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(inner) === 'transaction';
}
