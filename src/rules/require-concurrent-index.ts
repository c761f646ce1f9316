import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { CONCURRENT_INDEX_HAZARDS } from '../migration/hazards/require-concurrent-index';
import { builderOps } from '../migration/js-builders';
import { actionLabel, alterTableOf, insertionPoint, isExistingTable, keywordText, locIn } from '../migration/policy';
import { checkedPostgresMigration, MIGRATION_OPTION_PROPERTIES } from '../migration/rule-options';
import { getMigrationModel } from '../migration/get-model';
import { locOfRange } from '../migration/loc';
import { jsMigrationFacts, migrationVisitor } from '../migration/js-host';
import { createdEarlier, type MigrationStatement } from '../migration/model';
import type { BuilderIndexCall } from '../migration-runners/builder-calls';
import { disableTransactionFix } from '../migration-runners/marker-fix';
import type { Runner } from '../migration-runners/runner';
import { isIndexStatement, readIndexFacts, type SqlIndexFacts } from '../migration-runners/sql-index-statements';
import { TRANSACTION_REASONS, type TransactionReason } from '../migration-runners/transaction-reasons';
import { createRule } from '../util/create-rule';

export interface RequireConcurrentIndexOptions {
  runner?: 'auto' | Runner;
  migrations?: string[];
}

type Options = [RequireConcurrentIndexOptions];
type MessageIds =
  | 'indexWithoutConcurrently'
  | 'builderCannotConcurrently'
  | 'concurrentlyInTransaction'
  | 'reindexWithoutConcurrently'
  | 'insertConcurrently'
  | 'addConcurrentlyOption'
  | 'disableTransaction'
  | 'constraintBuildsIndex'
  | 'builderConstraintBuildsIndex'
  | 'detachWithoutConcurrently';

