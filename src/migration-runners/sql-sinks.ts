import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName, unwrapExpression } from '../static';
import { receiverName } from '../sql/provenance';
import { getCallSink } from '../sql/sinks';
import { sqlExpressions } from '../sql/sql-arguments';
import type { Runner } from './runner';

type Scope = TSESLint.Scope.Scope;

/**
 * The SQL strings a call runs, in a migration file: every sink `no-adhoc-ddl`
 * knows (`knex.raw`, `queryRunner.query`, `queryInterface.sequelize.query`…),
 * plus the migration runners' own raw-SQL methods, which only make sense there:
 * node-pg-migrate `pgm.sql(…)` and MikroORM `this.addSql(…)`.
 * A migration file is a place where SQL is expected, so unsure sinks count too.
 */
export function migrationSqlExpressions(call: TSESTree.CallExpression, runner: Runner | null, scope: Scope): TSESTree.Node[] {
  const callee = unwrapExpression(call.callee);
  const argument = call.arguments[0];
  if (callee.type === AST_NODE_TYPES.MemberExpression && argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
    const method = getStaticPropertyName(callee);
    const receiver = unwrapExpression(callee.object);
    if (method === 'sql' && (receiverName(receiver) === 'pgm' || runner === 'node-pg-migrate')) return sqlExpressions(argument, scope);
    if (method === 'addSql' && receiver.type === AST_NODE_TYPES.ThisExpression) return sqlExpressions(argument, scope);
  }
  const sink = getCallSink(call, scope);
  return sink ? sqlExpressions(sink.argument, scope) : [];
}

/** The options object a SQL call passes after its text (`query(sql, { transaction })`), if any. */
export function sqlCallOptions(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const options = call.arguments[1];
  return options && options.type !== AST_NODE_TYPES.SpreadElement ? options : undefined;
}
