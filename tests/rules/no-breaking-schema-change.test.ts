import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-breaking-schema-change';
import { breakingHazard, type BreakingKind } from '../../src/migration/hazards/no-breaking-schema-change';

// Builder forms per runner (knex, node-pg-migrate, TypeORM, Sequelize, Kysely,
// MikroORM through knex), and the SQL forms once a host feeds the model. Every
// invalid case pins the message data and the full location; the rule has no fix.
const ruleTester = new RuleTester();

const WHAT: Record<BreakingKind, string> = {
  'drop-column': 'drops',
  'rename-column': 'renames',
  'rename-table': 'renames',
  'drop-table': 'drops',
  'rename-enum-value': 'renames',
};

function error(kind: BreakingKind, statement: string, subject: string, line: number, column: number, endColumn: number) {
  const hazard = breakingHazard(kind);
  return {
    messageId: 'breakingChange' as const,
    data: { statement, what: WHAT[kind], subject, why: hazard.why, steps: hazard.steps },
    line,
    column,
    endLine: line,
    endColumn,
  };
}

ruleTester.run('no-breaking-schema-change', rule, {
  valid: [
    {
      name: 'not a migration',
      filename: 'src/db/cleanup.ts',
      code: `export async function up(knex) { await knex.schema.dropTable('users'); }`,
    },
    {
      name: 'knex: down() undoes the expand step',
      filename: 'migrations/20240101_add_email.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('email'); });
exports.down = (knex) => knex.schema.alterTable('users', (t) => { t.dropColumn('email'); });`,
    },
    {
      name: 'knex: a table created earlier in the same step',
      filename: 'migrations/20240101_tmp.ts',
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex) {
  await knex.schema.createTable('tmp_import', (t) => { t.increments(); });
  await knex.schema.dropTable('tmp_import');
}`,
    },
    {
      name: 'TypeORM: down() may drop what up() created',
      filename: 'src/migrations/1700000000000-AddAudit.ts',
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddAudit1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE audit (id int)');
  }
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit');
  }
}`,
    },
    {
      name: 'allow: drop-table accepted by the team',
      filename: 'migrations/20240101_drop_legacy.js',
      options: [{ allow: ['drop-table'] }],
      code: `exports.up = (pgm) => { pgm.dropTable('legacy_sessions'); };`,
    },
    {
      name: 'another dialect: silent',
      filename: 'migrations/20240101_drop.js',
      settings: { guardrails: { dialect: 'mysql' } },
      code: `exports.up = (knex) => knex.schema.dropTable('users');`,
    },
    {
      name: 'knex: adding a column is no breaking change',
      filename: 'migrations/20240101_add.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('nickname'); t.index(['nickname']); });`,
    },
    {
      name: 'a method of the same name on an unrelated object',
      filename: 'migrations/20240101_cache.js',
      code: `exports.up = async (knex) => { const cache = new Map(); cache.dropTable?.('x'); list.renameColumn('a', 'b'); };`,
    },
    {
      name: 'SQL: TypeORM down() drops what up() added',
      filename: 'src/migrations/1700000000000-AddEmail.ts',
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddEmail1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "user" ADD "email" character varying\`);
  }
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "user" DROP COLUMN "email"\`);
  }
}`,
    },
    {
      name: 'SQL: a table created earlier in the same string',
      filename: 'migrations/20240101_tmp.js',
      code: `exports.up = (knex) => knex.raw('CREATE TABLE tmp (id int, a int); ALTER TABLE tmp RENAME COLUMN a TO b; DROP TABLE tmp');`,
    },
    {
      name: 'SQL: allow rename-column',
      filename: 'migrations/20240101_rename.js',
      options: [{ allow: ['rename-column'] }],
      code: `exports.up = (pgm) => { pgm.sql('ALTER TABLE users RENAME COLUMN a TO b'); };`,
    },
  ],
  invalid: [
    {
      name: 'SQL: TypeORM generated type change (drop and re-add) loses the column',
      filename: 'src/migrations/1700000000000-AgeType.ts',
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class AgeType1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "user" DROP COLUMN "age"\`);
    await queryRunner.query(\`ALTER TABLE "user" ADD "age" integer NOT NULL\`);
  }
}`,
      errors: [error('drop-column', 'ALTER TABLE "user" DROP COLUMN "age"', '"user".age', 4, 49, 66)],
    },
    {
      name: 'SQL: knex.raw rename table, enum value, drop table',
      filename: 'migrations/20240101_renames.js',
      code: `exports.up = async (knex) => {
  await knex.raw('ALTER TABLE users RENAME TO accounts');
  await knex.raw("ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'");
  await knex.raw('DROP TABLE IF EXISTS sessions');
};`,
      errors: [
        error('rename-table', 'ALTER TABLE users RENAME TO accounts', 'users', 2, 37, 55),
        error('rename-enum-value', "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'", "mood 'sad'", 3, 19, 66),
        error('drop-table', 'DROP TABLE IF EXISTS sessions', 'sessions', 4, 19, 48),
      ],
    },
    {
      name: 'SQL: Kysely sql tag and Sequelize query',
      filename: 'migrations/20240101_mixed.ts',
      code: `import { sql } from 'kysely';
export async function up(db: any, queryInterface: any) {
  await sql\`ALTER TABLE person RENAME COLUMN name TO full_name\`.execute(db);
}`,
      errors: [error('rename-column', 'ALTER TABLE person RENAME COLUMN name TO full_name', 'person.name', 3, 32, 63)],
    },
    {
      name: 'knex: dropColumn in alterTable',
      filename: 'migrations/20240101_drop_email.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (table) => {
  table.dropColumn('email');
});`,
      errors: [error('drop-column', 'table.dropColumn', 'users.email', 2, 9, 19)],
    },
    {
      name: 'knex: renameColumn and renameTable',
      filename: 'migrations/20240101_rename.ts',
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex) {
  await knex.schema.table('users', (t) => t.renameColumn('email', 'email_address'));
  await knex.schema.renameTable('users', 'accounts');
}`,
      errors: [
        error('rename-column', 't.renameColumn', 'users.email', 3, 45, 57),
        error('rename-table', 'knex.schema.renameTable', 'users', 4, 21, 32),
      ],
    },
    {
      name: 'knex: dropTableIfExists of a table the migration did not create',
      filename: 'migrations/20240101_drop.js',
      code: `exports.up = async (knex) => { await knex.schema.dropTableIfExists('sessions'); };`,
      errors: [error('drop-table', 'knex.schema.dropTableIfExists', 'sessions', 1, 50, 67)],
    },
    {
      name: 'node-pg-migrate: dropColumns, renameColumn, dropTable, renameTable',
      filename: 'migrations/1700000000000_cleanup.js',
      code: `exports.up = (pgm) => {
  pgm.dropColumns('users', ['email', 'phone']);
  pgm.renameColumn('users', 'name', 'full_name');
  pgm.dropTable('sessions');
  pgm.renameTable('posts', 'articles');
};
exports.down = (pgm) => { pgm.renameTable('articles', 'posts'); };`,
      errors: [
        error('drop-column', 'pgm.dropColumns', 'users.email, phone', 2, 7, 18),
        error('rename-column', 'pgm.renameColumn', 'users.name', 3, 7, 19),
        error('drop-table', 'pgm.dropTable', 'sessions', 4, 7, 16),
        error('rename-table', 'pgm.renameTable', 'posts', 5, 7, 18),
      ],
    },
    {
      name: 'Sequelize: removeColumn, renameColumn, dropTable, renameTable',
      filename: 'migrations/20240101000000-cleanup.js',
      code: `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.removeColumn('Users', 'email');
    await queryInterface.renameColumn('Users', 'name', 'fullName');
    await queryInterface.dropTable('Sessions');
    await queryInterface.renameTable('Posts', 'Articles');
  },
  async down(queryInterface) {
    await queryInterface.addColumn('Users', 'email', { type: 'TEXT' });
  },
};`,
      errors: [
        error('drop-column', 'queryInterface.removeColumn', 'users.email', 4, 26, 38),
        error('rename-column', 'queryInterface.renameColumn', 'users.name', 5, 26, 38),
        error('drop-table', 'queryInterface.dropTable', 'Sessions', 6, 26, 35),
        error('rename-table', 'queryInterface.renameTable', 'Posts', 7, 26, 37),
      ],
    },
    {
      name: 'TypeORM: dropColumn with a TableColumn, renameColumn, dropTable',
      filename: 'src/migrations/1700000000000-Cleanup.ts',
      code: `import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
export class Cleanup1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('user', new TableColumn({ name: 'email', type: 'varchar' }));
    await queryRunner.renameColumn('user', 'name', 'fullName');
    await queryRunner.dropTable('session');
  }
  public async down(): Promise<void> {}
}`,
      errors: [
        error('drop-column', 'queryRunner.dropColumn', 'user.email', 4, 23, 33),
        error('rename-column', 'queryRunner.renameColumn', 'user.name', 5, 23, 35),
        error('drop-table', 'queryRunner.dropTable', 'session', 6, 23, 32),
      ],
    },
    {
      name: 'Kysely: alterTable().dropColumn / renameColumn / renameTo, schema.dropTable',
      filename: 'src/migrations/2024-01-01-cleanup.ts',
      code: `import { Kysely } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('email').execute();
  await db.schema.alterTable('person').renameColumn('name', 'full_name').execute();
  await db.schema.alterTable('pet').renameTo('animal').execute();
  await db.schema.dropTable('toy').execute();
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('animal').renameTo('pet').execute();
}`,
      errors: [
        error('drop-column', 'alterTable(…).dropColumn', 'person.email', 3, 40, 50),
        error('rename-column', 'alterTable(…).renameColumn', 'person.name', 4, 40, 52),
        error('rename-table', 'alterTable(…).renameTo', 'pet', 5, 37, 45),
        error('drop-table', 'db.schema.dropTable', 'toy', 6, 19, 28),
      ],
    },
    {
      name: 'MikroORM: the knex schema builder of getKnex()',
      filename: 'src/migrations/Migration20240101000000.ts',
      code: `import { Migration } from '@mikro-orm/migrations';
export class Migration20240101000000 extends Migration {
  async up(): Promise<void> {
    const knex = this.getKnex();
    this.addSql(knex.schema.alterTable('book', (table) => { table.dropColumn('isbn'); }).toQuery());
  }
}`,
      errors: [error('drop-column', 'table.dropColumn', 'book.isbn', 5, 67, 77)],
    },
  ],
});
