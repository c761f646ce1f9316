import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { findBuilderIndexCall, findTableChange, type BuilderIndexCall } from '../migration-runners/builder-calls';
import { enclosingClass, outermostFunction, transactionCallbackAround } from '../migration-runners/migration-functions';
import { detectRunner, type Runner } from '../migration-runners/runner';
import { migrationSqlExpressions, sqlCallOptions } from '../migration-runners/sql-sinks';
import { normalizeTableName } from '../migration-runners/table-names';
import {
  isNoTransactionCall,
  knexDisablesTransaction,
  mikroOrmClassDisablesTransaction,
  typeormClassDisablesTransaction,
} from '../migration-runners/transaction-markers';
import type { TransactionReason } from '../migration-runners/transaction-reasons';
import { evaluateString, getStaticPropertyName, readConstObjectProperty, unwrapExpression } from '../static';
import { analyzeSqlWithTokens } from '../sql/analyze';
import { HOLE_CHAR, lexSql, type Token } from '../sql/lexer';
import { classifyTag } from '../sql/sinks';
import { joinStaticString, sourceIndexAt } from '../sql/source-map';
import { headSpan } from '../migration-runners/sql-index-statements';
import type { Direction, MigrationModel, MigrationStatement, TableEvent } from './model';

type Scope = TSESLint.Scope.Scope;
type SourceCode = Readonly<TSESLint.SourceCode>;

interface ContextLike {
  readonly sourceCode: object;
}

/** Where a JS call runs in the migration: its step, direction, order and transaction. */
export interface JsPlace {
  /** The migration step (outermost function), or the program for top-level code. */
  readonly step: object;
  readonly direction: Direction | null;
  readonly order: number;
  /** Why the call runs inside a transaction, or null. */
  readonly transaction: TransactionReason | null;
}

/** An index builder call (`pgm.createIndex`, `table.index` in `alterTable`…) with where it runs. */
export interface JsBuilderIndex extends JsPlace {
  readonly builder: BuilderIndexCall;
}

/** A call in a JS/TS migration, with its scope: what builder-call readers start from. */
export interface JsCall {
  readonly node: TSESTree.CallExpression;
  readonly scope: Scope;
}

/**
 * The JS host's facts: the shared model plus what only JS migrations have
 * (builder calls, the JS node that runs each SQL statement, the runner).
 */
export interface JsMigrationFacts {
  readonly model: MigrationModel;
  readonly runner: Runner | null;
  readonly program: TSESTree.Program;
  /** Every call in the file, in source order, with its scope. */
  readonly calls: readonly JsCall[];
  readonly builderIndexes: readonly JsBuilderIndex[];
  /** The call (or tagged template) that runs a statement of `model`. */
  sinkOf(statement: MigrationStatement): TSESTree.Node | undefined;
  /**
   * The transaction around the call that runs a statement, past the string's own
   * implicit one (`multiStatement`) or its `DO` block: the runner's, a callback's…
   */
  wrapperOf(statement: MigrationStatement): TransactionReason | null;
  /** Step, direction, order and transaction of any node in the file (a builder call). */
  placeOf(node: TSESTree.Node, passedTransaction?: boolean): JsPlace;
}

/** Methods that open or close a transaction on a TypeORM query runner. */
const TRANSACTION_METHODS: Readonly<Record<string, boolean>> = { startTransaction: true, commitTransaction: false, rollbackTransaction: false };
const OPENERS: ReadonlySet<string> = new Set(['BEGIN', 'START TRANSACTION']);
const CLOSERS: ReadonlySet<string> = new Set(['COMMIT', 'ROLLBACK', 'END', 'ABORT']);
/** Step names that undo a migration. */
const DOWN_NAMES: ReadonlySet<string> = new Set(['down', 'revert', 'rollback', 'undo']);
const UP_NAMES: ReadonlySet<string> = new Set(['up', 'migrate', 'apply']);

/** A text made only of unknown pieces. */
const ONLY_HOLES = new RegExp(`^[\\s${HOLE_CHAR}]*$`);

/** Per file (its `SourceCode`), the facts per runner setting (`auto` or a forced runner). */
const cache = new WeakMap<object, Map<string, JsMigrationFacts>>();

