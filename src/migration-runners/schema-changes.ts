/**
 * Column and table changes made through a migration builder instead of SQL
 * text: the builder forms `no-table-rewrite` (type changes) and
 * `no-breaking-schema-change` (drops and renames) judge. One recogniser for
 * every runner, so both rules read the same facts.
 *
 * What each builder runs on PostgreSQL (from its source):
 * - knex: `table.string('c', 100).alter()` → `ALTER COLUMN … TYPE` (plus
 *   nullability and default); `.alter({ alterType: false })` changes no type.
 *   `table.dropColumn(s)`, `table.renameColumn`, `schema.dropTable(IfExists)`,
 *   `schema.renameTable`.
 * - Sequelize `queryInterface.changeColumn` → `ALTER COLUMN … TYPE` always
 *   (its PostgreSQL query generator emits the type with every change);
 *   `removeColumn`, `renameColumn`, `dropTable`, `renameTable`.
 * - TypeORM `queryRunner.changeColumn(s)` → `ALTER COLUMN … TYPE … USING` when
 *   type or length differ (drop and re-add for array or generated changes);
 *   `dropColumn(s)`, `renameColumn`, `dropTable`, `renameTable`.
 * - node-pg-migrate `pgm.alterColumn(t, c, { type })` → `ALTER COLUMN … TYPE`;
 *   `pgm.dropColumn(s)`, `renameColumn`, `dropTable`, `renameTable`.
 * - Kysely `db.schema.alterTable(t).alterColumn(c, (col) => col.setDataType(…))`,
 *   `.dropColumn`, `.renameColumn`, `.renameTo`; `db.schema.dropTable`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, getStaticValue } from '../util/ast';
import { evaluateString, getStaticPropertyName, readConstObjectProperty, resolveConstant, staticStringText, unwrapExpression } from '../static';
import { receiverName } from '../sql/provenance';
import { parseSqlType, type SqlType } from '../sql/types';
import { isSchemaBuilder, knexAlterCallOf, tableNameOf } from './builder-calls';
import type { Runner } from './runner';

type Scope = TSESLint.Scope.Scope;

export type SchemaChangeKind = 'alter-column-type' | 'drop-column' | 'rename-column' | 'rename-table' | 'drop-table';

export interface SchemaChangeCall {
  readonly kind: SchemaChangeKind;
  /** How the message names the call: `table.dropColumn`, `queryInterface.changeColumn`. */
  readonly api: string;
  readonly call: TSESTree.CallExpression;
  /** Where to report: the called method's name (the arguments may span many lines). */
  readonly node: TSESTree.Node;
  /** Normalised table name, or null when unknown. */
  readonly table: string | null;
  /** The column (or, for tables, the table) as written, or null when unknown. */
  readonly column: string | null;
  /** `alter-column-type`: the new type when the builder shows it, else null. */
  readonly type: SqlType | null;
}

const KNEX_COLUMN_DROPS: ReadonlySet<string> = new Set(['dropColumn', 'dropColumns', 'dropTimestamps']);
const DROP_TABLE: ReadonlySet<string> = new Set(['dropTable', 'dropTableIfExists']);
const SEQUELIZE_RECEIVERS = /^(?:queryInterface|qi|queryInterfaces)$/;
const TYPEORM_RECEIVERS = /^(?:queryRunner|qr)$/;

/** knex column builder methods → the PostgreSQL type they create (knex's PostgreSQL column compiler). */
const KNEX_TYPES: Readonly<Record<string, (args: readonly (number | undefined)[]) => string>> = {
  string: ([length]) => `varchar(${length ?? 255})`,
  text: () => 'text',
  integer: () => 'integer',
  bigInteger: () => 'bigint',
  bigint: () => 'bigint',
  smallint: () => 'smallint',
  tinyint: () => 'smallint',
  decimal: ([precision, scale]) => (precision === undefined ? 'numeric(8, 2)' : `numeric(${precision}, ${scale ?? 2})`),
  float: () => 'real',
  double: () => 'double precision',
  boolean: () => 'boolean',
  date: () => 'date',
  datetime: () => 'timestamptz',
  timestamp: () => 'timestamptz',
  time: () => 'time',
  uuid: () => 'uuid',
  json: () => 'json',
  jsonb: () => 'jsonb',
  binary: () => 'bytea',
  enum: () => 'text',
  enu: () => 'text',
};

