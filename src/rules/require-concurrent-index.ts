import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findBuilderIndexCall, findTableChange, type BuilderIndexCall } from '../migration-runners/builder-calls';
import { disableTransactionFix } from '../migration-runners/marker-fix';
import { enclosingClass, outermostFunction, transactionCallbackAround } from '../migration-runners/migration-functions';
import { detectRunner, RUNNERS, type Runner } from '../migration-runners/runner';
import { scanSqlExpression, type SqlIndexStatement, type SqlScan } from '../migration-runners/sql-index-statements';
import { migrationSqlExpressions, sqlCallOptions } from '../migration-runners/sql-sinks';
import {
  isNoTransactionCall,
  knexDisablesTransaction,
  mikroOrmClassDisablesTransaction,
  typeormClassDisablesTransaction,
} from '../migration-runners/transaction-markers';
import { TRANSACTION_REASONS, type TransactionReason } from '../migration-runners/transaction-reasons';
import { getStaticPropertyName, readConstObjectProperty, unwrapExpression } from '../static';
import { classifyTag } from '../sql/sinks';
import { createRule } from '../util/create-rule';
import { isMigrationFile } from '../util/migrations';
import { isPostgresMigration } from '../migration/gate';

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

type Step = TSESTree.FunctionLike | null;

/** An index change seen while walking the file; judged at the end, when every marker is known. */
type Finding =
  | { readonly source: 'sql'; readonly statement: SqlIndexStatement; readonly expression: TSESTree.Node; readonly sink: TSESTree.Node; readonly step: Step }
  | { readonly source: 'builder'; readonly builder: BuilderIndexCall; readonly step: Step };

