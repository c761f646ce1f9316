import type { TSESTree } from '@typescript-eslint/utils';
import { getMigrationModel } from '../migration/get-model';
import { LOCK_BLOCKS, withArticle, type LockMode } from '../migration/hazards/types';
import { builderOps } from '../migration/js-builders';
import { jsMigrationFacts, migrationVisitor } from '../migration/js-host';
import type { MigrationStatement } from '../migration/model';
import { clipLabel, isExistingTable, locIn, sameTransaction, setOf } from '../migration/policy';
import { checkedPostgresMigration, MIGRATION_OPTION_PROPERTIES, type MigrationRuleOptions } from '../migration/rule-options';
import { statementLock } from '../migration/statement-locks';
import { createRule } from '../util/create-rule';

export interface RequireLockTimeoutOptions extends MigrationRuleOptions {
  runnerSetsLockTimeout?: boolean;
}

type Options = [RequireLockTimeoutOptions];
type MessageIds = 'missingLockTimeout' | 'localOutsideTransaction';

/** The locks that queue every later query on the table while they wait (the scope). */
const QUEUEING: ReadonlySet<LockMode> = new Set(['ACCESS EXCLUSIVE', 'EXCLUSIVE', 'SHARE ROW EXCLUSIVE']);
/** `set_config('lock_timeout', '5s', is_local)`. */
const SET_CONFIG = /\bset_config\s*\(\s*'lock_timeout'\s*,\s*'([^']*)'\s*,\s*(true|false)\s*\)/i;

/** A `lock_timeout` a statement sets: `local` lasts to the end of its transaction. Null when it sets none (or sets 0). */
function timeoutOf(statement: MigrationStatement): { local: boolean } | null {
  const set = setOf(statement);
  if (set) {
    if (set.name !== 'lock_timeout' || set.value === null || set.value === 'default' || /^0+(?:ms|s|min)?$/.test(set.value)) return null;
    return { local: set.local };
  }
  if (statement.statement.verb !== 'SELECT') return null;
  const match = SET_CONFIG.exec(statement.text.slice(statement.statement.start, statement.statement.end));
  if (!match || /^0+(?:ms|s|min)?$/.test(match[1] ?? '')) return null;
  return { local: match[2]?.toLowerCase() === 'true' };
}

export default createRule<Options, MessageIds>({
  name: 'require-lock-timeout',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a `lock_timeout` before a migration statement that waits for a lock blocking reads or writes on an existing table',
    },
    messages: {
      missingLockTimeout:
        '`{{statement}}` waits for {{lock}} lock on `{{table}}` (which {{blocks}}) with no `lock_timeout` set in this migration: while it waits behind a long query, every later query on `{{table}}` queues behind it. Run `SET lock_timeout = \'5s\'` (or `SET LOCAL` inside the migration\'s transaction) first, and retry the migration when it times out.',
      localOutsideTransaction:
        '`{{statement}}` runs outside a transaction here, so PostgreSQL only warns and sets nothing. Use `SET lock_timeout` (for the session), or run it inside the migration\'s transaction.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...MIGRATION_OPTION_PROPERTIES,
          runnerSetsLockTimeout: {
            type: 'boolean',
            description:
              'The runner or its connection sets `lock_timeout` for every migration (a pool hook, `PGOPTIONS`, `ALTER ROLE … SET lock_timeout`), so a migration need not: only `SET LOCAL` statements that set nothing are reported.',
          },
        },
      },
    ],
    defaultOptions: [{ runner: 'auto', runnerSetsLockTimeout: false }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    if (checkedPostgresMigration(context, options.migrations) === null) return {};
    const sourceCode = context.sourceCode;
    return migrationVisitor(context, () => {
      const model = getMigrationModel(context, options.runner);
      const js = model.host === 'js' ? jsMigrationFacts(context, options.runner) : null;
      const wrapper = js ? (statement: MigrationStatement) => js.wrapperOf(statement) : undefined;
      const timeouts: { statement: MigrationStatement; local: boolean }[] = [];
      for (const statement of model.statements) {
        const timeout = timeoutOf(statement);
        if (!timeout) continue;
        if (timeout.local && statement.transaction === null) {
          context.report({
            loc: locIn(sourceCode, statement, statement.statement.start, statement.statement.end),
            messageId: 'localOutsideTransaction',
            data: { statement: clipLabel(statement.text.slice(statement.statement.start, statement.statement.end)) },
          });
          continue;
        }
        timeouts.push({ statement, ...timeout });
      }
      if (options.runnerSetsLockTimeout) return;

      /** Whether a timeout set earlier covers a lock taken at `order` in `step` (by `statement`, when it is SQL). */
      const covered = (step: object, order: number, statement: MigrationStatement | null, transaction: unknown): boolean =>
        timeouts.some((timeout) => {
          if (timeout.statement.step !== step || timeout.statement.order >= order) return false;
          if (!timeout.local) return true;
          if (statement) return sameTransaction(model, timeout.statement, statement, wrapper);
          // A builder call: the SET LOCAL's transaction must wrap the whole step (the runner's).
          return transaction !== null && (wrapper?.(timeout.statement) ?? timeout.statement.transaction) === transaction;
        });

      // One report per step: the first statement that waits unprotected.
      const findings: { step: object; order: number; report: () => void }[] = [];
      for (const statement of model.statements) {
        const lock = statementLock(statement);
        if (!lock || !QUEUEING.has(lock.lock) || !isExistingTable(model, lock.table, statement.step, statement.order)) continue;
        if (covered(statement.step, statement.order, statement, statement.transaction)) continue;
        findings.push({
          step: statement.step,
          order: statement.order,
          report: () => {
            context.report({
              loc: locIn(sourceCode, statement, statement.statement.start, statement.statement.ddl ? statement.statement.headEnd : statement.statement.end),
              messageId: 'missingLockTimeout',
              data: { statement: statementLabel(statement), lock: withArticle(lock.lock), table: lock.tableLabel, blocks: LOCK_BLOCKS[lock.lock] },
            });
          },
        });
      }
      for (const op of js ? builderOps(js) : []) {
        if (!isExistingTable(model, op.table, op.step, op.order)) continue;
        const lock: LockMode = op.op === 'constraint' && op.constraint === 'FOREIGN KEY' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        if (covered(op.step, op.order, null, op.transaction)) continue;
        const node: TSESTree.Node = op.node;
        findings.push({
          step: op.step,
          order: op.order,
          report: () => {
            context.report({
              node,
              messageId: 'missingLockTimeout',
              data: { statement: op.api, lock: withArticle(lock), table: op.table ?? '…', blocks: LOCK_BLOCKS[lock] },
            });
          },
        });
      }
      const first = new Map<object, (typeof findings)[number]>();
      for (const finding of findings) {
        const current = first.get(finding.step);
        if (!current || finding.order < current.order) first.set(finding.step, finding);
      }
      for (const finding of first.values()) finding.report();
    });
  },
});

/** The classifier's head for DDL (`ALTER TABLE users`); the statement itself for the rest (`LOCK TABLE users IN … MODE`). */
function statementLabel(statement: MigrationStatement): string {
  return statement.statement.ddl ? clipLabel(statement.statement.label) : clipLabel(statement.text.slice(statement.statement.start, statement.statement.end));
}
