/**
 * Schema builder calls of JS/TS migrations that the lock rules judge (JS only:
 * a `.sql` file has none). Read once per file from the JS host's calls and
 * cached on its facts: constraints a builder adds (knex `table.unique()`,
 * Sequelize `addConstraint`, TypeORM `createForeignKey`, node-pg-migrate
 * `addConstraint`, Kysely `addCheckConstraint`…), columns it adds or makes
 * NOT NULL, and every other call that alters or drops an existing table (for
 * `require-lock-timeout`).
 *
 * What each builder emits was read in its source: knex (`lib/schema/tablecompiler.js`,
 * `lib/dialects/postgres/schema/pg-tablecompiler.js`: `unique`/`primary`/`foreign`/`check` are
 * `ALTER TABLE … ADD CONSTRAINT` statements of their own, a column's `.references()` too),
 * Sequelize (`query-interface.js`, `query-generator.js`: `addColumn` writes `REFERENCES` inline),
 * TypeORM (`PostgresQueryRunner`: a `TableColumn` is NOT NULL unless `isNullable: true`),
 * node-pg-migrate (`src/operations`: no `NOT VALID` and no `CONCURRENTLY` for constraints).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, getStaticValue } from '../util/ast';
import { isSchemaBuilder, knexAlterCallOf, tableNameOf } from '../migration-runners/builder-calls';
import type { Runner } from '../migration-runners/runner';
import { getStaticPropertyName, readConstObjectProperty, resolveConstant, staticStringText, evaluateString, unwrapExpression } from '../static';
import { receiverName } from '../sql/provenance';
import type { JsMigrationFacts, JsPlace } from './js-host';

type Scope = TSESLint.Scope.Scope;

export type BuilderConstraint = 'UNIQUE' | 'PRIMARY KEY' | 'FOREIGN KEY' | 'CHECK';

interface BuilderBase extends JsPlace {
  /** How messages name the call: `table.unique`, `queryInterface.addConstraint`. */
  readonly api: string;
  /** What the report points at (the callee). */
  readonly node: TSESTree.Node;
  /** Normalised table, or null when unknown. */
  readonly table: string | null;
  readonly runner: Runner | 'unknown';
}

export type BuilderOp =
  /** Adds a constraint to an existing table (its own statement). */
  | (BuilderBase & { readonly op: 'constraint'; readonly constraint: BuilderConstraint; readonly notValid: boolean })
  /** Adds a column: NOT NULL (without default)? inline REFERENCES / UNIQUE with a default? */
  | (BuilderBase & {
      readonly op: 'add column';
      readonly column: string | null;
      readonly notNull: boolean;
      readonly hasDefault: boolean;
      readonly references: boolean;
      readonly unique: boolean;
    })
  /** Makes an existing column NOT NULL. */
  | (BuilderBase & {
      readonly op: 'set not null';
      readonly column: string | null;
      /** The builder restates the whole column (Sequelize `changeColumn`, knex `.alter()`): it says NOT NULL even when nothing changes. */
      readonly restated: boolean;
    })
  /** Any other change of an existing table (drop, rename, type change…): `ACCESS EXCLUSIVE`. */
  | (BuilderBase & {
      readonly op: 'alter';
      /** A builder that restates a whole column (Sequelize `changeColumn`, knex `.alter()`) says this column is nullable. */
      readonly restatesNullable?: string | null;
    })

const cache = new WeakMap<JsMigrationFacts, readonly BuilderOp[]>();

/** The schema builder calls of the file, in source order (read once per file). */
export function builderOps(facts: JsMigrationFacts): readonly BuilderOp[] {
  let ops = cache.get(facts);
  if (!ops) {
    ops = readOps(facts);
    cache.set(facts, ops);
  }
  return ops;
}

