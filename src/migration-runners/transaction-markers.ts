import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, getStaticValue } from '../util/ast';
import { getStaticPropertyName, moduleExportName, readConstObjectProperty, unwrapExpression } from '../static';
import { isModuleExportsTarget } from './migration-functions';

type Scope = TSESLint.Scope.Scope;

/** Whether `node` is statically the value `false` (`false`, `false as const`, a constant holding it). */
function isFalse(node: TSESTree.Node | null | undefined, scope: Scope): boolean {
  if (!node) return false;
  const result = getStaticValue(unwrapExpression(node), scope);
  return result !== null && result.value === false;
}

/**
 * The value a knex migration exports as `config`: `export const config = {…}`,
 * `export { config }`, `exports.config = …`, `module.exports.config = …` or the
 * `config` property of `module.exports = {…}`. Null when it exports none.
 */
function knexConfigNode(program: TSESTree.Program, scope: Scope): TSESTree.Node | null {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === 'config' && declarator.init) return declarator.init;
        }
      }
      for (const specifier of statement.specifiers) {
        if (moduleExportName(specifier.exported) === 'config' && specifier.local.type === AST_NODE_TYPES.Identifier) return specifier.local;
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (left.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(left) === 'config') {
      const object = left.object;
      if ((object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExportsTarget(object)) return right;
    }
    if (isModuleExportsTarget(left)) {
      const value = readConstObjectProperty(right, 'config', scope);
      if (value) return value;
    }
  }
  return null;
}

/** knex runs the migration outside a transaction: it exports `config = { transaction: false }`. */
export function knexDisablesTransaction(program: TSESTree.Program, scope: Scope): boolean {
  const config = knexConfigNode(program, scope);
  return config !== null && isFalse(readConstObjectProperty(config, 'transaction', scope), scope);
}

/** Whether the file already exports a knex `config` (then the fix cannot just add one). */
export function hasKnexConfig(program: TSESTree.Program, scope: Scope): boolean {
  return knexConfigNode(program, scope) !== null;
}

/** `pgm.noTransaction()`. */
export function isNoTransactionCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'noTransaction';
}

/** TypeORM: the migration class has the instance property `transaction = false`. */
export function typeormClassDisablesTransaction(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, scope: Scope): boolean {
  return classNode.body.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      // TypeORM reads the property from the migration instance: a `static` one is never seen.
      !member.static &&
      getStaticPropertyName(member) === 'transaction' &&
      isFalse(member.value, scope),
  );
}

/** MikroORM: the migration class overrides `isTransactional()` to return `false`. */
export function mikroOrmClassDisablesTransaction(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, scope: Scope): boolean {
  return classNode.body.body.some((member) => {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static || getStaticPropertyName(member) !== 'isTransactional') return false;
    const body = member.value.body;
    const only = body?.body.length === 1 ? body.body[0] : undefined;
    return only?.type === AST_NODE_TYPES.ReturnStatement && isFalse(only.argument, scope);
  });
}
