import { getMigrationModel } from '../migration/get-model';
import { NOT_NULL_HAZARDS } from '../migration/hazards/no-unsafe-not-null';
import { builderOps } from '../migration/js-builders';
import { jsMigrationFacts, migrationVisitor } from '../migration/js-host';
import type { MigrationModel } from '../migration/model';
import { actionLabel, alterTableOf, isExistingTable, isNullDefault, locIn } from '../migration/policy';
import { checkedPostgresMigration, MIGRATION_OPTION_PROPERTIES, type MigrationRuleOptions } from '../migration/rule-options';
import { normalizeTableName } from '../migration-runners/table-names';
import type { SqlExpression } from '../sql/alter-table';
import { createRule } from '../util/create-rule';

type Options = [MigrationRuleOptions];
type MessageIds = 'setNotNull' | 'addColumnNotNull' | 'builderSetNotNull' | 'builderAddColumnNotNull';

/** From this major, a validated `CHECK (col IS NOT NULL)` lets `SET NOT NULL` skip its scan (the hazard table's `since`). */
const CHECK_SKIPS_SCAN_SINCE: number = NOT_NULL_HAZARDS.find((hazard) => hazard.id === 'set-not-null')?.since ?? 12;

/** `col IS NOT NULL`, `(col IS NOT NULL)`, `"Col" IS NOT NULL`: the column, or null. */
function notNullCheckColumn(expression: SqlExpression | null): string | null {
  if (!expression) return null;
  const tokens = expression.tokens.filter((token) => !(token.type === 'punct' && (token.value === '(' || token.value === ')')));
  const [column, is, not, nul] = tokens;
  if (tokens.length !== 4 || !column || is?.value !== 'IS' || not?.value !== 'NOT' || nul?.value !== 'NULL') return null;
  if (column.type === 'word') return column.value.toLowerCase();
  return column.type === 'quoted' ? column.value : null;
}

/**
 * Columns proven NOT NULL by a validated CHECK before `order` in the file:
 * `table column` keys, from `ADD CONSTRAINT … CHECK (c IS NOT NULL)` (validated
 * as it is added) or its `NOT VALID` form followed by `VALIDATE CONSTRAINT`.
 */