/** knex column types: `table.integer('x')` in `alterTable` adds a column. */
const KNEX_COLUMN_TYPES: ReadonlySet<string> = new Set([
  'integer', 'bigInteger', 'bigint', 'tinyint', 'smallint', 'mediumint', 'text', 'string', 'float', 'double', 'decimal', 'boolean',
  'date', 'datetime', 'dateTime', 'time', 'timestamp', 'timestamps', 'binary', 'enum', 'enu', 'json', 'jsonb', 'uuid', 'specificType',
  'increments', 'bigIncrements', 'geometry', 'geography', 'point',
]);
const KNEX_CONSTRAINTS: Readonly<Record<string, BuilderConstraint>> = { unique: 'UNIQUE', primary: 'PRIMARY KEY', foreign: 'FOREIGN KEY', check: 'CHECK' };
/** knex table methods that change the table in place (besides adding columns and constraints). */
const KNEX_ALTERS: ReadonlySet<string> = new Set(['dropColumn', 'dropColumns', 'renameColumn', 'dropForeign', 'dropUnique', 'dropPrimary', 'dropChecks', 'setNullable', 'dropTimestamps']);

const SEQUELIZE_ALTERS: ReadonlySet<string> = new Set(['removeColumn', 'renameColumn', 'changeColumn', 'removeConstraint', 'renameTable', 'dropTable']);
const TYPEORM_CONSTRAINTS: Readonly<Record<string, BuilderConstraint>> = {
  createUniqueConstraint: 'UNIQUE',
  createUniqueConstraints: 'UNIQUE',
  createPrimaryKey: 'PRIMARY KEY',
  createForeignKey: 'FOREIGN KEY',
  createForeignKeys: 'FOREIGN KEY',
  createCheckConstraint: 'CHECK',
  createCheckConstraints: 'CHECK',
};
const TYPEORM_ALTERS: ReadonlySet<string> = new Set([
  'dropColumn', 'dropColumns', 'renameColumn', 'changeColumn', 'changeColumns', 'dropForeignKey', 'dropForeignKeys', 'dropUniqueConstraint',
  'dropPrimaryKey', 'dropCheckConstraint', 'renameTable', 'dropTable', 'updatePrimaryKeys',
]);
const PGM_ALTERS: ReadonlySet<string> = new Set(['dropColumns', 'dropColumn', 'renameColumn', 'alterColumn', 'dropConstraint', 'renameConstraint', 'renameTable', 'dropTable', 'alterTable']);
const KYSELY_CONSTRAINTS: Readonly<Record<string, BuilderConstraint>> = {
  addUniqueConstraint: 'UNIQUE',
  addPrimaryKeyConstraint: 'PRIMARY KEY',
  addForeignKeyConstraint: 'FOREIGN KEY',
  addCheckConstraint: 'CHECK',
};
const KYSELY_ALTERS: ReadonlySet<string> = new Set(['dropColumn', 'renameColumn', 'alterColumn', 'modifyColumn', 'dropConstraint', 'renameTo', 'renameConstraint']);