/** Sequelize `DataTypes.X` / `Sequelize.X(…)` → PostgreSQL type. */
const SEQUELIZE_TYPES: Readonly<Record<string, (args: readonly (number | undefined)[]) => string>> = {
  STRING: ([length]) => `varchar(${length ?? 255})`,
  CHAR: ([length]) => `char(${length ?? 255})`,
  TEXT: () => 'text',
  CITEXT: () => 'citext',
  INTEGER: () => 'integer',
  BIGINT: () => 'bigint',
  SMALLINT: () => 'smallint',
  DECIMAL: ([precision, scale]) => (precision === undefined ? 'numeric' : `numeric(${precision}, ${scale ?? 0})`),
  FLOAT: () => 'double precision',
  DOUBLE: () => 'double precision',
  REAL: () => 'real',
  BOOLEAN: () => 'boolean',
  DATE: () => 'timestamptz',
  DATEONLY: () => 'date',
  UUID: () => 'uuid',
  JSON: () => 'json',
  JSONB: () => 'jsonb',
  ENUM: () => 'enum',
};

function staticText(node: TSESTree.Node | undefined, scope: Scope): string | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  const alternatives = evaluateString(resolveConstant(node, scope), scope);
  return alternatives.length === 1 && alternatives[0] ? staticStringText(alternatives[0]) : null;
}

function numberArgs(args: readonly TSESTree.CallExpressionArgument[], scope: Scope): (number | undefined)[] {
  return args.map((arg) => {
    const value = getStaticValue(unwrapExpression(arg), scope)?.value;
    return typeof value === 'number' ? value : undefined;
  });
}

function member(call: TSESTree.CallExpression): { method: string; receiver: TSESTree.Node; property: TSESTree.Node } | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  return method === null ? null : { method, receiver: unwrapExpression(callee.object), property: callee.property };
}

function change(
  kind: SchemaChangeKind,
  api: string,
  call: TSESTree.CallExpression,
  node: TSESTree.Node,
  table: string | null,
  column: string | null,
  type: SqlType | null = null,
): SchemaChangeCall {
  return { kind, api, call, node, table, column, type };
}

/** The column or table change a builder call makes, or null. */
export function findSchemaChangeCall(call: TSESTree.CallExpression, runner: Runner | null, scope: Scope): SchemaChangeCall | null {
  const found = member(call);
  if (!found) return null;
  const { method, receiver, property } = found;
  const name = receiverName(receiver);
  const args = call.arguments;

  // knex `.alter()` at the end of a column builder chain inside `alterTable`.
  if (method === 'alter') return knexAlter(call, property, scope);

  // knex table builder inside `alterTable` / `table`.
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const alterCall = knexAlterCallOf(receiver, scope);
    if (alterCall) {
      const table = tableNameOf(alterCall.arguments[0], scope);
      const api = `${receiver.name}.${method}`;
      if (KNEX_COLUMN_DROPS.has(method)) {
        const column = method === 'dropTimestamps' ? 'created_at' : staticText(args[0], scope);
        return change('drop-column', api, call, property, table, column);
      }
      if (method === 'renameColumn') return change('rename-column', api, call, property, table, staticText(args[0], scope));
      return null;
    }
  }

  // knex / Kysely schema builder: `knex.schema.dropTable('t')`, `db.schema.dropTable('t')`.
  if (isSchemaBuilder(receiver) || isSchemaChain(receiver)) {
    const owner = `${schemaApiName(receiver)}.${method}`;
    if (DROP_TABLE.has(method)) return change('drop-table', owner, call, property, tableNameOf(args[0], scope), staticText(args[0], scope));
    if (method === 'renameTable') return change('rename-table', owner, call, property, tableNameOf(args[0], scope), staticText(args[0], scope));
  }

  // Kysely `db.schema.alterTable('t').dropColumn('c')`.
  const kyselyTable = kyselyAlterTable(receiver, scope);
  if (kyselyTable !== undefined) {
    const api = `alterTable(…).${method}`;
    if (method === 'dropColumn') return change('drop-column', api, call, property, kyselyTable, staticText(args[0], scope));
    if (method === 'renameColumn') return change('rename-column', api, call, property, kyselyTable, staticText(args[0], scope));
    if (method === 'renameTo') return change('rename-table', api, call, property, kyselyTable, null);
    if (method === 'alterColumn' && kyselySetsDataType(args[1])) {
      return change('alter-column-type', api, call, property, kyselyTable, staticText(args[0], scope), kyselyType(args[1], scope));
    }
    return null;
  }

  if (name === 'pgm' || (runner === 'node-pg-migrate' && receiver.type === AST_NODE_TYPES.Identifier && name !== null && !SEQUELIZE_RECEIVERS.test(name))) {
    return nodePgMigrate(call, method, `${name}.${method}`, property, scope);
  }
  if (SEQUELIZE_RECEIVERS.test(name ?? '') || (runner === 'sequelize' && name !== null && !TYPEORM_RECEIVERS.test(name))) {
    return sequelize(call, method, `${name ?? 'queryInterface'}.${method}`, property, scope);
  }
  if (TYPEORM_RECEIVERS.test(name ?? '') || (runner === 'typeorm' && name !== null)) {
    return typeorm(call, method, `${name ?? 'queryRunner'}.${method}`, property, scope);
  }
  return null;
}