/** Methods that open or close a transaction on a TypeORM query runner. */
const TRANSACTION_METHODS: Readonly<Record<string, boolean>> = { startTransaction: true, commitTransaction: false, rollbackTransaction: false };

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
    if (!isMigrationFile(context, options.migrations) || !isPostgresMigration(context)) return {};

    const sourceCode = context.sourceCode;
    let runner: Runner | null = null;
    const findings: Finding[] = [];
    const createdTables: { table: string; order: number; step: Step }[] = [];
    const droppedTables: { table: string; step: Step }[] = [];
    /** Index name → table, from every `CREATE INDEX` in the file, so a `DROP INDEX` knows its table. */
    const indexTables = new Map<string, string>();
    const transactionControl: { open: boolean; order: number; step: Step; reason: TransactionReason }[] = [];
    /** Migration steps that call `pgm.noTransaction()`. */
    const noTransactionSteps = new Set<Step>();

    function collectSql(scan: SqlScan, expression: TSESTree.Node, sink: TSESTree.Node, step: Step): void {
      for (const created of scan.createdTables) createdTables.push({ ...created, step });
      for (const dropped of scan.droppedTables) droppedTables.push({ table: dropped.table, step });
      for (const index of scan.indexes) {
        if (index.kind === 'create' && index.indexName !== null && index.table !== null) indexTables.set(index.indexName, index.table);
      }
      for (const control of scan.transactionControl) transactionControl.push({ ...control, step, reason: 'begin' });
      for (const statement of scan.indexes) findings.push({ source: 'sql', statement, expression, sink, step });
    }

    /**
     * Whether a lock on the table harms no one: it was created earlier in this
     * step (nobody else uses it yet), or this step drops it anyway.
     */
    function tableIsPrivate(kind: 'create' | 'drop' | 'reindex', table: string | null, indexName: string | null, order: number, step: Step): boolean {
      if (kind === 'create') {
        return table !== null && createdTables.some((created) => created.table === table && created.step === step && created.order < order);
      }
      const owner = table ?? (indexName === null ? undefined : indexTables.get(indexName));
      return kind === 'drop' && owner !== undefined && droppedTables.some((dropped) => dropped.table === owner && dropped.step === step);
    }

    /** Why a concurrent statement at `node` would run in a transaction, or null when it would not. */
    function transactionReason(node: TSESTree.Node, order: number, step: Step, passedTransaction: boolean, program: TSESTree.Program): TransactionReason | null {
      if (transactionCallbackAround(node)) return 'callback';
      if (passedTransaction) return 'option';
      let open: TransactionReason | null = null;
      for (const control of transactionControl) {
        if (control.step === step && control.order < order) open = control.open ? control.reason : null;
      }
      if (open) return open;
      const scope = sourceCode.getScope(program);
      switch (runner) {
        case 'knex':
          return knexDisablesTransaction(program, scope) ? null : 'knex';
        case 'node-pg-migrate':
          return noTransactionSteps.has(step) ? null : 'node-pg-migrate';
        case 'typeorm': {
          const classNode = enclosingClass(node);
          return classNode && !typeormClassDisablesTransaction(classNode, scope) ? 'typeorm' : null;
        }
        case 'mikro-orm': {
          const classNode = enclosingClass(node);
          return classNode && !mikroOrmClassDisablesTransaction(classNode, scope) ? 'mikro-orm' : null;
        }
        default:
          // Sequelize and Kysely migrations run outside a transaction unless the code opens one.
          return null;
      }
    }

    function reportInTransaction(
      node: TSESTree.Node,
      loc: TSESTree.SourceLocation,
      statement: string,
      reason: TransactionReason,
      program: TSESTree.Program,
    ): void {
      const { reason: because, advice } = TRANSACTION_REASONS[reason];
      const markerFix = runner !== null && reason === runner ? disableTransactionFix(runner, node, program, sourceCode, context.filename) : null;
      context.report({
        loc,
        messageId: 'concurrentlyInTransaction',
        data: { statement, reason: because, advice },
        suggest: markerFix ? [{ messageId: 'disableTransaction', data: { marker: markerFix.marker }, fix: markerFix.fix }] : [],
      });
    }

    function judgeSql(finding: Extract<Finding, { source: 'sql' }>, program: TSESTree.Program, reported: Set<string>): void {
      const { statement, expression, sink, step } = finding;
      const loc = statement.span
        ? { start: sourceCode.getLocFromIndex(statement.span[0]), end: sourceCode.getLocFromIndex(statement.span[1]) }
        : expression.loc;
      // A constant's SQL reaches every sink that runs it: report each statement once.
      const key = `${loc.start.line}:${loc.start.column}:${loc.end.line}:${loc.end.column}:${statement.label}`;
      if (reported.has(key)) return;

      if (statement.concurrently) {
        const options = sink.type === AST_NODE_TYPES.CallExpression ? sqlCallOptions(sink) : undefined;
        const reason: TransactionReason | null = statement.nested
          ? 'doBlock'
          : statement.multiStatement
            ? 'multiStatement'
            : transactionReason(sink, statement.order, step, passesTransaction(options, sourceCode.getScope(sink)), program);
        if (reason) {
          reported.add(key);
          reportInTransaction(sink, loc, statement.label, reason, program);
        }
        return;
      }
      if (statement.only || tableIsPrivate(statement.kind, statement.table, statement.indexName, statement.order, step)) return;
      reported.add(key);
      const insertAt = statement.insertAt;
      const text = statement.lowerCase ? ' concurrently' : ' CONCURRENTLY';
      context.report({
        loc,
        messageId: statement.kind === 'reindex' ? 'reindexWithoutConcurrently' : 'indexWithoutConcurrently',
        data: { statement: statement.label, concurrent: statement.concurrentForm },
        suggest:
          insertAt === null
            ? []
            : [{ messageId: 'insertConcurrently', fix: (fixer) => fixer.insertTextAfterRange([insertAt, insertAt], text) }],
      });
    }

    function judgeBuilder(finding: Extract<Finding, { source: 'builder' }>, program: TSESTree.Program): void {
      const { builder, step } = finding;
      const order = builder.call.range[0];
      if (builder.concurrently) {
        const reason = transactionReason(builder.call, order, step, builder.transactionOption, program);
        if (reason) reportInTransaction(builder.call, builder.call.callee.loc, builder.api, reason, program);
        return;
      }
      if (tableIsPrivate(builder.kind, builder.table, null, order, step)) return;
      const concurrent = builder.kind === 'create' ? 'CREATE INDEX CONCURRENTLY' : 'DROP INDEX CONCURRENTLY';
      if (!builder.options) {
        context.report({ node: builder.call.callee, messageId: 'builderCannotConcurrently', data: { call: builder.api, concurrent } });
        return;
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

    return {
      Program(program) {
        runner = options.runner === undefined || options.runner === 'auto' ? detectRunner(program, sourceCode) : options.runner;
      },
      CallExpression(node) {
        const scope = sourceCode.getScope(node);
        const step = outermostFunction(node);
        if (isNoTransactionCall(node)) noTransactionSteps.add(step);
        const callee = unwrapExpression(node.callee);
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
        if (method !== null && Object.hasOwn(TRANSACTION_METHODS, method)) {
          transactionControl.push({ open: TRANSACTION_METHODS[method] === true, order: node.range[0], step, reason: 'startTransaction' });
        }
        const tableChange = findTableChange(node, scope);
        if (tableChange?.change === 'create') createdTables.push({ table: tableChange.table, order: tableChange.at.range[0], step });
        if (tableChange?.change === 'drop') droppedTables.push({ table: tableChange.table, step });
        const builder = findBuilderIndexCall(node, runner, scope);
        if (builder) findings.push({ source: 'builder', builder, step });
        for (const expression of migrationSqlExpressions(node, runner, scope)) {
          collectSql(scanSqlExpression(expression, scope, node), expression, node, step);
        }
      },
      TaggedTemplateExpression(node) {
        const scope = sourceCode.getScope(node);
        if (classifyTag(node.tag, scope) === 'sql') collectSql(scanSqlExpression(node.quasi, scope, node), node.quasi, node, outermostFunction(node));
      },
      'Program:exit'(program) {
        const reported = new Set<string>();
        for (const finding of findings) {
          if (finding.source === 'sql') judgeSql(finding, program, reported);
          else judgeBuilder(finding, program);
        }
      },
    };
  },
});

/** Whether a SQL call's options carry a `transaction` (Sequelize `query(sql, { transaction: t })`). */
function passesTransaction(options: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): boolean {
  const value = options ? readConstObjectProperty(options, 'transaction', scope) : null;
  if (!value) return false;
  return !(value.type === AST_NODE_TYPES.Literal && value.value === null) && !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

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