function readOps(facts: JsMigrationFacts): BuilderOp[] {
  const ops: BuilderOp[] = [];
  const runner = facts.runner;
  for (const { node: call, scope } of facts.calls) {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getStaticPropertyName(callee);
    if (method === null) continue;
    const receiver = unwrapExpression(callee.object);
    const name = receiverName(receiver);
    const base = (api: string, table: string | null, as: Runner | 'unknown'): BuilderBase => ({
      api,
      node: callee,
      table,
      runner: as,
      ...facts.placeOf(call, transactionOption(call, scope)),
    });

    // knex: `table.x(…)` inside `knex.schema.alterTable('t', (table) => …)`.
    if (receiver.type === AST_NODE_TYPES.Identifier) {
      const alter = knexAlterCallOf(receiver, scope);
      if (alter) {
        const b = base(`${receiver.name}.${method}`, tableNameOf(alter.arguments[0], scope), 'knex');
        const chain = chainMethods(call);
        if (Object.hasOwn(KNEX_CONSTRAINTS, method)) {
          ops.push({ ...b, op: 'constraint', constraint: KNEX_CONSTRAINTS[method] as BuilderConstraint, notValid: false });
        } else if (method === 'dropNullable') {
          ops.push({ ...b, op: 'set not null', column: stringArgument(call, 0, scope), restated: false });
        } else if (KNEX_COLUMN_TYPES.has(method)) {
          const column = stringArgument(call, 0, scope);
          if (chain.has('alter')) {
            if (chain.has('notNullable')) ops.push({ ...b, op: 'set not null', column, restated: true });
            else ops.push({ ...b, op: 'alter', restatesNullable: column });
          } else {
            const increments = method === 'increments' || method === 'bigIncrements';
            ops.push({
              ...b,
              op: 'add column',
              column,
              notNull: chain.has('notNullable') && !increments,
              hasDefault: chain.has('defaultTo'),
              references: false,
              unique: false,
            });
            // `.references()` and `.unique()`/`.primary()` on a new column are statements of their own.
            if (chain.has('references')) ops.push({ ...b, api: `${b.api}().references`, op: 'constraint', constraint: 'FOREIGN KEY', notValid: false });
            if (chain.has('unique')) ops.push({ ...b, api: `${b.api}().unique`, op: 'constraint', constraint: 'UNIQUE', notValid: false });
            if (chain.has('primary')) ops.push({ ...b, api: `${b.api}().primary`, op: 'constraint', constraint: 'PRIMARY KEY', notValid: false });
          }
        } else if (KNEX_ALTERS.has(method)) {
          ops.push({ ...b, op: 'alter' });
        }
        continue;
      }
    }

    // knex / Kysely schema-level calls on an existing table.
    if (isSchemaBuilder(receiver) && (method === 'dropTable' || method === 'dropTableIfExists' || method === 'renameTable')) {
      ops.push({ ...base(`schema.${method}`, tableNameOf(call.arguments[0], scope), runner ?? 'unknown'), op: 'alter' });
      continue;
    }

    // Kysely: `db.schema.alterTable('t').addCheckConstraint(…)`.
    const kyselyTable = kyselyAlterTable(receiver, scope);
    if (kyselyTable !== undefined) {
      const b = base(`alterTable().${method}`, kyselyTable, 'kysely');
      if (Object.hasOwn(KYSELY_CONSTRAINTS, method)) {
        ops.push({ ...b, op: 'constraint', constraint: KYSELY_CONSTRAINTS[method] as BuilderConstraint, notValid: false });
      } else if (method === 'addColumn') {
        const callback = callbackMethods(call.arguments[2]);
        ops.push({
          ...b,
          op: 'add column',
          column: stringArgument(call, 0, scope),
          notNull: callback.has('notNull') && !callback.has('generatedAlwaysAsIdentity') && !callback.has('generatedByDefaultAsIdentity'),
          hasDefault: callback.has('defaultTo'),
          references: callback.has('references'),
          unique: callback.has('unique') || callback.has('primaryKey'),
        });
      } else if (method === 'alterColumn' && callbackMethods(call.arguments[1]).has('setNotNull')) {
        ops.push({ ...b, op: 'set not null', column: stringArgument(call, 0, scope), restated: false });
      } else if (KYSELY_ALTERS.has(method)) {
        ops.push({ ...b, op: 'alter' });
      }
      continue;
    }

    const isPgm = name === 'pgm' || (runner === 'node-pg-migrate' && receiver.type === AST_NODE_TYPES.Identifier && !isSchemaBuilder(receiver));
    if (isPgm) {
      const b = base(`${name ?? 'pgm'}.${method}`, tableNameOf(call.arguments[0], scope), 'node-pg-migrate');
      if (method === 'addConstraint' || method === 'createConstraint') {
        for (const constraint of pgmConstraints(call.arguments[2], scope)) ops.push({ ...b, op: 'constraint', ...constraint });
      } else if (method === 'addColumns' || method === 'addColumn') {
        for (const column of objectEntries(call.arguments[1], scope)) {
          const spec = resolveConstant(column.value, scope);
          const has = (key: string): boolean => present(readConstObjectProperty(spec, key, scope));
          ops.push({
            ...b,
            op: 'add column',
            column: column.key,
            notNull: isTrueNode(readConstObjectProperty(spec, 'notNull', scope), scope) && !has('sequenceGenerated') && !isSerial(spec, scope),
            hasDefault: has('default') && !isNullLiteral(readConstObjectProperty(spec, 'default', scope)),
            references: has('references'),
            unique: isTrueNode(readConstObjectProperty(spec, 'unique', scope), scope) || isTrueNode(readConstObjectProperty(spec, 'primaryKey', scope), scope),
          });
        }
      } else if (method === 'alterColumn') {
        const options = call.arguments[2];
        const notNull = options ? readConstObjectProperty(options, 'notNull', scope) : null;
        const allowNull = options ? readConstObjectProperty(options, 'allowNull', scope) : null;
        if (isTrueNode(notNull, scope) || isFalseNode(allowNull, scope)) ops.push({ ...b, op: 'set not null', column: stringArgument(call, 1, scope), restated: false });
        else ops.push({ ...b, op: 'alter' });
      } else if (PGM_ALTERS.has(method)) {
        ops.push({ ...b, op: 'alter' });
      }
      continue;
    }

    const isSequelize = /^(?:queryInterface|qi)$/.test(name ?? '') || runner === 'sequelize';
    if (isSequelize && receiver.type !== AST_NODE_TYPES.ThisExpression) {
      const b = base(`${name ?? 'queryInterface'}.${method}`, tableNameOf(call.arguments[0], scope), 'sequelize');
      if (method === 'addConstraint') {
        const options = [call.arguments[1], call.arguments[2]].find((argument) => argument && resolveConstant(argument, scope).type === AST_NODE_TYPES.ObjectExpression);
        const type = options ? stringOf(readConstObjectProperty(options, 'type', scope), scope)?.toUpperCase().replace(/\s+/g, ' ') : null;
        const constraint = type === 'UNIQUE' || type === 'PRIMARY KEY' || type === 'FOREIGN KEY' || type === 'CHECK' ? type : null;
        if (constraint) ops.push({ ...b, op: 'constraint', constraint, notValid: false });
        else ops.push({ ...b, op: 'alter' });
      } else if (method === 'addColumn') {
        const spec = call.arguments[2] ? resolveConstant(call.arguments[2], scope) : null;
        const read = (key: string): TSESTree.Node | null | undefined => (spec ? readConstObjectProperty(spec, key, scope) : null);
        ops.push({
          ...b,
          op: 'add column',
          column: stringArgument(call, 1, scope),
          notNull: isFalseNode(read('allowNull'), scope) && !isTrueNode(read('autoIncrement'), scope),
          hasDefault: present(read('defaultValue')) && !isNullLiteral(read('defaultValue')),
          references: present(read('references')),
          unique: isTrueNode(read('unique'), scope) || isTrueNode(read('primaryKey'), scope),
        });
      } else if (method === 'changeColumn') {
        const spec = call.arguments[2];
        if (spec && isFalseNode(readConstObjectProperty(spec, 'allowNull', scope), scope)) {
          ops.push({ ...b, op: 'set not null', column: stringArgument(call, 1, scope), restated: true });
        } else {
          // `allowNull` absent means true: Sequelize then emits DROP NOT NULL.
          ops.push({ ...b, op: 'alter', restatesNullable: stringArgument(call, 1, scope) });
        }
      } else if (SEQUELIZE_ALTERS.has(method)) {
        ops.push({ ...b, op: 'alter' });
      }
      continue;
    }

    const isTypeorm = /^(?:queryRunner|qr)$/.test(name ?? '') || runner === 'typeorm';
    if (isTypeorm) {
      const b = base(`${name ?? 'queryRunner'}.${method}`, tableNameOf(call.arguments[0], scope), 'typeorm');
      if (Object.hasOwn(TYPEORM_CONSTRAINTS, method)) {
        ops.push({ ...b, op: 'constraint', constraint: TYPEORM_CONSTRAINTS[method] as BuilderConstraint, notValid: false });
      } else if (method === 'addColumn' || method === 'addColumns') {
        const columns = method === 'addColumn' ? [call.arguments[1]] : arrayElements(call.arguments[1], scope);
        for (const column of columns) {
          const spec = tableColumnSpec(column, scope);
          if (!spec) continue;
          const read = (key: string): TSESTree.Node | null | undefined => readConstObjectProperty(spec, key, scope);
          ops.push({
            ...b,
            op: 'add column',
            column: stringOf(read('name'), scope),
            // TypeORM's TableColumn is NOT NULL unless `isNullable: true`.
            notNull: !isTrueNode(read('isNullable'), scope) && read('isNullable') !== undefined && !isTrueNode(read('isGenerated'), scope),
            hasDefault: present(read('default')) && !isNullLiteral(read('default')),
            references: false,
            unique: isTrueNode(read('isUnique'), scope) || isTrueNode(read('isPrimary'), scope),
          });
        }
      } else if (TYPEORM_ALTERS.has(method)) {
        ops.push({ ...b, op: 'alter' });
      }
    }
  }
  return ops;
}

