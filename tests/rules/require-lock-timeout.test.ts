import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-lock-timeout';

// One suite per runner shape (knex, node-pg-migrate, TypeORM, Sequelize, MikroORM,
// Kysely): raw SQL through each runner's SQL calls and the runner's own builders.
// Files under `migrations/` are migrations by default. Every invalid case pins the
// message data, the full location and every suggestion (migrations are never autofixed).
// What PostgreSQL does for each hazard is proven in tests/pg/hazards.test.ts.
const ruleTester = new RuleTester();

ruleTester.run('require-lock-timeout', rule, {
  valid: [
    {
      name: "knex: SET LOCAL inside the knex transaction first",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '5s'");
  await knex.raw('ALTER TABLE users ADD COLUMN age int');
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('nick');
  });
}`,
    },
    {
      name: "session SET, set_config, weak locks, and new tables",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET lock_timeout TO '2s'");
  await knex.raw('ALTER TABLE users ADD COLUMN age int');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SELECT set_config('lock_timeout', '3s', false)");
  await knex.raw('ALTER TABLE users DROP COLUMN age');
}`,
    },
    {
      name: "only weak locks, or tables of its own",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX users_email_idx ON users (email)');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk');
  await knex.raw('CREATE TABLE teams (id int)');
  await knex.raw('ALTER TABLE teams ADD COLUMN name text');
}`,
    },
    {
      name: "Sequelize: SET LOCAL and the ALTER in one string",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query("SET LOCAL lock_timeout = '5s'; ALTER TABLE users ADD COLUMN age int;");
  },
};`,
    },
    {
      name: "runnerSetsLockTimeout",
      filename: "migrations/20240101_change.ts",
      options: [{"runnerSetsLockTimeout":true}],
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN age int');
}`,
    },
  ],
  invalid: [
    {
      name: "knex: ALTER TABLE without lock_timeout, once per step",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN age int');
  await knex.raw('ALTER TABLE users DROP COLUMN nick');
}`,
      errors: [
        {
          messageId: "missingLockTimeout",
          data: {"statement":"ALTER TABLE users","lock":"an ACCESS EXCLUSIVE","table":"users","blocks":"blocks every read and write"},
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 36,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "a timeout of 0 sets none; the down step needs its own",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET lock_timeout = 0");
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE users');
}`,
      errors: [
        {
          messageId: "missingLockTimeout",
          data: {"statement":"ALTER TABLE users","lock":"a SHARE ROW EXCLUSIVE","table":"users","blocks":"blocks every write"},
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 36,
          suggestions: [
          ],
        },
        {
          messageId: "missingLockTimeout",
          data: {"statement":"DROP TABLE users","lock":"an ACCESS EXCLUSIVE","table":"users","blocks":"blocks every read and write"},
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 35,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Sequelize: SET LOCAL outside a transaction sets nothing",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.query("SET LOCAL lock_timeout = '5s'");
    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER });
  },
};`,
      errors: [
        {
          messageId: "localOutsideTransaction",
          data: {"statement":"SET LOCAL lock_timeout = '5s'"},
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 72,
          suggestions: [
          ],
        },
        {
          messageId: "missingLockTimeout",
          data: {"statement":"queryInterface.addColumn","lock":"an ACCESS EXCLUSIVE","table":"users","blocks":"blocks every read and write"},
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 35,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "TypeORM builder without a timeout",
      filename: "migrations/20240101_change.ts",
      code: `import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableUnique, TableCheck } from 'typeorm';

export class DropNick1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'nick');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("SET LOCAL lock_timeout = '5s'");
    await queryRunner.addColumn('users', new TableColumn({ name: 'nick', type: 'text', isNullable: true }));
  }
}`,
      errors: [
        {
          messageId: "missingLockTimeout",
          data: {"statement":"queryRunner.dropColumn","lock":"an ACCESS EXCLUSIVE","table":"users","blocks":"blocks every read and write"},
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 33,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "node-pg-migrate: noTransaction() makes SET LOCAL a no-op",
      filename: "migrations/20240101_change.ts",
      code: `import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.sql("SET LOCAL lock_timeout = '5s'");
  pgm.renameColumn('users', 'nick', 'handle');
}`,
      errors: [
        {
          messageId: "localOutsideTransaction",
          data: {"statement":"SET LOCAL lock_timeout = '5s'"},
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 41,
          suggestions: [
          ],
        },
        {
          messageId: "missingLockTimeout",
          data: {"statement":"pgm.renameColumn","lock":"an ACCESS EXCLUSIVE","table":"users","blocks":"blocks every read and write"},
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Kysely and MikroORM raw SQL",
      filename: "migrations/20240101_change.ts",
      code: `import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql\`LOCK TABLE users IN ACCESS EXCLUSIVE MODE\`.execute(db);
}`,
      errors: [
        {
          messageId: "missingLockTimeout",
          data: {"statement":"LOCK TABLE users IN ACCESS EXCLUSIVE MODE","lock":"an ACCESS EXCLUSIVE","table":"users","blocks":"blocks every read and write"},
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 54,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "MikroORM: trigger and truncate",
      filename: "migrations/20240101_change.ts",
      code: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  async up(): Promise<void> {
    this.addSql('create trigger users_audit after update on "users" for each row execute function audit();');
  }
}`,
      errors: [
        {
          messageId: "missingLockTimeout",
          data: {"statement":"CREATE TRIGGER users_audit","lock":"a SHARE ROW EXCLUSIVE","table":"\"users\"","blocks":"blocks every write"},
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 44,
          suggestions: [
          ],
        },
      ],
    },
  ],
});
