import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unsafe-not-null';

// One suite per runner shape (knex, node-pg-migrate, TypeORM, Sequelize, MikroORM,
// Kysely): raw SQL through each runner's SQL calls and the runner's own builders.
// Files under `migrations/` are migrations by default. Every invalid case pins the
// message data, the full location and every suggestion (migrations are never autofixed).
// What PostgreSQL does for each hazard is proven in tests/pg/hazards.test.ts.
const ruleTester = new RuleTester();

ruleTester.run('no-unsafe-not-null', rule, {
  valid: [
    {
      // Found linting outline/outline (non-unique-email): a restated column with no sign in the file that it
      // was ever nullable; PostgreSQL skips SET NOT NULL on a column that already has it, so the rule cannot tell.
      name: "Sequelize changeColumn restating NOT NULL with no sign the column was nullable",
      filename: "migrations/20170712055148-non-unique-email.js",
      code: `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.removeConstraint('users', 'users_email_key', {});
  },
  down: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, unique: true, allowNull: false });
  },
};`,
    },
    {
      // Found linting outline/outline: Sequelize restates the whole column, so a type change of a
      // column that is NOT NULL before and after emits SET NOT NULL, which PostgreSQL skips.
      name: "Sequelize changeColumn that keeps a column NOT NULL in both directions",
      filename: "migrations/20260604140753-increase-url-column-lengths.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('webhook_subscriptions', 'url', { type: Sequelize.STRING(1024), allowNull: false });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('webhook_subscriptions', 'url', { type: Sequelize.STRING(255), allowNull: false });
  },
};`,
    },
    {
      name: "knex alter() that keeps a column NOT NULL in both directions",
      filename: "migrations/20240101_url_length.ts",
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => { table.string('url', 1024).notNullable().alter(); });
}
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => { table.string('url', 255).notNullable().alter(); });
}`,
    },
    {
      name: "a nullable column with DEFAULT NULL",
      filename: "migrations/20240101_x.ts",
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN age int DEFAULT NULL');
}`,
    },
    {
      name: "knex: validated CHECK first, then SET NOT NULL (PostgreSQL 12+)",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_email_nn');
  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_email_nn');
}`,
    },
    {
      name: "NOT NULL with a default, identity, serial; new tables",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0');
  await knex.raw('ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL');
  await knex.raw('ALTER TABLE users ADD COLUMN n serial NOT NULL');
  await knex.raw('CREATE TABLE teams (id int)');
  await knex.raw('ALTER TABLE teams ALTER COLUMN id SET NOT NULL');
  await knex.raw('ALTER TABLE teams ADD COLUMN name text NOT NULL');
}`,
    },
  ],
  invalid: [
    {
      name: "DEFAULT NULL is no default",
      filename: "migrations/20240101_x.ts",
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT NULL');
}`,
      errors: [
        {
          messageId: "addColumnNotNull",
          data: { statement: "ALTER TABLE users ADD COLUMN age", table: "users" },
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 77,
          suggestions: [],
        },
      ],
    },
    {
      name: "knex: SET NOT NULL and ADD COLUMN NOT NULL without default",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');
  await knex.raw('ALTER TABLE users ADD COLUMN age int NOT NULL');
}`,
      errors: [
        {
          messageId: "setNotNull",
          data: {"statement":"ALTER TABLE users ALTER COLUMN email SET NOT NULL","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 68,
          suggestions: [
          ],
        },
        {
          messageId: "addColumnNotNull",
          data: {"statement":"ALTER TABLE users ADD COLUMN age","table":"users"},
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 64,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "the same recipe on PostgreSQL 11 still scans",
      filename: "migrations/20240101_change.ts",
      settings: {"guardrails":{"postgresVersion":11}},
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_email_nn');
  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');
}`,
      errors: [
        {
          messageId: "setNotNull",
          data: {"statement":"ALTER TABLE users ALTER COLUMN email SET NOT NULL","table":"users","recipe":"PostgreSQL 11 cannot skip this scan: keep the column nullable with a `CHECK (email IS NOT NULL) NOT VALID` validated in a later transaction, and make it NOT NULL after upgrading to 12+"},
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 68,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "a NOT VALID CHECK that was never validated does not count",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID');
  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');
}`,
      errors: [
        {
          messageId: "setNotNull",
          data: {"statement":"ALTER TABLE users ALTER COLUMN email SET NOT NULL","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 68,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "SET NOT NULL in down",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');
}`,
      errors: [
        {
          messageId: "setNotNull",
          data: {"statement":"ALTER TABLE users ALTER COLUMN email SET NOT NULL","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 68,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "knex builders: notNullable() columns, alter(), dropNullable()",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.integer('age').notNullable();
    table.integer('score').notNullable().defaultTo(0);
    table.string('email').notNullable().alter();
    table.dropNullable('name');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.string('email').nullable().alter();
  });
}`,
      errors: [
        {
          messageId: "builderAddColumnNotNull",
          data: {"call":"table.integer","column":"age","table":"users"},
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 18,
          suggestions: [
          ],
        },
        {
          messageId: "builderSetNotNull",
          data: {"call":"table.string","column":"email","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 17,
          suggestions: [
          ],
        },
        {
          messageId: "builderSetNotNull",
          data: {"call":"table.dropNullable","column":"name","table":"users","recipe":"First add `CHECK (name IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 23,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Sequelize addColumn allowNull false, changeColumn allowNull false",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER, allowNull: false });
    await queryInterface.addColumn('users', 'score', { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 });
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, allowNull: false });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING });
  },
};`,
      errors: [
        {
          messageId: "builderAddColumnNotNull",
          data: {"call":"queryInterface.addColumn","column":"age","table":"users"},
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 35,
          suggestions: [
          ],
        },
        {
          messageId: "builderSetNotNull",
          data: {"call":"queryInterface.changeColumn","column":"email","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 38,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "TypeORM addColumn: a TableColumn is NOT NULL unless isNullable",
      filename: "migrations/20240101_change.ts",
      code: `import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableUnique, TableCheck } from 'typeorm';