export default createRule<Options, MessageIds>({
  name: 'require-concurrent-index',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require indexes on existing tables to be built and dropped `CONCURRENTLY`, outside a transaction, in migrations',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      indexWithoutConcurrently:
        '`{{statement}}` locks the table against writes until it finishes. Use `{{concurrent}}` in a migration that runs outside a transaction.',
      builderCannotConcurrently:
        '`{{call}}` cannot build or drop an index concurrently, so it locks the table against writes until it finishes. Use raw `{{concurrent}}` SQL in a migration that runs outside a transaction.',
      concurrentlyInTransaction:
        '`{{statement}}` fails inside a transaction ("cannot run inside a transaction block"), and {{reason}}. {{advice}}.',
      reindexWithoutConcurrently:
        '`{{statement}}` locks out writes, and reads that use the index, until it finishes. Use `{{concurrent}}` in a migration that runs outside a transaction.',
      insertConcurrently: 'Insert `CONCURRENTLY`.',
      addConcurrentlyOption: 'Pass `concurrently: true`.',
      disableTransaction: 'Add `{{marker}}` so this migration runs outside a transaction.',
      constraintBuildsIndex:
        '`{{statement}}` builds a unique index on `{{table}}` under an ACCESS EXCLUSIVE lock, which blocks every read and write until it finishes. Build the index first with `CREATE UNIQUE INDEX CONCURRENTLY` outside a transaction, then add the constraint with `{{using}}`.',
      builderConstraintBuildsIndex:
        '`{{call}}` builds a unique index on `{{table}}` under an ACCESS EXCLUSIVE lock, which blocks every read and write until it finishes, and the builder cannot build it concurrently. Use raw SQL: `CREATE UNIQUE INDEX CONCURRENTLY` outside a transaction, then `ALTER TABLE … ADD CONSTRAINT … {{kind}} USING INDEX …`.',
      detachWithoutConcurrently:
        '`{{statement}}` holds an ACCESS EXCLUSIVE lock on `{{table}}` and the partition, which blocks every read and write until it finishes. Use `DETACH PARTITION … CONCURRENTLY` (PostgreSQL 14+) in a migration that runs outside a transaction.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: MIGRATION_OPTION_PROPERTIES,
      },
    ],
    defaultOptions: [{ runner: 'auto' }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    // Cheapest check first: only migrations are checked (elsewhere DDL is `no-adhoc-ddl`'s business).
    const version = checkedPostgresMigration(context, options.migrations);
    if (version === null) return {};
    const sourceCode = context.sourceCode;

    return migrationVisitor(context, () => {
      const model = getMigrationModel(context, options.runner);
      const js = model.host === 'js' ? jsMigrationFacts(context, options.runner) : null;

      /** Index name → table, from every `CREATE INDEX` in the file, so a `DROP INDEX` knows its table. */
      const indexTables = new Map<string, string>();
      const indexes: { statement: MigrationStatement; index: SqlIndexFacts }[] = [];
      for (const statement of model.statements) {
        if (!isIndexStatement(statement.statement)) continue;
        const index = readIndexFacts(statement.statement, statement.text, statement.tokens, (offset) => statement.sourceIndex(offset));
        if (!index) continue;
        indexes.push({ statement, index });
        if (index.kind === 'create' && index.indexName !== null && index.table !== null) indexTables.set(index.indexName, index.table);
      }

      /**
       * Whether a lock on the table harms no one: it was created earlier in this
       * step (nobody else uses it yet), or this step drops it anyway.
       */
      function tableIsPrivate(kind: 'create' | 'drop' | 'reindex', table: string | null, indexName: string | null, order: number, step: object): boolean {
        if (kind === 'create') return createdEarlier(model, table, step, order);
        const owner = table ?? (indexName === null ? undefined : indexTables.get(indexName));
        return kind === 'drop' && owner !== undefined && model.droppedTables.some((dropped) => dropped.table === owner && dropped.step === step);
      }

      function reportInTransaction(node: TSESTree.Node | undefined, loc: TSESTree.SourceLocation, statement: string, reason: TransactionReason): void {
        const { reason: because, advice } = TRANSACTION_REASONS[reason];
        const runner = js?.runner ?? null;
        const markerFix =
          js && node && runner !== null && reason === runner ? disableTransactionFix(runner, node, js.program, sourceCode, context.filename) : null;
        context.report({
          loc,
          messageId: 'concurrentlyInTransaction',
          data: { statement, reason: because, advice },
          suggest: markerFix ? [{ messageId: 'disableTransaction', data: { marker: markerFix.marker }, fix: markerFix.fix }] : [],
        });
      }

      // A constant's SQL reaches every sink that runs it: report each statement once.
      const reported = new Set<string>();
      for (const { statement, index } of indexes) {
        // The index reader's span names the index or table (`REINDEX TABLE users`); else the model's head.
        const loc = index.span ? locOfRange(sourceCode, index.span) : statement.loc;
        const key = `${loc.start.line}:${loc.start.column}:${loc.end.line}:${loc.end.column}:${index.label}`;
        if (reported.has(key)) continue;
        if (index.concurrently) {
          if (statement.transaction) {
            reported.add(key);
            reportInTransaction(js?.sinkOf(statement), loc, index.label, statement.transaction);
          }
          continue;
        }
        // REINDEX CONCURRENTLY exists from PostgreSQL 12.
        if (index.kind === 'reindex' && version < 12) continue;
        if (index.only || tableIsPrivate(index.kind, index.table, index.indexName, statement.order, statement.step)) continue;
        reported.add(key);
        const insertAt = index.insertAt;
        const text = index.lowerCase ? ' concurrently' : ' CONCURRENTLY';
        context.report({
          loc,
          messageId: index.kind === 'reindex' ? 'reindexWithoutConcurrently' : 'indexWithoutConcurrently',
          data: { statement: index.label, concurrent: index.concurrentForm },
          suggest:
            insertAt === null
              ? []
              : [{ messageId: 'insertConcurrently', fix: (fixer) => fixer.insertTextAfterRange([insertAt, insertAt], text) }],
        });
      }

      for (const statement of model.statements) {
        const alter = alterTableOf(statement);
        if (!alter || !isExistingTable(model, alter.tableKey, statement.step, statement.order)) continue;
        for (const action of alter.actions) {
          const table = alter.table ?? '…';
          const label = actionLabel(statement, alter.table, action.start, action.headEnd);
          if (action.kind === 'DETACH PARTITION') {
            if (version < DETACH_CONCURRENTLY_SINCE) continue;
            if (action.concurrently) {
              if (statement.transaction && !/\bFINALIZE\b/i.test(statement.text.slice(action.start, action.end))) {
                reportInTransaction(js?.sinkOf(statement), locIn(sourceCode, statement, action.start, action.end), label, statement.transaction);
              }
              continue;
            }
            const at = statement.statement.nested ? null : insertionPoint(statement, action.end);
            const text = ` ${keywordText(statement, 'CONCURRENTLY')}`;
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'detachWithoutConcurrently',
              data: { statement: label, table },
              suggest: at === null ? [] : [{ messageId: 'insertConcurrently', fix: (fixer) => fixer.insertTextAfterRange([at, at], text) }],
            });
            continue;
          }
          const constraints =
            action.kind === 'ADD CONSTRAINT' && action.constraint
              ? [action.constraint]
              : action.kind === 'ADD COLUMN'
                ? (action.definition?.constraints ?? [])
                : [];
          for (const constraint of constraints) {
            if ((constraint.type !== 'UNIQUE' && constraint.type !== 'PRIMARY KEY') || constraint.usingIndex !== null) continue;
            const name = constraint.name ?? (constraint.type === 'PRIMARY KEY' ? `${alter.tableKey ?? 't'}_pkey` : 'name');
            context.report({
              loc: locIn(sourceCode, statement, action.start, action.end),
              messageId: 'constraintBuildsIndex',
              data: { statement: label, table, using: `ADD CONSTRAINT ${name} ${constraint.type} USING INDEX ${name}` },
            });
          }
        }
      }

      for (const op of js ? builderOps(js) : []) {
        const buildsIndex =
          (op.op === 'constraint' && (op.constraint === 'UNIQUE' || op.constraint === 'PRIMARY KEY')) || (op.op === 'add column' && op.unique);
        if (!buildsIndex || !isExistingTable(model, op.table, op.step, op.order)) continue;
        const kind = op.op === 'constraint' && op.constraint === 'PRIMARY KEY' ? 'PRIMARY KEY' : 'UNIQUE';
        context.report({ node: op.node, messageId: 'builderConstraintBuildsIndex', data: { call: op.api, table: op.table ?? '…', kind } });
      }

      for (const { builder, step, order, transaction } of js?.builderIndexes ?? []) {
        if (builder.concurrently) {
          if (transaction) reportInTransaction(builder.call, builder.call.callee.loc, builder.api, transaction);
          continue;
        }
        if (tableIsPrivate(builder.kind, builder.table, null, order, step)) continue;
        const concurrent = builder.kind === 'create' ? 'CREATE INDEX CONCURRENTLY' : 'DROP INDEX CONCURRENTLY';
        if (!builder.options) {
          context.report({ node: builder.call.callee, messageId: 'builderCannotConcurrently', data: { call: builder.api, concurrent } });
          continue;
        }
        const fix = concurrentlyOptionFix(builder.call, builder.options);
        // The callee is what the message names (`pgm.createIndex`); the arguments may span many lines.
        context.report({
          node: builder.call.callee,
          messageId: 'indexWithoutConcurrently',
          data: { statement: builder.api, concurrent: 'concurrently: true' },
          suggest: fix ? [{ messageId: 'addConcurrentlyOption', fix }] : [],
        });
      }
    });
  },
});

/** `DETACH PARTITION … CONCURRENTLY` exists from PostgreSQL 14 (the hazard table's `since`). */
const DETACH_CONCURRENTLY_SINCE: number = CONCURRENT_INDEX_HAZARDS.find((hazard) => hazard.id === 'detach-partition')?.since ?? 14;
/** Adds `concurrently: true` to a builder call's options, when they are absent or an object literal in place. */
function concurrentlyOptionFix(
  call: TSESTree.CallExpression,
  options: NonNullable<BuilderIndexCall['options']>,
): TSESLint.ReportFixFunction | null {
  const node = options.node;
  if (!node) {
    const last = call.arguments[call.arguments.length - 1];
    if (!last || call.arguments.length !== options.index) return null;
    return (fixer) => fixer.insertTextAfter(last, ', { concurrently: true }');
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const first = node.properties[0];
  if (!first) return (fixer) => fixer.replaceText(node, '{ concurrently: true }');
  return (fixer) => fixer.insertTextBefore(first, 'concurrently: true, ');
}
