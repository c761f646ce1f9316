import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-table-rewrite';
import { rewriteHazard } from '../../src/migration/hazards/no-table-rewrite';

// Builder forms per runner, and the SQL forms once a host feeds the model.
// Every invalid case pins the message data and the full location; no fixes.
const ruleTester = new RuleTester();
const ADVICE = rewriteHazard('alter-column-type').advice;

function builder(call: string, column: string, table: string, line: number, column0: number, endColumn: number) {
  return { messageId: 'builderTypeChange' as const, data: { call, column, table, advice: ADVICE }, line, column: column0, endLine: line, endColumn };
}

ruleTester.run('no-table-rewrite', rule, {
  valid: [
    {
      name: 'not a migration',
      filename: 'src/schema.ts',
      code: `knex.schema.alterTable('users', (t) => { t.bigInteger('id').alter(); });`,
    },
    {
      name: 'knex: alter({ alterType: false }) changes no type',
      filename: 'migrations/20240101_nullable.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('email').notNullable().alter({ alterType: false }); });`,
    },
    {
      name: 'knex: a column added (no alter) is no type change',
      filename: 'migrations/20240101_add.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('email', 500); });`,
    },
    {
      name: 'knex: a table created earlier in the same step',
      filename: 'migrations/20240101_new.js',
      code: `exports.up = async (knex) => {
  await knex.schema.createTable('audit', (t) => { t.increments(); t.integer('n'); });
  await knex.schema.alterTable('audit', (t) => { t.bigInteger('n').alter(); });
};`,
    },
    {
      name: 'assumeWidening: a longer varchar may be in place',
      filename: 'migrations/20240101_widen.js',
      options: [{ assumeWidening: true }],
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('email', 500).alter(); });`,
    },
    {
      name: 'TypeORM: changeColumn that keeps type and length (a rename)',
      filename: 'src/migrations/1700000000000-Rename.ts',
      code: `import { QueryRunner, TableColumn } from 'typeorm';
export class R1700000000000 {
  async up(queryRunner: QueryRunner) {
    await queryRunner.changeColumn('user', new TableColumn({ name: 'a', type: 'varchar', length: '50' }), new TableColumn({ name: 'b', type: 'varchar', length: '50' }));
  }
}`,
    },
    {
      name: 'node-pg-migrate: alterColumn without a type (a default)',
      filename: 'migrations/1700000000000_default.js',
      code: `exports.up = (pgm) => { pgm.alterColumn('users', 'status', { default: 'active' }); };`,
    },
    {
      name: 'another dialect: silent',
      filename: 'migrations/20240101_alter.js',
      settings: { guardrails: { dialect: 'sqlite' } },
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.bigInteger('id').alter(); });`,
    },
  ],
  invalid: [
    {
      name: 'knex: .alter() on an existing table',
      filename: 'migrations/20240101_bigint.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (table) => {
  table.bigInteger('id').notNullable().alter();
});`,
      errors: [builder('table.bigInteger(…).alter', 'id', 'users', 2, 40, 45)],
    },
    {
      name: 'knex: a longer varchar, old type unknown',
      filename: 'migrations/20240101_widen.ts',
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex) {
  await knex.schema.alterTable('users', (t) => t.string('email', 500).alter());
}`,
      errors: [builder('t.string(…).alter', 'email', 'users', 3, 71, 76)],
    },
    {
      name: 'Sequelize: changeColumn (always ALTER COLUMN … TYPE)',
      filename: 'migrations/20240101000000-change.js',
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('Users', 'age', { type: Sequelize.BIGINT, allowNull: true });
  },
};`,
      errors: [builder('queryInterface.changeColumn', 'age', 'users', 3, 26, 38)],
    },
    {
      name: 'TypeORM: changeColumn to another type',
      filename: 'src/migrations/1700000000000-Type.ts',
      code: `import { QueryRunner, TableColumn } from 'typeorm';
export class T1700000000000 {
  async up(queryRunner: QueryRunner) {
    await queryRunner.changeColumn('user', 'age', new TableColumn({ name: 'age', type: 'bigint' }));
  }
}`,
      errors: [builder('queryRunner.changeColumn', 'age', 'user', 4, 23, 35)],
    },
    {
      name: 'node-pg-migrate: alterColumn with a type',
      filename: 'migrations/1700000000000_type.js',
      code: `exports.up = (pgm) => { pgm.alterColumn('users', 'id', { type: 'bigint' }); };`,
      errors: [builder('pgm.alterColumn', 'id', 'users', 1, 29, 40)],
    },
    {
      name: 'Kysely: alterColumn(…, (col) => col.setDataType(…))',
      filename: 'src/migrations/2024-01-01-type.ts',
      code: `import { Kysely } from 'kysely';
export async function up(db: Kysely<any>) {
  await db.schema.alterTable('person').alterColumn('age', (col) => col.setDataType('bigint')).execute();
}`,
      errors: [builder('alterTable(…).alterColumn', 'age', 'person', 3, 40, 51)],
    },
  ],
});