/** The methods called along the chain `call` starts: `t.integer('x').notNullable().alter()` → notNullable, alter. */
function chainMethods(call: TSESTree.CallExpression): Set<string> {
  const methods = new Set<string>();
  let current: TSESTree.Node = call;
  for (let hop = 0; hop < 32; hop++) {
    const member: TSESTree.Node = current.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    const name = getStaticPropertyName(member);
    const next: TSESTree.Node = member.parent;
    if (name === null || next.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
    methods.add(name);
    current = next;
  }
  return methods;
}

/** Methods called anywhere in a builder callback: `(col) => col.notNull().defaultTo(0)`. */
function callbackMethods(node: TSESTree.Node | undefined): Set<string> {
  const methods = new Set<string>();
  if (!node || (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression)) return methods;
  const visit = (current: TSESTree.Node): void => {
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticPropertyName(current.callee);
      if (name !== null) methods.add(name);
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
      }
    }
  };
  visit(node.body);
  return methods;
}

/** `db.schema.alterTable('t')` (possibly chained: `.alterTable('t').addColumn(…).dropColumn(…)`): the table; undefined when not one. */
function kyselyAlterTable(receiver: TSESTree.Node, scope: Scope): string | null | undefined {
  let current = receiver;
  for (let hop = 0; hop < 32; hop++) {
    if (current.type !== AST_NODE_TYPES.CallExpression || current.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getStaticPropertyName(current.callee);
    const object = unwrapExpression(current.callee.object);
    if (method === 'alterTable' && isSchemaBuilder(object)) return tableNameOf(current.arguments[0], scope);
    current = object;
  }
  return undefined;
}

/** node-pg-migrate `addConstraint(table, name, options | 'expression')`. */
function pgmConstraints(node: TSESTree.Node | undefined, scope: Scope): { constraint: BuilderConstraint; notValid: boolean }[] {
  if (!node) return [];
  const value = resolveConstant(node, scope);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const out: { constraint: BuilderConstraint; notValid: boolean }[] = [];
    const keys: [string, BuilderConstraint][] = [
      ['foreignKeys', 'FOREIGN KEY'],
      ['check', 'CHECK'],
      ['unique', 'UNIQUE'],
      ['primaryKey', 'PRIMARY KEY'],
    ];
    for (const [key, constraint] of keys) if (present(readConstObjectProperty(value, key, scope))) out.push({ constraint, notValid: false });
    return out;
  }
  const text = stringOf(value, scope)?.toUpperCase();
  if (!text) return [];
  const notValid = /\bNOT\s+VALID\b/.test(text);
  if (/\bFOREIGN\s+KEY\b|\bREFERENCES\b/.test(text)) return [{ constraint: 'FOREIGN KEY', notValid }];
  if (/^\s*CHECK\b/.test(text)) return [{ constraint: 'CHECK', notValid }];
  if (/^\s*UNIQUE\b/.test(text) && !/\bUSING\s+INDEX\b/.test(text)) return [{ constraint: 'UNIQUE', notValid }];
  if (/^\s*PRIMARY\s+KEY\b/.test(text) && !/\bUSING\s+INDEX\b/.test(text)) return [{ constraint: 'PRIMARY KEY', notValid }];
  return [];
}

