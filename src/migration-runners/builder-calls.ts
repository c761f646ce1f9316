import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, DefinitionType, findVariable, getStaticValue } from '../util/ast';
import { evaluateString, getStaticPropertyName, readConstObjectProperty, resolveConstant, staticStringText, unwrapExpression } from '../static';
import { receiverName } from '../sql/provenance';
import type { Runner } from './runner';
import { normalizeTableName } from './table-names';

type Scope = TSESLint.Scope.Scope;

/** An index change made through a migration builder instead of SQL text. */
export interface BuilderIndexCall {
  readonly kind: 'create' | 'drop';
  /** How the message names the call: `pgm.createIndex`, `table.index`, `db.schema.createIndex`. */
  readonly api: string;
  readonly call: TSESTree.CallExpression;
  /** Normalised table name, or null when unknown (Kysely drops name only the index). */
  readonly table: string | null;
  /**
   * For builders that take a `concurrently` option (node-pg-migrate, Sequelize):
   * where the options object goes. Null for builders that cannot build concurrently.
   */
  readonly options: { readonly index: number; readonly node: TSESTree.Node | undefined } | null;
  /** The `concurrently` option is statically `true`. */
  readonly concurrently: boolean;
  /** Sequelize: the options carry a `transaction`, so the call runs inside it. */
  readonly transactionOption: boolean;
}

const PGM_METHODS: Readonly<Record<string, 'create' | 'drop'>> = { createIndex: 'create', addIndex: 'create', dropIndex: 'drop' };
const SEQUELIZE_METHODS: Readonly<Record<string, 'create' | 'drop'>> = { addIndex: 'create', removeIndex: 'drop' };
const TYPEORM_METHODS: Readonly<Record<string, 'create' | 'drop'>> = {
  createIndex: 'create',
  createIndices: 'create',
  dropIndex: 'drop',
  dropIndices: 'drop',
};
const SCHEMA_METHODS: Readonly<Record<string, 'create' | 'drop'>> = { createIndex: 'create', dropIndex: 'drop' };
const KNEX_TABLE_METHODS: Readonly<Record<string, 'create' | 'drop'>> = { index: 'create', dropIndex: 'drop' };
/** knex schema methods whose callback changes an existing table. */
const KNEX_ALTER_METHODS: ReadonlySet<string> = new Set(['alterTable', 'table']);
/** Methods that create a table (knex, Kysely, node-pg-migrate, Sequelize, TypeORM). */
const CREATE_TABLE_METHODS: ReadonlySet<string> = new Set(['createTable', 'createTableIfNotExists']);
/** Methods that drop a table. */
const DROP_TABLE_METHODS: ReadonlySet<string> = new Set(['dropTable', 'dropTableIfExists']);

function lookup(table: Readonly<Record<string, 'create' | 'drop'>>, method: string): 'create' | 'drop' | undefined {
  return Object.hasOwn(table, method) ? table[method] : undefined;
}

/** `x.schema`, `x.schema.withSchema('s')`: a knex/Kysely schema builder. */
export function isSchemaBuilder(node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  for (let hop = 0; hop < 4; hop++) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (getStaticPropertyName(current) === 'schema') return true;
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
      if (getStaticPropertyName(current.callee) !== 'withSchema') return false;
      current = unwrapExpression(current.callee.object);
    } else {
      return false;
    }
  }
  return false;
}

/** `db` for `db.schema`, `db.schema.withSchema('s')`. */
function schemaOwnerName(node: TSESTree.Node): string | null {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    current = unwrapExpression(current.callee.object);
  }
  return current.type === AST_NODE_TYPES.MemberExpression ? receiverName(current.object) : null;
}

/** The table name a builder argument holds: `'users'`, `{ schema, name: 'users' }`, `new Table({ name: 'users' })`. */
export function tableNameOf(node: TSESTree.Node | undefined, scope: Scope): string | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  let value = resolveConstant(node, scope);
  if (value.type === AST_NODE_TYPES.NewExpression && value.arguments[0]) value = resolveConstant(value.arguments[0], scope);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const name = readConstObjectProperty(value, 'name', scope);
    if (!name) return null;
    value = name;
  }
  const alternatives = evaluateString(value, scope);
  const text = alternatives.length === 1 && alternatives[0] ? staticStringText(alternatives[0]) : null;
  return text === null ? null : normalizeTableName(text);
}

function isTrue(node: TSESTree.Node | null | undefined, scope: Scope): boolean {
  if (!node) return false;
  return getStaticValue(unwrapExpression(node), scope)?.value === true;
}

function withOptions(
  kind: 'create' | 'drop',
  api: string,
  call: TSESTree.CallExpression,
  table: string | null,
  optionsIndex: number,
  scope: Scope,
): BuilderIndexCall {
  const node = call.arguments[optionsIndex];
  const transaction = node ? readConstObjectProperty(node, 'transaction', scope) : null;
  const transactionOption =
    transaction !== null &&
    transaction !== undefined &&
    !(transaction.type === AST_NODE_TYPES.Literal && transaction.value === null) &&
    !(transaction.type === AST_NODE_TYPES.Identifier && transaction.name === 'undefined');
  return {
    kind,
    api,
    call,
    table,
    options: { index: optionsIndex, node },
    concurrently: node ? isTrue(readConstObjectProperty(node, 'concurrently', scope), scope) : false,
    transactionOption,
  };
}

