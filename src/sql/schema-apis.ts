import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { calleeName, getStaticPropertyName, readConstObjectProperty, resolveConstant, unwrapExpression } from '../static';
import { getProvenance, isDatabaseName, receiverName } from './provenance';

type Scope = TSESLint.Scope.Scope;

/** A call that changes the schema without SQL text. */
export interface SchemaApiCall {
  /** Where to report. */
  readonly node: TSESTree.Node;
  /** How the message names it: `knex.schema.createTable`, `sequelize.sync()`, `synchronize: true`. */
  readonly api: string;
  /**
   * The statement kind it amounts to (`CREATE TABLE`, `TRUNCATE`), so the
   * rule's `allow` option covers it too; null for whole-schema sync calls.
   */
  readonly kind: string | null;
}

/** Statement kind of each schema method; anything missing (sync, updateSchema…) has none. */
export const SCHEMA_METHOD_KINDS: Readonly<Record<string, string>> = {
  createTable: 'CREATE TABLE',
  createTableIfNotExists: 'CREATE TABLE',
  createTableLike: 'CREATE TABLE',
  alterTable: 'ALTER TABLE',
  table: 'ALTER TABLE',
  renameTable: 'ALTER TABLE',
  addColumn: 'ALTER TABLE',
  addColumns: 'ALTER TABLE',
  removeColumn: 'ALTER TABLE',
  dropColumn: 'ALTER TABLE',
  dropColumns: 'ALTER TABLE',
  changeColumn: 'ALTER TABLE',
  changeColumns: 'ALTER TABLE',
  renameColumn: 'ALTER TABLE',
  addConstraint: 'ALTER TABLE',
  removeConstraint: 'ALTER TABLE',
  createForeignKey: 'ALTER TABLE',
  createForeignKeys: 'ALTER TABLE',
  dropForeignKey: 'ALTER TABLE',
  dropForeignKeys: 'ALTER TABLE',
  createPrimaryKey: 'ALTER TABLE',
  updatePrimaryKeys: 'ALTER TABLE',
  dropPrimaryKey: 'ALTER TABLE',
  createUniqueConstraint: 'ALTER TABLE',
  createUniqueConstraints: 'ALTER TABLE',
  dropUniqueConstraint: 'ALTER TABLE',
  dropUniqueConstraints: 'ALTER TABLE',
  createCheckConstraint: 'ALTER TABLE',
  createCheckConstraints: 'ALTER TABLE',
  dropCheckConstraint: 'ALTER TABLE',
  dropCheckConstraints: 'ALTER TABLE',
  createExclusionConstraint: 'ALTER TABLE',
  createExclusionConstraints: 'ALTER TABLE',
  dropExclusionConstraint: 'ALTER TABLE',
  dropExclusionConstraints: 'ALTER TABLE',
  dropTable: 'DROP TABLE',
  dropTableIfExists: 'DROP TABLE',
  dropAllTables: 'DROP TABLE',
  createIndex: 'CREATE INDEX',
  createIndices: 'CREATE INDEX',
  addIndex: 'CREATE INDEX',
  dropIndex: 'DROP INDEX',
  dropIndices: 'DROP INDEX',
  removeIndex: 'DROP INDEX',
  createSchema: 'CREATE SCHEMA',
  createSchemaIfNotExists: 'CREATE SCHEMA',
  dropSchema: 'DROP SCHEMA',
  dropSchemaIfExists: 'DROP SCHEMA',
  dropAllSchemas: 'DROP SCHEMA',
  createView: 'CREATE VIEW',
  createViewOrReplace: 'CREATE VIEW',
  alterView: 'ALTER VIEW',
  dropView: 'DROP VIEW',
  dropViewIfExists: 'DROP VIEW',
  createMaterializedView: 'CREATE MATERIALIZED VIEW',
  dropMaterializedView: 'DROP MATERIALIZED VIEW',
  dropMaterializedViewIfExists: 'DROP MATERIALIZED VIEW',
  createExtension: 'CREATE EXTENSION',
  createExtensionIfNotExists: 'CREATE EXTENSION',
  dropExtension: 'DROP EXTENSION',
  dropExtensionIfExists: 'DROP EXTENSION',
  createType: 'CREATE TYPE',
  alterType: 'ALTER TYPE',
  dropType: 'DROP TYPE',
  dropEnum: 'DROP TYPE',
  dropAllEnums: 'DROP TYPE',
  createDatabase: 'CREATE DATABASE',
  dropDatabase: 'DROP DATABASE',
  createFunction: 'CREATE FUNCTION',
  dropFunction: 'DROP FUNCTION',
  renameFunction: 'ALTER FUNCTION',
  createTrigger: 'CREATE TRIGGER',
  dropTrigger: 'DROP TRIGGER',
  truncate: 'TRUNCATE',
  clearTable: 'TRUNCATE',
  clearDatabase: 'TRUNCATE',
};

function kindOf(method: string): string | null {
  return Object.hasOwn(SCHEMA_METHOD_KINDS, method) ? (SCHEMA_METHOD_KINDS[method] ?? null) : null;
}