function nodePgMigrate(call: TSESTree.CallExpression, method: string, api: string, node: TSESTree.Node, scope: Scope): SchemaChangeCall | null {
  const [first, second, third] = call.arguments;
  const table = tableNameOf(first, scope);
  switch (method) {
    case 'dropColumn':
    case 'dropColumns':
      return change('drop-column', api, call, node, table, columnList(second, scope));
    case 'renameColumn':
      return change('rename-column', api, call, node, table, staticText(second, scope));
    case 'dropTable':
      return change('drop-table', api, call, node, table, staticText(first, scope));
    case 'renameTable':
      return change('rename-table', api, call, node, table, staticText(first, scope));
    case 'alterColumn': {
      const type = third ? readConstObjectProperty(third, 'type', scope) : null;
      if (!type) return null;
      const text = staticText(type, scope);
      return change('alter-column-type', api, call, node, table, staticText(second, scope), text === null ? null : parseSqlType(text));
    }
    default:
      return null;
  }
}

function sequelize(call: TSESTree.CallExpression, method: string, api: string, node: TSESTree.Node, scope: Scope): SchemaChangeCall | null {
  const [first, second, third] = call.arguments;
  const table = tableNameOf(first, scope);
  switch (method) {
    case 'removeColumn':
      return change('drop-column', api, call, node, table, staticText(second, scope));
    case 'renameColumn':
      return change('rename-column', api, call, node, table, staticText(second, scope));
    case 'dropTable':
      return change('drop-table', api, call, node, table, staticText(first, scope));
    case 'renameTable':
      return change('rename-table', api, call, node, table, staticText(first, scope));
    case 'changeColumn': {
      const definition = third ? resolveConstant(third, scope) : undefined;
      const typeNode = definition?.type === AST_NODE_TYPES.ObjectExpression ? readConstObjectProperty(definition, 'type', scope) : definition;
      return change('alter-column-type', api, call, node, table, staticText(second, scope), sequelizeType(typeNode ?? undefined, scope));
    }
    default:
      return null;
  }
}

function typeorm(call: TSESTree.CallExpression, method: string, api: string, node: TSESTree.Node, scope: Scope): SchemaChangeCall | null {
  const [first, second, third] = call.arguments;
  const table = tableNameOf(first, scope);
  switch (method) {
    case 'dropColumn':
    case 'dropColumns':
      return change('drop-column', api, call, node, table, method === 'dropColumn' ? columnName(second, scope) : columnList(second, scope));
    case 'renameColumn':
      return change('rename-column', api, call, node, table, columnName(second, scope));
    case 'dropTable':
      return change('drop-table', api, call, node, table, staticText(first, scope) ?? table);
    case 'renameTable':
      return change('rename-table', api, call, node, table, staticText(first, scope) ?? table);
    case 'changeColumn': {
      // A change that keeps type and length (a rename, a default, nullability) is no type change.
      const oldType = columnProperty(second, 'type', scope);
      const newType = columnProperty(third, 'type', scope);
      const oldLength = columnProperty(second, 'length', scope);
      const newLength = columnProperty(third, 'length', scope);
      if (oldType !== null && newType !== null && oldType === newType && oldLength === newLength) return null;
      const text = newType === null ? null : newLength === null ? newType : `${newType}(${newLength})`;
      return change('alter-column-type', api, call, node, table, columnName(second, scope), text === null ? null : parseSqlType(text));
    }
    case 'changeColumns':
      return change('alter-column-type', api, call, node, table, null);
    default:
      return null;
  }
}

/** `'c'`, `new TableColumn({ name: 'c' })`, `{ name: 'c' }`. */
function columnName(node: TSESTree.Node | undefined, scope: Scope): string | null {
  return staticText(node, scope) ?? columnProperty(node, 'name', scope);
}

function columnProperty(node: TSESTree.Node | undefined, key: string, scope: Scope): string | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  let value = resolveConstant(node, scope);
  if (value.type === AST_NODE_TYPES.NewExpression && value.arguments[0]) value = resolveConstant(value.arguments[0], scope);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const property = readConstObjectProperty(value, key, scope);
  if (!property) return null;
  const number = getStaticValue(unwrapExpression(property), scope)?.value;
  if (typeof number === 'number') return String(number);
  return staticText(property, scope);
}

/** `'a'`, `['a', 'b']` → `a`, `a, b`. */
function columnList(node: TSESTree.Node | undefined, scope: Scope): string | null {
  if (!node) return null;
  const value = resolveConstant(node, scope);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    const names = value.elements.map((element) => (element ? columnName(element, scope) : null));
    return names.every((entry) => entry !== null) ? names.join(', ') : null;
  }
  return columnName(value, scope);
}