function cannotConcurrently(kind: 'create' | 'drop', api: string, call: TSESTree.CallExpression, table: string | null): BuilderIndexCall {
  return { kind, api, call, table, options: null, concurrently: false, transactionOption: false };
}

/** The index change a builder call makes, or null when the call is no index builder. */
export function findBuilderIndexCall(call: TSESTree.CallExpression, runner: Runner | null, scope: Scope): BuilderIndexCall | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  if (method === null) return null;
  const receiver = unwrapExpression(callee.object);
  const name = receiverName(receiver);

  // Kysely `db.schema.createIndex('i').on('t')`: no way to say CONCURRENTLY.
  const schemaKind = lookup(SCHEMA_METHODS, method);
  if (schemaKind && isSchemaBuilder(receiver)) {
    return cannotConcurrently(schemaKind, `${schemaOwnerName(receiver) ?? '…'}.schema.${method}`, call, schemaKind === 'create' ? kyselyTable(call, scope) : null);
  }

  const pgmKind = lookup(PGM_METHODS, method);
  if (pgmKind && (name === 'pgm' || (runner === 'node-pg-migrate' && receiver.type === AST_NODE_TYPES.Identifier))) {
    return withOptions(pgmKind, `${name ?? 'pgm'}.${method}`, call, tableNameOf(call.arguments[0], scope), 2, scope);
  }

  const sequelizeKind = lookup(SEQUELIZE_METHODS, method);
  if (sequelizeKind && (/^(?:queryInterface|qi)$/.test(name ?? '') || runner === 'sequelize')) {
    // `addIndex(table, { fields, … })` puts the options second; `addIndex(table, fields, options)` third.
    const second = call.arguments[1];
    const optionsIndex =
      sequelizeKind === 'create' && second && resolveConstant(second, scope).type === AST_NODE_TYPES.ObjectExpression ? 1 : 2;
    const table = tableNameOf(call.arguments[0], scope);
    return withOptions(sequelizeKind, `${name ?? 'queryInterface'}.${method}`, call, table, optionsIndex, scope);
  }

  const typeormKind = lookup(TYPEORM_METHODS, method);
  if (typeormKind && (/^(?:queryRunner|qr)$/.test(name ?? '') || runner === 'typeorm')) {
    return cannotConcurrently(typeormKind, `${name ?? 'queryRunner'}.${method}`, call, tableNameOf(call.arguments[0], scope));
  }

  // knex `knex.schema.alterTable('t', (table) => { table.index(['c']) })`.
  const knexKind = lookup(KNEX_TABLE_METHODS, method);
  if (knexKind && receiver.type === AST_NODE_TYPES.Identifier) {
    const alterCall = knexAlterCallOf(receiver, scope);
    if (alterCall) {
      return cannotConcurrently(knexKind, `${receiver.name}.${method}`, call, tableNameOf(alterCall.arguments[0], scope));
    }
  }
  return null;
}

/** When `identifier` is the table parameter of an `alterTable`/`table` callback: that schema call. */
export function knexAlterCallOf(identifier: TSESTree.Identifier, scope: Scope): TSESTree.CallExpression | null {
  const variable = findVariable(scope, identifier);
  const def = variable?.defs[0];
  if (def?.type !== DefinitionType.Parameter || def.node.params[0] !== def.name) return null;
  const fn = def.node;
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return null;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  if (method === null || !KNEX_ALTER_METHODS.has(method)) return null;
  // `knex.schema.alterTable`, also chained: `knex.schema.createTable(…).alterTable(…)`.
  let receiver = unwrapExpression(callee.object);
  while (receiver.type === AST_NODE_TYPES.CallExpression && receiver.callee.type === AST_NODE_TYPES.MemberExpression) {
    receiver = unwrapExpression(receiver.callee.object);
  }
  return isSchemaBuilder(receiver) ? call : null;
}

/** The table of a Kysely index builder chain: `.on('users')`. */
function kyselyTable(call: TSESTree.CallExpression, scope: Scope): string | null {
  let current: TSESTree.Node = call;
  for (let hop = 0; hop < 16; hop++) {
    const member: TSESTree.Node = current.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return null;
    const next: TSESTree.Node = member.parent;
    if (next.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return null;
    if (getStaticPropertyName(member) === 'on') return tableNameOf(next.arguments[0], scope);
    current = next;
  }
  return null;
}

/** A table a builder call creates or drops (`createTable('users', …)`), with the node that marks where. */
export function findTableChange(call: TSESTree.CallExpression, scope: Scope): { change: 'create' | 'drop'; table: string; at: TSESTree.Node } | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  if (method === null) return null;
  const change = CREATE_TABLE_METHODS.has(method) ? 'create' : DROP_TABLE_METHODS.has(method) ? 'drop' : null;
  if (change === null) return null;
  const table = tableNameOf(call.arguments[0], scope);
  return table === null ? null : { change, table, at: callee.property };
}