/**
 * Schema-builder methods reached through `.schema`: knex `knex.schema.*`, Kysely
 * `db.schema.*`, MikroORM `orm.schema.*` / `orm.getSchemaGenerator().*`.
 * Introspection (`hasTable`, `hasColumn`) and `refreshMaterializedView` are not here.
 * `schema.raw(sql)` is a SQL sink instead: it is reported when its SQL is DDL.
 */
const SCHEMA_BUILDER_METHODS: ReadonlySet<string> = new Set([
  'createTable',
  'createTableIfNotExists',
  'createTableLike',
  'alterTable',
  'table',
  'dropTable',
  'dropTableIfExists',
  'renameTable',
  'createSchema',
  'createSchemaIfNotExists',
  'dropSchema',
  'dropSchemaIfExists',
  'createView',
  'createViewOrReplace',
  'createMaterializedView',
  'alterView',
  'dropView',
  'dropViewIfExists',
  'dropMaterializedView',
  'dropMaterializedViewIfExists',
  'createExtension',
  'createExtensionIfNotExists',
  'dropExtension',
  'dropExtensionIfExists',
  'createIndex',
  'dropIndex',
  'createType',
  'alterType',
  'dropType',
  'updateSchema',
  'refreshDatabase',
  'ensureDatabase',
  'createDatabase',
  'dropDatabase',
  'ensureIndexes',
]);

/**
 * Methods of migration-style helpers used outside migrations: Sequelize's
 * `queryInterface` and TypeORM's `queryRunner`.
 */
const QUERY_INTERFACE_METHODS: ReadonlySet<string> = new Set([
  'createTable',
  'dropTable',
  'dropAllTables',
  'renameTable',
  'addColumn',
  'addColumns',
  'removeColumn',
  'dropColumn',
  'dropColumns',
  'changeColumn',
  'changeColumns',
  'renameColumn',
  'addIndex',
  'removeIndex',
  'createIndex',
  'createIndices',
  'dropIndex',
  'dropIndices',
  'addConstraint',
  'removeConstraint',
  'createForeignKey',
  'createForeignKeys',
  'dropForeignKey',
  'dropForeignKeys',
  'createPrimaryKey',
  'updatePrimaryKeys',
  'dropPrimaryKey',
  'createUniqueConstraint',
  'createUniqueConstraints',
  'dropUniqueConstraint',
  'dropUniqueConstraints',
  'createCheckConstraint',
  'createCheckConstraints',
  'dropCheckConstraint',
  'dropCheckConstraints',
  'createExclusionConstraint',
  'createExclusionConstraints',
  'dropExclusionConstraint',
  'dropExclusionConstraints',
  'createSchema',
  'dropSchema',
  'dropAllSchemas',
  'createDatabase',
  'dropDatabase',
  'createView',
  'dropView',
  'createFunction',
  'dropFunction',
  'renameFunction',
  'createTrigger',
  'dropTrigger',
  'dropEnum',
  'dropAllEnums',
  'clearTable',
  'clearDatabase',
]);

/** Option flags that make an ORM rewrite the schema at start-up. */
const SYNC_FLAGS: readonly string[] = ['synchronize', 'dropSchema'];

/** Calls whose options object may carry `synchronize: true`: TypeORM and its NestJS module. */
const DATA_SOURCE_FACTORIES: ReadonlySet<string> = new Set(['DataSource', 'Connection', 'createConnection', 'forRoot', 'forRootAsync']);

/** Methods that can start a schema-API call, for a cheap test before any scope work. */
const CANDIDATE_METHODS: ReadonlySet<string> = new Set([
  ...SCHEMA_BUILDER_METHODS,
  ...QUERY_INTERFACE_METHODS,
  'sync',
  'synchronize',
  'dropDatabase',
  'truncate',
]);

/**
 * Every name a call that `findSchemaApiCalls` reports can have (`calleeName`):
 * a call by any other name has nothing to find.
 */
export const SCHEMA_API_CALLEE_NAMES: ReadonlySet<string> = new Set([...DATA_SOURCE_FACTORIES, ...CANDIDATE_METHODS]);

/**
 * Every schema-changing use in one call or `new`. A scope is only looked up
 * when the callee's name makes a schema API possible.
 */
export function findSchemaApiCalls(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  scopes: { getScope(node: TSESTree.Node): Scope },
): readonly SchemaApiCall[] {
  const callee = unwrapExpression(node.callee);
  const name = calleeName(callee);
  if (name === null) return NONE;
  const factory = DATA_SOURCE_FACTORIES.has(name);
  const method = node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && CANDIDATE_METHODS.has(name);
  // Most calls end here, with nothing allocated.
  if (!factory && !method) return NONE;
  const out: SchemaApiCall[] = [];
  if (factory) out.push(...syncFlags(node, scopes.getScope(node)));
  if (method) {
    const call = methodCall(node, callee, name, scopes.getScope(node));
    if (call) out.push(call);
  }
  return out;
}

const NONE: readonly SchemaApiCall[] = Object.freeze([]);