/** `DataTypes.STRING(100)`, `Sequelize.TEXT`, `{ type: DataTypes.DECIMAL(12, 2) }`. */
function sequelizeType(node: TSESTree.Node | undefined, scope: Scope): SqlType | null {
  if (!node) return null;
  let value = unwrapExpression(node);
  let args: (number | undefined)[] = [];
  if (value.type === AST_NODE_TYPES.CallExpression) {
    args = numberArgs(value.arguments, scope);
    value = unwrapExpression(value.callee);
  }
  const typeName = value.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(value) : null;
  const make = typeName !== null && Object.hasOwn(SEQUELIZE_TYPES, typeName) ? SEQUELIZE_TYPES[typeName] : undefined;
  if (make) return parseSqlType(make(args));
  const text = staticText(node, scope);
  return text === null ? null : parseSqlType(text);
}

/**
 * knex `table.string('c', 100).notNullable().alter()`: walks the chain down to
 * the column builder call on the `alterTable` callback's parameter.
 */
function knexAlter(call: TSESTree.CallExpression, property: TSESTree.Node, scope: Scope): SchemaChangeCall | null {
  const options = call.arguments[0];
  if (options) {
    const alterType = readConstObjectProperty(options, 'alterType', scope);
    if (alterType && getStaticValue(unwrapExpression(alterType), scope)?.value === false) return null;
  }
  let current: TSESTree.Node = unwrapExpression((call.callee as TSESTree.MemberExpression).object);
  for (let hop = 0; hop < 16 && current.type === AST_NODE_TYPES.CallExpression; hop++) {
    const step = member(current);
    if (!step) return null;
    if (step.receiver.type === AST_NODE_TYPES.Identifier) {
      const alterCall = knexAlterCallOf(step.receiver, scope);
      if (!alterCall) return null;
      const make = Object.hasOwn(KNEX_TYPES, step.method) ? KNEX_TYPES[step.method] : undefined;
      const [nameArg, ...rest] = current.arguments;
      let type: SqlType | null = null;
      if (make) type = parseSqlType(make(numberArgs(rest, scope)));
      else if (step.method === 'specificType') {
        const text = staticText(rest[0], scope);
        type = text === null ? null : parseSqlType(text);
      }
      return change('alter-column-type', `${step.receiver.name}.${step.method}(…).alter`, call, property, tableNameOf(alterCall.arguments[0], scope), staticText(nameArg, scope), type);
    }
    current = unwrapExpression(step.receiver);
  }
  return null;
}

/** `knex.schema.withSchema('s')`: a schema builder reached through calls. */
function isSchemaChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    current = unwrapExpression(current.callee.object);
  }
  return current !== node && isSchemaBuilder(current);
}

function schemaApiName(node: TSESTree.Node): string {
  let current = node;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    current = unwrapExpression(current.callee.object);
  }
  return current.type === AST_NODE_TYPES.MemberExpression ? `${receiverName(current.object) ?? '…'}.schema` : 'schema';
}

/** The table of `db.schema.alterTable('t')` (null when unknown), or undefined when `node` is not one. */
function kyselyAlterTable(node: TSESTree.Node, scope: Scope): string | null | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const step = member(node);
  if (step?.method !== 'alterTable' || !isSchemaBuilder(step.receiver)) return undefined;
  return tableNameOf(node.arguments[0], scope);
}

/** `(col) => col.setDataType('text')`. */
function kyselySetsDataType(node: TSESTree.Node | undefined): boolean {
  return kyselyDataTypeCall(node) !== null;
}

function kyselyDataTypeCall(node: TSESTree.Node | undefined): TSESTree.CallExpression | null {
  if (node?.type !== AST_NODE_TYPES.ArrowFunctionExpression && node?.type !== AST_NODE_TYPES.FunctionExpression) return null;
  let found: TSESTree.CallExpression | null = null;
  const visit = (current: TSESTree.Node): void => {
    if (found) return;
    if (current.type === AST_NODE_TYPES.CallExpression && member(current)?.method === 'setDataType') found = current;
    for (const key of ['body', 'expression', 'argument', 'callee', 'object'] as const) {
      const child = (current as unknown as Record<string, unknown>)[key];
      if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
    }
    if (current.type === AST_NODE_TYPES.BlockStatement) current.body.forEach(visit);
  };
  visit(node);
  return found;
}

function kyselyType(node: TSESTree.Node | undefined, scope: Scope): SqlType | null {
  const call = kyselyDataTypeCall(node);
  const text = call ? staticText(call.arguments[0], scope) : null;
  return text === null ? null : parseSqlType(text);
}