/** The nodes a migration's facts are read from: its calls and tagged templates, in traversal order. */
type MigrationNode = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

interface Collector {
  readonly nodes: MigrationNode[];
  /** The node collected last: every rule's listener runs on a node in turn, and only the first one keeps it. */
  last: MigrationNode | null;
  /** The traversal is over. A later lint of the same `SourceCode` (`Linter#verify` takes one) collects afresh. */
  complete: boolean;
}

/** Per file (its `SourceCode`), the nodes the migration rules' listeners collected during ESLint's traversal. */
const collectors = new WeakMap<object, Collector>();

/**
 * The listeners of a migration rule: the file's calls and tagged templates are
 * collected during ESLint's own traversal (shared by every migration rule of the
 * run: the first listener on a node keeps it), and `onExit` reads the facts
 * (`jsMigrationFacts`, `getMigrationModel`) once the traversal is over. So no
 * rule walks the AST a second time, and ESLint knows which nodes the rules see.
 * In a `.sql` file no node is a call: `onExit` reads the SQL host's model.
 */
export function migrationVisitor(context: ContextLike, onExit: () => void): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  let collector = collectors.get(sourceCode);
  if (!collector || collector.complete) {
    collector = { nodes: [], last: null, complete: false };
    collectors.set(sourceCode, collector);
  }
  const own = collector;
  const collect = (node: MigrationNode): void => {
    if (own.last === node) return;
    own.last = node;
    own.nodes.push(node);
  };
  const exit = (): void => {
    own.complete = true;
    onExit();
  };
  return { CallExpression: collect, TaggedTemplateExpression: collect, 'Program:exit': exit };
}

/** The calls and tagged templates of the file in traversal order: those the listeners collected, else one walk of the AST. */
function migrationNodes(sourceCode: SourceCode): readonly MigrationNode[] {
  const collected = collectors.get(sourceCode);
  if (collected) return collected.nodes;
  const nodes: MigrationNode[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) nodes.push(node);
  });
  return nodes;
}

/** The model of a JS/TS migration: the SQL it runs through its runner's SQL calls and tagged templates. */
export function jsMigrationModel(context: ContextLike, runner: Runner | 'auto' = 'auto'): MigrationModel {
  return jsMigrationFacts(context, runner).model;
}

/**
 * The JS host's facts for the file, built once per file and runner setting
 * (cached on its `SourceCode`) from the calls and tagged templates that every
 * migration rule shares (`migrationVisitor`). Call it when the traversal is
 * over (`Program:exit`). `runner`: a rule's `runner` option; `auto` detects it.
 */
export function jsMigrationFacts(context: ContextLike, runner: Runner | 'auto' = 'auto'): JsMigrationFacts {
  const sourceCode = context.sourceCode as SourceCode;
  let perRunner = cache.get(sourceCode);
  if (!perRunner) {
    perRunner = new Map();
    cache.set(sourceCode, perRunner);
  }
  let facts = perRunner.get(runner);
  if (!facts) {
    facts = buildFacts(sourceCode, runner === 'auto' ? detectRunner(sourceCode.ast, sourceCode) : runner);
    perRunner.set(runner, facts);
  }
  return facts;
}

/** `up`/`down` from the name the outermost function is given, or null. */
export function stepDirection(step: object): Direction | null {
  const name = stepName(step as TSESTree.Node);
  if (name === null) return null;
  if (UP_NAMES.has(name)) return 'up';
  return DOWN_NAMES.has(name) ? 'down' : null;
}

function stepName(fn: TSESTree.Node): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return null;
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return getStaticPropertyName(parent);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(parent.left) : null;
    default:
      return null;
  }
}

interface Sink {
  readonly node: TSESTree.Node;
  readonly expression: TSESTree.Node;
  readonly scope: Scope;
  readonly step: object;
}