/** `{ synchronize: true }` or `{ dropSchema: true }` in the first argument (also through constants and spreads). */
function syncFlags(node: TSESTree.CallExpression | TSESTree.NewExpression, scope: Scope): SchemaApiCall[] {
  const options = node.arguments[0];
  if (!options || options.type === AST_NODE_TYPES.SpreadElement) return [];
  const out: SchemaApiCall[] = [];
  for (const flag of SYNC_FLAGS) {
    const value = readConstObjectProperty(options, flag, scope);
    if (!value) continue;
    const resolved = resolveConstant(value, scope);
    if (resolved.type === AST_NODE_TYPES.Literal && resolved.value === true) {
      const reportAt = value.parent?.type === AST_NODE_TYPES.Property ? value.parent : value;
      out.push({ node: reportAt, api: `${flag}: true`, kind: null });
    }
  }
  return out;
}

function methodCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string, scope: Scope): SchemaApiCall | null {
  const receiver = unwrapExpression(callee.object);
  // knex / Kysely / MikroORM: `x.schema.createTable(…)`, `x.schema.withSchema('s').createTable(…)`.
  if (SCHEMA_BUILDER_METHODS.has(method)) {
    const schemaOwner = findSchemaMember(receiver);
    if (schemaOwner !== undefined) return { node: callee.property, api: `${schemaOwner}.${method}`, kind: kindOf(method) };
  }
  // Sequelize `queryInterface.addColumn`, TypeORM `queryRunner.createTable`.
  if (QUERY_INTERFACE_METHODS.has(method)) {
    const helper = migrationHelperName(receiver);
    if (helper !== null) return { node: callee.property, api: `${helper}.${method}`, kind: kindOf(method) };
  }
  // Sequelize `sequelize.sync()`, `User.sync({ alter: true })`.
  if (method === 'sync' && isSyncArgument(call)) {
    const name = receiverName(receiver);
    const looksLikeModel = name !== null && /^[A-Z]/.test(name);
    if (looksLikeModel || isDatabaseName(name) || /sequelize/i.test(name ?? '') || getProvenance(receiver, scope) === 'sql') {
      return { node: callee.property, api: `${name ?? '…'}.sync()`, kind: null };
    }
  }
  // TypeORM `dataSource.synchronize()` / `dataSource.dropDatabase()`.
  if ((method === 'synchronize' || method === 'dropDatabase') && call.arguments.length <= 1) {
    const name = receiverName(receiver);
    if (isDatabaseName(name) || /datasource|connection/i.test(name ?? '') || getProvenance(receiver, scope) === 'sql') {
      return { node: callee.property, api: `${name ?? '…'}.${method}()`, kind: method === 'dropDatabase' ? 'DROP DATABASE' : null };
    }
  }
  // knex `knex('users').truncate()`, `db.table('users').truncate()`.
  if (method === 'truncate' && call.arguments.length === 0 && receiver.type === AST_NODE_TYPES.CallExpression) {
    const root = chainRoot(receiver);
    if (root && (isDatabaseName(root.name) || getProvenance(root, scope) === 'sql')) {
      return { node: callee.property, api: `${root.name}(…).truncate()`, kind: 'TRUNCATE' };
    }
  }
  return null;
}

/** `sync()` takes nothing or an options object; anything else is some other `sync`. */
function isSyncArgument(call: TSESTree.CallExpression): boolean {
  const argument = call.arguments[0];
  return call.arguments.length === 0 || (call.arguments.length === 1 && argument?.type === AST_NODE_TYPES.ObjectExpression);
}

/**
 * When `receiver` is `x.schema`, `x.schema.withSchema(…)` or
 * `x.getSchemaGenerator()`, how to name it (`knex.schema`); otherwise undefined.
 */
function findSchemaMember(receiver: TSESTree.Node): string | undefined {
  let current = receiver;
  for (let hop = 0; hop < 4; hop++) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (getStaticPropertyName(current) === 'schema') return `${receiverName(current.object) ?? '…'}.schema`;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = getStaticPropertyName(callee);
      if (name === 'getSchemaGenerator') return `${receiverName(callee.object) ?? '…'}.getSchemaGenerator()`;
      if (name !== 'withSchema') return undefined;
      current = callee.object;
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      // `const generator = orm.getSchemaGenerator()` is common enough to name-match.
      return /schemaGenerator$/i.test(current.name) ? current.name : undefined;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** `queryInterface`, `qi`, `queryRunner`, `getQueryInterface()`, `dataSource.createQueryRunner()`. */
function migrationHelperName(receiver: TSESTree.Node): string | null {
  const name = receiverName(receiver);
  if (name === null) return null;
  if (/^(?:queryInterface|queryRunner|qi|qr|getQueryInterface|createQueryRunner)$/i.test(name) || /(?:QueryInterface|QueryRunner)$/.test(name)) {
    return receiver.type === AST_NODE_TYPES.CallExpression ? `${name}()` : name;
  }
  return null;
}

/** The identifier a call chain starts from: `knex` in `knex('t').where(…)`. */
function chainRoot(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = node;
  for (let hop = 0; hop < 12; hop++) {
    current = unwrapExpression(current);
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else return null;
  }
  return null;
}