function checkedColumnsBefore(model: MigrationModel, order: number, step: object): Set<string> {
  const pending = new Map<string, string>();
  const proven = new Set<string>();
  for (const statement of model.statements) {
    if (statement.step !== step || statement.order >= order) continue;
    const alter = alterTableOf(statement);
    if (!alter) continue;
    for (const action of alter.actions) {
      const constraint = action.constraint;
      if (action.kind === 'ADD CONSTRAINT' && constraint?.type === 'CHECK') {
        const column = notNullCheckColumn(constraint.expression);
        if (column === null) continue;
        const key = `${alter.tableKey ?? ''} ${column}`;
        if (!constraint.notValid) proven.add(key);
        else if (constraint.name !== null) pending.set(`${alter.tableKey ?? ''} ${normalizeTableName(constraint.name) ?? ''}`, key);
      } else if (action.kind === 'VALIDATE CONSTRAINT' && action.constraintName !== null) {
        const key = pending.get(`${alter.tableKey ?? ''} ${action.constraintName}`);
        if (key !== undefined) proven.add(key);
      }
    }
  }
  return proven;
}

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-not-null',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow making a column of an existing table `NOT NULL` in a way that scans it under an ACCESS EXCLUSIVE lock or fails on its rows, in migrations',
      recommended: true,
    },
    messages: {
      setNotNull:
        '`{{statement}}` checks every row of `{{table}}` for NULLs under an ACCESS EXCLUSIVE lock, which blocks every read and write until it finishes. {{recipe}}.',
      addColumnNotNull:
        '`{{statement}}` adds a NOT NULL column without a default to `{{table}}`, which fails as soon as the table has a row. Give it a constant default (stored without a rewrite from PostgreSQL 11), or add it nullable, backfill it, then make it NOT NULL.',
      builderSetNotNull:
        '`{{call}}` makes `{{column}}` NOT NULL, which checks every row of `{{table}}` under an ACCESS EXCLUSIVE lock that blocks every read and write until it finishes. {{recipe}}.',
      builderAddColumnNotNull:
        '`{{call}}` adds the NOT NULL column `{{column}}` without a default to `{{table}}`, which fails as soon as the table has a row. Give it a constant default, or add it nullable, backfill it, then make it NOT NULL.',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: MIGRATION_OPTION_PROPERTIES }],
    defaultOptions: [{ runner: 'auto' }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    const version = checkedPostgresMigration(context, options.migrations);
    if (version === null) return {};
    const sourceCode = context.sourceCode;
    const recipe = (column: string): string =>
      version >= CHECK_SKIPS_SCAN_SINCE
        ? `First add \`CHECK (${column} IS NOT NULL) NOT VALID\` and \`VALIDATE\` it in a later transaction; then \`SET NOT NULL\` skips the scan (PostgreSQL 12+) and the CHECK can be dropped`
        : `PostgreSQL ${version} cannot skip this scan: keep the column nullable with a \`CHECK (${column} IS NOT NULL) NOT VALID\` validated in a later transaction, and make it NOT NULL after upgrading to 12+`;
    const skipsScan = (model: MigrationModel, table: string | null, column: string | null, order: number, step: object): boolean =>
      version >= CHECK_SKIPS_SCAN_SINCE && column !== null && checkedColumnsBefore(model, order, step).has(`${table ?? ''} ${column}`);

    return migrationVisitor(context, () => {
      const model = getMigrationModel(context, options.runner);
      for (const statement of model.statements) {
        const alter = alterTableOf(statement);
        if (!alter || !isExistingTable(model, alter.tableKey, statement.step, statement.order)) continue;
        const table = alter.table ?? '…';
        for (const action of alter.actions) {
          if (action.kind === 'SET NOT NULL') {
            if (skipsScan(model, alter.tableKey, action.column, statement.order, statement.step)) continue;
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'setNotNull',
              data: { statement: actionLabel(statement, alter.table, action.start, action.end), table, recipe: recipe(action.column ?? 'column') },
            });
          } else if (action.kind === 'ADD COLUMN' && action.definition) {
            const column = action.definition;
            if (!column.notNull || (column.default && !isNullDefault(column.default)) || column.identity || column.serial || column.generated !== null) continue;
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'addColumnNotNull',
              data: { statement: actionLabel(statement, alter.table, action.start, action.headEnd), table },
            });
          }
        }
      }

      if (model.host !== 'js') return;
      const ops = builderOps(jsMigrationFacts(context, options.runner));
      for (const op of ops) {
        if (!isExistingTable(model, op.table, op.step, op.order)) continue;
        const table = op.table ?? '…';
        if (op.op === 'set not null') {
          const column = op.column === null ? null : normalizeTableName(op.column);
          if (skipsScan(model, op.table, column, op.order, op.step)) continue;
          // A builder that restates the whole column (Sequelize `changeColumn`, knex `.alter()`) says NOT NULL
          // even when the column already was, and PostgreSQL skips SET NOT NULL on a column that has it. Report
          // it only when the file shows the column nullable: the other direction restates it nullable.
          if (
            op.restated &&
            !ops.some((other) => other.op === 'alter' && other.step !== op.step && other.table === op.table && other.restatesNullable === op.column)
          ) {
            continue;
          }
          context.report({
            node: op.node,
            messageId: 'builderSetNotNull',
            data: { call: op.api, column: op.column ?? '…', table, recipe: recipe(op.column ?? 'column') },
          });
        } else if (op.op === 'add column' && op.notNull && !op.hasDefault) {
          context.report({ node: op.node, messageId: 'builderAddColumnNotNull', data: { call: op.api, column: op.column ?? '…', table } });
        }
      }
    });
  },
});