function buildFacts(sourceCode: SourceCode, runner: Runner | null): JsMigrationFacts {
  const program = sourceCode.ast;
  const calls: JsCall[] = [];
  const sinks: Sink[] = [];
  const createdTables: TableEvent[] = [];
  const droppedTables: TableEvent[] = [];
  const noTransactionSteps = new Set<object>();
  const transactionControl: { open: boolean; order: number; step: object; reason: TransactionReason }[] = [];
  const builderCalls: { builder: BuilderIndexCall; step: object }[] = [];
  const stepOf = (node: TSESTree.Node): object => outermostFunction(node) ?? program;

  for (const node of migrationNodes(sourceCode)) {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const scope = sourceCode.getScope(node);
      const step = stepOf(node);
      calls.push({ node, scope });
      if (isNoTransactionCall(node)) noTransactionSteps.add(step);
      const callee = unwrapExpression(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
      if (method !== null && Object.hasOwn(TRANSACTION_METHODS, method)) {
        transactionControl.push({ open: TRANSACTION_METHODS[method] === true, order: node.range[0], step, reason: 'startTransaction' });
      }
      const tableChange = findTableChange(node, scope);
      if (tableChange) (tableChange.change === 'create' ? createdTables : droppedTables).push({ table: tableChange.table, step, order: tableChange.at.range[0] });
      const builder = findBuilderIndexCall(node, runner, scope);
      if (builder) builderCalls.push({ builder, step });
      for (const expression of migrationSqlExpressions(node, runner, scope)) sinks.push({ node, expression, scope, step });
    } else {
      const scope = sourceCode.getScope(node);
      if (classifyTag(node.tag, scope) === 'sql') sinks.push({ node, expression: node.quasi, scope, step: stepOf(node) });
    }
  }

  // SQL statements, with the tables and transaction control they carry.
  const pending: { statement: Omit<MigrationStatement, 'transaction'>; sink: Sink }[] = [];
  for (const sink of sinks) {
    for (const alternative of evaluateString(sink.expression, sink.scope)) {
      const joined = joinStaticString(alternative);
      const text = joined.text;
      // Nothing known (`sql\`…\`.execute(db)` passes `db`): no statement to read.
      if (ONLY_HOLES.test(text)) continue;
      const { statements, tokens } = analyzeSqlWithTokens(text);
      if (statements.length === 0) continue;
      const topLevel = statements.filter((statement) => !statement.nested).length;
      const sourceIndex = (offset: number): number | null => sourceIndexAt(joined, offset);
      // Top-level statements come in text order, so one cursor walks the tokens once (not once per statement).
      let cursor = 0;
      for (const statement of statements) {
        const order = sink.node.range[0] + statement.start / (text.length + 1);
        let own: Token[];
        if (statement.nested) own = statement.exact ? lexSql(text.slice(statement.start, statement.end)).map((token) => shift(token, statement.start)) : [];
        else {
          // The statement's tokens: those inside [start, end). Tokens are sorted and do not overlap.
          while (cursor < tokens.length && (tokens[cursor] as Token).start < statement.start) cursor += 1;
          let last = cursor;
          while (last < tokens.length && (tokens[last] as Token).end <= statement.end) last += 1;
          own = tokens.slice(cursor, last);
        }
        if (!statement.nested && OPENERS.has(statement.kind)) transactionControl.push({ open: true, order, step: sink.step, reason: 'begin' });
        else if (!statement.nested && CLOSERS.has(statement.verb)) transactionControl.push({ open: false, order, step: sink.step, reason: 'begin' });
        else if (statement.ddl && statement.kind === 'CREATE TABLE' && statement.name !== null && !statement.flags.temporary) {
          const table = normalizeTableName(statement.name);
          if (table !== null) createdTables.push({ table, step: sink.step, order });
        } else if (statement.ddl && statement.kind === 'DROP TABLE' && statement.name !== null) {
          const table = normalizeTableName(statement.name);
          if (table !== null) droppedTables.push({ table, step: sink.step, order });
        }
        const span = headSpan(text, sourceIndex, statement.start, statement.headEnd);
        const loc = span ? { start: sourceCode.getLocFromIndex(span[0]), end: sourceCode.getLocFromIndex(span[1]) } : sink.expression.loc;
        pending.push({
          sink,
          statement: {
            statement,
            text,
            tokens: own,
            sourceIndex,
            loc,
            step: sink.step,
            direction: stepDirection(sink.step),
            order,
            multiStatement: topLevel > 1 && !statement.nested,
          },
        });
      }
    }
  }

  let moduleScope: Scope | undefined;
  /** Why code at `node` runs in a transaction, or null when it runs on its own. */
  function transactionReason(node: TSESTree.Node, order: number, step: object, passedTransaction: boolean): TransactionReason | null {
    if (transactionCallbackAround(node)) return 'callback';
    if (passedTransaction) return 'option';
    let open: TransactionReason | null = null;
    for (const control of transactionControl) {
      if (control.step === step && control.order < order) open = control.open ? control.reason : null;
    }
    if (open) return open;
    moduleScope ??= sourceCode.getScope(program);
    switch (runner) {
      case 'knex':
        return knexDisablesTransaction(program, moduleScope) ? null : 'knex';
      case 'node-pg-migrate':
        return noTransactionSteps.has(step) ? null : 'node-pg-migrate';
      case 'typeorm': {
        const classNode = enclosingClass(node);
        return classNode && !typeormClassDisablesTransaction(classNode, moduleScope) ? 'typeorm' : null;
      }
      case 'mikro-orm': {
        const classNode = enclosingClass(node);
        return classNode && !mikroOrmClassDisablesTransaction(classNode, moduleScope) ? 'mikro-orm' : null;
      }
      default:
        // Sequelize and Kysely migrations run outside a transaction unless the code opens one.
        return null;
    }
  }

  // Plain maps: they live as long as these facts (one file), and a WeakMap entry costs the garbage collector more.
  const sinkOfStatement = new Map<MigrationStatement, TSESTree.Node>();
  const wrappers = new Map<MigrationStatement, TransactionReason | null>();
  const passed = new Map<TSESTree.Node, boolean>();
  const statements = pending.map(({ statement, sink }): MigrationStatement => {
    let passedTransaction = passed.get(sink.node);
    if (passedTransaction === undefined) {
      const options = sink.node.type === AST_NODE_TYPES.CallExpression ? sqlCallOptions(sink.node) : undefined;
      passedTransaction = passesTransaction(options, sink.scope);
      passed.set(sink.node, passedTransaction);
    }
    const wrapper = transactionReason(sink.node, statement.order, sink.step, passedTransaction);
    // Field by field, not `{ ...statement, transaction }`: a spread into a literal with one more field is a slow generic copy.
    const full: MigrationStatement = {
      statement: statement.statement,
      text: statement.text,
      tokens: statement.tokens,
      sourceIndex: statement.sourceIndex,
      loc: statement.loc,
      step: statement.step,
      direction: statement.direction,
      order: statement.order,
      transaction: statement.statement.nested ? 'doBlock' : statement.multiStatement ? 'multiStatement' : wrapper,
      multiStatement: statement.multiStatement,
    };
    sinkOfStatement.set(full, sink.node);
    wrappers.set(full, wrapper);
    return full;
  });

  function placeOf(node: TSESTree.Node, passedTransaction = false): JsPlace {
    const step = stepOf(node);
    const order = node.range[0];
    return { step, direction: stepDirection(step), order, transaction: transactionReason(node, order, step, passedTransaction) };
  }

  return {
    model: { host: 'js', statements, createdTables, droppedTables },
    runner,
    program,
    calls,
    builderIndexes: builderCalls.map(({ builder }) => ({ builder, ...placeOf(builder.call, builder.transactionOption) })),
    sinkOf: (statement) => sinkOfStatement.get(statement),
    wrapperOf: (statement) => wrappers.get(statement) ?? null,
    placeOf,
  };
}

function shift(token: Token, by: number): Token {
  return {
    ...token,
    start: token.start + by,
    end: token.end + by,
    ...(token.contentStart === undefined ? {} : { contentStart: token.contentStart + by }),
  };
}

/** Pre-order walk of every node, children in source order. */
function walk(root: TSESTree.Node, keys: SourceCode['visitorKeys'], visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    visit(node);
    const childKeys = keys[node.type] ?? [];
    const children: TSESTree.Node[] = [];
    for (const key of childKeys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) children.push(child);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as TSESTree.Node);
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Whether a SQL call's options carry a `transaction` (Sequelize `query(sql, { transaction: t })`). */
function passesTransaction(options: TSESTree.Node | undefined, scope: Scope): boolean {
  const value = options ? readConstObjectProperty(options, 'transaction', scope) : null;
  if (!value) return false;
  return !(value.type === AST_NODE_TYPES.Literal && value.value === null) && !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}