function isSerial(spec: TSESTree.Node, scope: Scope): boolean {
  const type = stringOf(readConstObjectProperty(spec, 'type', scope), scope);
  return type !== null && /^(?:big|small)?serial\d?$/i.test(type);
}

/** `new TableColumn({ … })` or `{ … }`: the options object. */
function tableColumnSpec(node: TSESTree.Node | undefined, scope: Scope): TSESTree.Node | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  const value = resolveConstant(node, scope);
  if (value.type === AST_NODE_TYPES.NewExpression && value.arguments[0]) return resolveConstant(value.arguments[0], scope);
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

function objectEntries(node: TSESTree.Node | undefined, scope: Scope): { key: string; value: TSESTree.Node }[] {
  if (!node) return [];
  const value = resolveConstant(node, scope);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const out: { key: string; value: TSESTree.Node }[] = [];
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getStaticPropertyName(property);
    if (key !== null) out.push({ key, value: property.value });
  }
  return out;
}

function arrayElements(node: TSESTree.Node | undefined, scope: Scope): TSESTree.Node[] {
  if (!node) return [];
  const value = resolveConstant(node, scope);
  return value.type === AST_NODE_TYPES.ArrayExpression ? value.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement) : [];
}

function stringOf(node: TSESTree.Node | null | undefined, scope: Scope): string | null {
  if (!node) return null;
  const alternatives = evaluateString(node, scope);
  return alternatives.length === 1 && alternatives[0] ? staticStringText(alternatives[0]) : null;
}

