import { actionLabel, isNullDefault, isExistingTable, alterTableOf, insertionPoint, keywordText, locIn, sameTransaction } from '../migration/policy';
import { getMigrationModel } from '../migration/get-model';
import { NOT_VALID_HAZARDS } from '../migration/hazards/require-not-valid-constraint';
import { LOCK_BLOCKS, withArticle, type LockMode } from '../migration/hazards/types';
import { builderOps } from '../migration/js-builders';
import { jsMigrationFacts, migrationVisitor } from '../migration/js-host';
import type { MigrationStatement } from '../migration/model';
import { checkedPostgresMigration, MIGRATION_OPTION_PROPERTIES, type MigrationRuleOptions } from '../migration/rule-options';
import { normalizeTableName } from '../migration-runners/table-names';
import { createRule } from '../util/create-rule';

type Options = [MigrationRuleOptions];
type MessageIds = 'missingNotValid' | 'columnConstraintScans' | 'validateInSameTransaction' | 'builderCannotNotValid' | 'addNotValid';

/** The lock each constraint kind takes while PostgreSQL checks the rows (the hazard table, proven on PostgreSQL). */
function hazardLock(id: (typeof NOT_VALID_HAZARDS)[number]['id']): LockMode {
  return NOT_VALID_HAZARDS.find((hazard) => hazard.id === id)?.lock ?? 'ACCESS EXCLUSIVE';
}
const FOREIGN_KEY_LOCK = hazardLock('add-foreign-key');
const CHECK_LOCK = hazardLock('add-check');
const COLUMN_LOCK = hazardLock('add-column-references-default');

export default createRule<Options, MessageIds>({
  name: 'require-not-valid-constraint',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require foreign keys and CHECK constraints on existing tables to be added `NOT VALID` and validated in a later transaction, in migrations',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      missingNotValid:
        '`{{statement}}` checks every row of `{{table}}` under {{lock}} lock, which {{blocks}} until it finishes. Add the constraint `NOT VALID`, then run `VALIDATE CONSTRAINT` in a later transaction (it takes only SHARE UPDATE EXCLUSIVE).',
      columnConstraintScans:
        '`{{statement}}` adds a column with a default and a {{constraint}}, so PostgreSQL checks every row of `{{table}}` under an ACCESS EXCLUSIVE lock, which blocks every read and write until it finishes. Add the column first, then the constraint `NOT VALID`, then run `VALIDATE CONSTRAINT` in a later transaction.',
      validateInSameTransaction:
        '`{{statement}}` runs in the same transaction as the `ADD CONSTRAINT … NOT VALID` it validates, so the {{lock}} lock of that `ADD` is held while every row of `{{table}}` is checked. Validate in a separate transaction: a later migration, or after a `COMMIT`.',
      builderCannotNotValid:
        '`{{call}}` adds a {{constraint}} that checks every row of `{{table}}` under {{lock}} lock, which {{blocks}} until it finishes, and this builder cannot add it `NOT VALID`. Use raw SQL: `ALTER TABLE … ADD CONSTRAINT … NOT VALID`, then `VALIDATE CONSTRAINT` in a later transaction.',
      addNotValid: 'Add `NOT VALID` (then validate the constraint in a later migration).',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: MIGRATION_OPTION_PROPERTIES }],
    defaultOptions: [{ runner: 'auto' }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    if (checkedPostgresMigration(context, options.migrations) === null) return {};
    const sourceCode = context.sourceCode;
    return migrationVisitor(context, () => {
      const model = getMigrationModel(context, options.runner);
      const js = model.host === 'js' ? jsMigrationFacts(context, options.runner) : null;
      /** `ADD CONSTRAINT … NOT VALID` seen so far: `table constraint` → the statement. */
      const notValid: { table: string | null; name: string; statement: MigrationStatement }[] = [];

      for (const statement of model.statements) {
        const alter = alterTableOf(statement);
        if (!alter) continue;
        const table = alter.table ?? '…';
        const existing = isExistingTable(model, alter.tableKey, statement.step, statement.order);
        for (const action of alter.actions) {
          const constraint = action.constraint;
          if (action.kind === 'ADD CONSTRAINT' && constraint && (constraint.type === 'FOREIGN KEY' || constraint.type === 'CHECK')) {
            if (constraint.notValid) {
              const name = constraint.name === null ? null : normalizeTableName(constraint.name);
              if (name !== null) notValid.push({ table: alter.tableKey, name, statement });
              continue;
            }
            if (!existing) continue;
            const lock = constraint.type === 'FOREIGN KEY' ? FOREIGN_KEY_LOCK : CHECK_LOCK;
            const at = insertionPoint(statement, constraint.notValidAt);
            const text = ` ${keywordText(statement, 'NOT VALID')}`;
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'missingNotValid',
              data: { statement: actionLabel(statement, alter.table, action.start, action.headEnd), table, lock: withArticle(lock), blocks: LOCK_BLOCKS[lock] },
              suggest: at === null || statement.statement.nested ? [] : [{ messageId: 'addNotValid', fix: (fixer) => fixer.insertTextAfterRange([at, at], text) }],
            });
            continue;
          }
          if (action.kind === 'ADD COLUMN' && existing && action.definition?.default && !isNullDefault(action.definition.default)) {
            // Without a default every new value is NULL and PostgreSQL checks nothing (proven in tests/pg).
            const scanned = action.definition.constraints.find((inline) => inline.type === 'FOREIGN KEY' || inline.type === 'CHECK');
            if (!scanned) continue;
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'columnConstraintScans',
              data: {
                statement: actionLabel(statement, alter.table, action.start, action.headEnd),
                table,
                constraint: scanned.type === 'CHECK' ? 'CHECK' : 'foreign key',
              },
            });
            continue;
          }
          if (action.kind === 'VALIDATE CONSTRAINT' && action.constraintName !== null) {
            const name = action.constraintName;
            const added = notValid.find(
              (entry) =>
                entry.name === name &&
                entry.table === alter.tableKey &&
                sameTransaction(model, entry.statement, statement, js ? (s) => js.wrapperOf(s) : undefined),
            );
            if (!added) continue;
            const addedAlter = alterTableOf(added.statement);
            const type = addedAlter?.actions.find((candidate) => candidate.constraint?.notValid)?.constraint?.type;
            const lock = type === 'CHECK' ? CHECK_LOCK : FOREIGN_KEY_LOCK;
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'validateInSameTransaction',
              data: { statement: actionLabel(statement, alter.table, action.start, action.end), table, lock },
            });
          }
        }
      }

      for (const op of js ? builderOps(js) : []) {
        if (!isExistingTable(model, op.table, op.step, op.order)) continue;
        const table = op.table ?? '…';
        if (op.op === 'constraint' && (op.constraint === 'FOREIGN KEY' || op.constraint === 'CHECK') && !op.notValid) {
          const lock = op.constraint === 'FOREIGN KEY' ? FOREIGN_KEY_LOCK : CHECK_LOCK;
          context.report({
            node: op.node,
            messageId: 'builderCannotNotValid',
            data: { call: op.api, constraint: op.constraint === 'CHECK' ? 'CHECK constraint' : 'foreign key', table, lock: withArticle(lock), blocks: LOCK_BLOCKS[lock] },
          });
        } else if (op.op === 'add column' && op.references && op.hasDefault) {
          context.report({
            node: op.node,
            messageId: 'builderCannotNotValid',
            data: { call: op.api, constraint: 'foreign key', table, lock: withArticle(COLUMN_LOCK), blocks: LOCK_BLOCKS[COLUMN_LOCK] },
          });
        }
      }
    });
  },
});
