import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findBuilderIndexCall, findTableChange } from '../../src/migration-runners/builder-calls';
import type { Runner } from '../../src/migration-runners/runner';
import { probeProgram } from './harness';

/** Every builder index call in `code`, summarised. */
function builders(code: string, runner: Runner | null = null): unknown[] {
  return probeProgram(code, ({ program, scope }) => {
    const out: unknown[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const call = findBuilderIndexCall(node, runner, scope(node));
        if (call) out.push({ kind: call.kind, api: call.api, table: call.table, concurrently: call.concurrently, options: call.options?.index ?? null, transactionOption: call.transactionOption });
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
        }
      }
    };
    visit(program);
    return out;
  });
}

describe('findBuilderIndexCall', () => {
  it('node-pg-migrate', () => {
    expect(builders(`pgm.createIndex({ schema: 'app', name: 'users' }, 'email', { concurrently: true });\npgm.dropIndex('users', 'email');`)).toEqual([
      { kind: 'create', api: 'pgm.createIndex', table: 'users', concurrently: true, options: 2, transactionOption: false },
      { kind: 'drop', api: 'pgm.dropIndex', table: 'users', concurrently: false, options: 2, transactionOption: false },
    ]);
    expect(builders(`m.addIndex('users', 'email');`, 'node-pg-migrate')).toEqual([
      { kind: 'create', api: 'm.addIndex', table: 'users', concurrently: false, options: 2, transactionOption: false },
    ]);
  });

  it('Sequelize, both addIndex forms', () => {
    expect(builders(`queryInterface.addIndex('Users', { fields: ['email'], transaction: t });\nqi.addIndex('users', ['email'], { concurrently: true });`)).toEqual([
      { kind: 'create', api: 'queryInterface.addIndex', table: 'users', concurrently: false, options: 1, transactionOption: true },
      { kind: 'create', api: 'qi.addIndex', table: 'users', concurrently: true, options: 2, transactionOption: false },
    ]);
  });

  it('TypeORM, knex and Kysely builders cannot be concurrent', () => {
    expect(
      builders(
        `queryRunner.createIndex(new Table({ name: 'users' }), index);\n` +
          `knex.schema.withSchema('app').table('users', (t) => { t.index('email'); });\n` +
          `db.schema.createIndex('i').unique().on('users').column('email');`,
      ),
    ).toEqual([
      { kind: 'create', api: 'queryRunner.createIndex', table: 'users', concurrently: false, options: null, transactionOption: false },
      { kind: 'create', api: 't.index', table: 'users', concurrently: false, options: null, transactionOption: false },
      { kind: 'create', api: 'db.schema.createIndex', table: 'users', concurrently: false, options: null, transactionOption: false },
    ]);
  });

  it('leaves look-alikes alone', () => {
    expect(builders(`knex.schema.createTable('users', (t) => { t.index('email'); });\nlist.index(1);\nsearch.createIndex('x');\nrepo.addIndex('x');`)).toEqual([]);
  });
});

describe('findTableChange', () => {
  it('reads table names from every builder shape', () => {
    const tables = probeProgram(
      `knex.schema.createTable('a', () => {});\npgm.createTable({ schema: 's', name: 'B' }, {});\nqueryRunner.createTable(new Table({ name: 'c' }));\ndb.schema.createTableIfNotExists('d');\nx.createTable(name);`,
      ({ program, scope }) =>
        program.body.map((statement) => {
          const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
          return expression?.type === AST_NODE_TYPES.CallExpression ? findTableChange(expression, scope(expression))?.table ?? null : null;
        }),
    );
    expect(tables).toEqual(['a', 'b', 'c', 'd', null]);
  });
});

describe('findTableChange drops', () => {
  it('reads dropTable and dropTableIfExists', () => {
    const changes = probeProgram(`knex.schema.dropTable('a');\nqueryInterface.dropTableIfExists('B');\nknex.schema.renameTable('c', 'd');`, ({ program, scope }) =>
      program.body.map((statement) => {
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
        const change = expression?.type === AST_NODE_TYPES.CallExpression ? findTableChange(expression, scope(expression)) : null;
        return change ? [change.change, change.table] : null;
      }),
    );
    expect(changes).toEqual([['drop', 'a'], ['drop', 'b'], null]);
  });
});