function stringArgument(call: TSESTree.CallExpression, index: number, scope: Scope): string | null {
  return stringOf(call.arguments[index], scope);
}

/** A property is there (an unknown value counts: `undefined` from the reader means "cannot tell", which is not "absent"). */
function present(node: TSESTree.Node | null | undefined): boolean {
  if (node === null || node === undefined) return false;
  return !(node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

function isTrueNode(node: TSESTree.Node | null | undefined, scope: Scope): boolean {
  return !!node && getStaticValue(unwrapExpression(node), scope)?.value === true;
}

function isFalseNode(node: TSESTree.Node | null | undefined, scope: Scope): boolean {
  if (!node) return false;
  const result = getStaticValue(unwrapExpression(node), scope);
  return result !== null && result.value === false;
}

/** Sequelize: the options carry a `transaction` (the last object argument). */
function transactionOption(call: TSESTree.CallExpression, scope: Scope): boolean {
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const value = resolveConstant(argument, scope);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const transaction = readConstObjectProperty(value, 'transaction', scope);
    if (transaction && !(transaction.type === AST_NODE_TYPES.Literal && transaction.value === null) && present(transaction)) return true;
  }
  return false;
}

/** `null`: a default of NULL is no default. */
function isNullLiteral(node: TSESTree.Node | null | undefined): boolean {
  const value = node ? unwrapExpression(node) : null;
  return value?.type === AST_NODE_TYPES.Literal && value.value === null;
}
