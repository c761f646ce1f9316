import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isCheckedMigration } from '../migration/gate';
import { getMigrationModel } from '../migration/get-model';
import { locOfRange } from '../migration/loc';
import { jsMigrationFacts } from '../migration/js-host';
import { createdEarlier, type MigrationStatement } from '../migration/model';
import type { BuilderIndexCall } from '../migration-runners/builder-calls';
import { disableTransactionFix } from '../migration-runners/marker-fix';
import { RUNNERS, type Runner } from '../migration-runners/runner';
import { readIndexFacts, type SqlIndexFacts } from '../migration-runners/sql-index-statements';
import { TRANSACTION_REASONS, type TransactionReason } from '../migration-runners/transaction-reasons';
import { getConfiguredDialect } from '../settings';
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
  | 'disableTransaction';

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
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          runner: {
            type: 'string',
            enum: ['auto', ...RUNNERS],
            description:
              'The migration runner, which decides whether a migration runs in a transaction. `auto` detects it from the imports and the shape of each file.',
          },
          migrations: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              "Globs, relative to ESLint's working directory, of the migration files this rule checks. Replaces `settings.guardrails.migrations` and the built-in defaults.",
          },
        },
      },
    ],
    defaultOptions: [{ runner: 'auto' }],
  },
  create(context, [options]) {
    // Cheapest check first: only migrations are checked (elsewhere DDL is `no-adhoc-ddl`'s business).
    if (!isCheckedMigration(context, options.migrations)) return {};
    if (getConfiguredDialect(context.settings) !== 'postgres') return {};
    const sourceCode = context.sourceCode;

    return {
      'Program:exit'() {
        const model = getMigrationModel(context, options.runner);
        const js = model.host === 'js' ? jsMigrationFacts(context, options.runner) : null;

        /** Index name → table, from every `CREATE INDEX` in the file, so a `DROP INDEX` knows its table. */
        const indexTables = new Map<string, string>();
        const indexes: { statement: MigrationStatement; index: SqlIndexFacts }[] = [];
        for (const statement of model.statements) {
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
      },
    };
  },
});

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