export class AddAge1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'age', type: 'int' }));
    await queryRunner.addColumn('users', new TableColumn({ name: 'nick', type: 'text', isNullable: true }));
    await queryRunner.addColumn('users', new TableColumn({ name: 'score', type: 'int', default: 0 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'age');
  }
}`,
      errors: [
        {
          messageId: "builderAddColumnNotNull",
          data: {"call":"queryRunner.addColumn","column":"age","table":"users"},
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 32,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "node-pg-migrate addColumns notNull, alterColumn notNull",
      filename: "migrations/20240101_change.ts",
      code: `import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.addColumns('users', { age: { type: 'integer', notNull: true }, score: { type: 'integer', notNull: true, default: 0 } });
  pgm.alterColumn('users', 'email', { notNull: true });
}`,
      errors: [
        {
          messageId: "builderAddColumnNotNull",
          data: {"call":"pgm.addColumns","column":"age","table":"users"},
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 17,
          suggestions: [
          ],
        },
        {
          messageId: "builderSetNotNull",
          data: {"call":"pgm.alterColumn","column":"email","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 18,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Kysely addColumn notNull and alterColumn setNotNull",
      filename: "migrations/20240101_change.ts",
      code: `import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('age', 'integer', (col) => col.notNull()).execute();
  await db.schema.alterTable('users').addColumn('score', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').alterColumn('email', (col) => col.setNotNull()).execute();
}`,
      errors: [
        {
          messageId: "builderAddColumnNotNull",
          data: {"call":"alterTable().addColumn","column":"age","table":"users"},
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 48,
          suggestions: [
          ],
        },
        {
          messageId: "builderSetNotNull",
          data: {"call":"alterTable().alterColumn","column":"email","table":"users","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 50,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "MikroORM addSql set not null",
      filename: "migrations/20240101_change.ts",
      code: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "users" alter column "email" set not null;');
  }
}`,
      errors: [
        {
          messageId: "setNotNull",
          data: {"statement":"alter table \"users\" alter column \"email\" set not null","table":"\"users\"","recipe":"First add `CHECK (email IS NOT NULL) NOT VALID` and `VALIDATE` it in a later transaction; then `SET NOT NULL` skips the scan (PostgreSQL 12+) and the CHECK can be dropped"},
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 71,
          suggestions: [
          ],
        },
      ],
    },
  ],
});
