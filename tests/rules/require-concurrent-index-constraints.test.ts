import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-concurrent-index';

// The constraint and partition hazards (issue 11); the index hazards are in
// require-concurrent-index.test.ts. One suite per runner shape (knex, node-pg-migrate, TypeORM, Sequelize, MikroORM,
// Kysely): raw SQL through each runner's SQL calls and the runner's own builders.
// Files under `migrations/` are migrations by default. Every invalid case pins the
// message data, the full location and every suggestion (migrations are never autofixed).
// What PostgreSQL does for each hazard is proven in tests/pg/hazards.test.ts.
const ruleTester = new RuleTester();

ruleTester.run('require-concurrent-index', rule, {
  valid: [
    {
      name: "knex: UNIQUE USING INDEX after a concurrent build",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)');
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key');
}`,
    },
    {
      name: "knex: constraints on a table created earlier in the step",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('accounts', (table) => {
    table.integer('id');
  });
  await knex.raw('ALTER TABLE accounts ADD PRIMARY KEY (id)');
  await knex.schema.alterTable('accounts', (table) => {
    table.unique(['id']);
  });
}`,
    },
    {
      name: "DETACH PARTITION before PostgreSQL 14 (no safe form)",
      filename: "migrations/20240101_change.ts",
      settings: {"guardrails":{"postgresVersion":13}},
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2024');
}`,
    },
    {
      name: "DETACH PARTITION CONCURRENTLY outside a transaction, and FINALIZE",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY');
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023 FINALIZE');
}`,
    },
    {
      name: "REINDEX before PostgreSQL 12 (no CONCURRENTLY form)",
      filename: "migrations/20240101_change.ts",
      settings: {"guardrails":{"postgresVersion":11}},
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('REINDEX TABLE users');
}`,
    },
    {
      name: "dialect mysql: silent",
      filename: "migrations/20240101_change.ts",
      settings: {"guardrails":{"dialect":"mysql"}},
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX users_email_idx ON users (email)');
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)');
}`,
    },
  ],
  invalid: [
    {
      name: "knex: ADD CONSTRAINT UNIQUE on an existing table",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)');
}`,
      errors: [
        {
          messageId: "constraintBuildsIndex",
          data: {"statement":"ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE","table":"users","using":"ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key"},
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 82,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "knex: ADD PRIMARY KEY, in down too",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_pkey');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table users add primary key (id)');
}`,
      errors: [
        {
          messageId: "constraintBuildsIndex",
          data: {"statement":"alter table users add primary key","table":"users","using":"ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey"},
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 57,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "knex: ADD COLUMN with an inline UNIQUE",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN handle text UNIQUE');
}`,
      errors: [
        {
          messageId: "constraintBuildsIndex",
          data: {"statement":"ALTER TABLE users ADD COLUMN handle","table":"users","using":"ADD CONSTRAINT name UNIQUE USING INDEX name"},
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 66,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "knex: table.unique and table.primary in alterTable",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.unique(['email']);
    table.primary(['id']);
    table.string('handle').unique();
  });
}`,
      errors: [
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"table.unique","table":"users","kind":"UNIQUE"},
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 17,
          suggestions: [
          ],
        },
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"table.primary","table":"users","kind":"PRIMARY KEY"},
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 18,
          suggestions: [
          ],
        },
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"table.string().unique","table":"users","kind":"UNIQUE"},
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 17,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "DETACH PARTITION without CONCURRENTLY",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2024');
}`,
      errors: [
        {
          messageId: "detachWithoutConcurrently",
          data: {"statement":"ALTER TABLE events DETACH PARTITION events_2024","table":"events"},
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 66,
          suggestions: [
            { messageId: "insertConcurrently", output: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY');
}` },
          ],
        },
      ],
    },
    {
      name: "DETACH PARTITION CONCURRENTLY inside the knex transaction",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY');
}`,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: {"statement":"ALTER TABLE events DETACH PARTITION events_2024","reason":"knex runs each migration in one","advice":"Export `config = { transaction: false }` from this migration"},
          line: 4,
          column: 38,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            { messageId: "disableTransaction", output: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY');
}` },
          ],
        },
      ],
    },
    {
      name: "Sequelize addConstraint unique and primary key",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addConstraint('users', { fields: ['email'], type: 'unique', name: 'users_email_key' });
    await queryInterface.addConstraint('users', { fields: ['id'], type: 'primary key' });
    await queryInterface.addConstraint('users', { fields: ['parent_id'], type: 'foreign key', references: { table: 'parents', field: 'id' } });
  },
};`,
      errors: [
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"queryInterface.addConstraint","table":"users","kind":"UNIQUE"},
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 39,
          suggestions: [
          ],
        },
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"queryInterface.addConstraint","table":"users","kind":"PRIMARY KEY"},
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 39,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "TypeORM createUniqueConstraint and createPrimaryKey",
      filename: "migrations/20240101_change.ts",
      code: `import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableUnique, TableCheck } from 'typeorm';

export class AddKeys1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createUniqueConstraint('users', new TableUnique({ columnNames: ['email'] }));
    await queryRunner.createPrimaryKey('users', ['id']);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropPrimaryKey('users');
  }
}`,
      errors: [
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"queryRunner.createUniqueConstraint","table":"users","kind":"UNIQUE"},
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 45,
          suggestions: [
          ],
        },
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"queryRunner.createPrimaryKey","table":"users","kind":"PRIMARY KEY"},
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 39,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "node-pg-migrate addConstraint unique",
      filename: "migrations/20240101_change.ts",
      code: `import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.addConstraint('users', 'users_email_key', { unique: ['email'] });
  pgm.addConstraint('users', 'users_email_key2', 'UNIQUE USING INDEX users_email_idx');
}`,
      errors: [
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"pgm.addConstraint","table":"users","kind":"UNIQUE"},
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 20,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Kysely addUniqueConstraint",
      filename: "migrations/20240101_change.ts",
      code: `import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addUniqueConstraint('users_email_key', ['email']).execute();
  await sql\`ALTER TABLE users ADD PRIMARY KEY (id)\`.execute(db);
}`,
      errors: [
        {
          messageId: "builderConstraintBuildsIndex",
          data: {"call":"alterTable().addUniqueConstraint","table":"users","kind":"UNIQUE"},
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 58,
          suggestions: [
          ],
        },
        {
          messageId: "constraintBuildsIndex",
          data: {"statement":"ALTER TABLE users ADD PRIMARY KEY","table":"users","using":"ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey"},
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 51,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "MikroORM addSql UNIQUE",
      filename: "migrations/20240101_change.ts",
      code: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "users" add constraint "users_email_unique" unique ("email");');
  }
}`,
      errors: [
        {
          messageId: "constraintBuildsIndex",
          data: {"statement":"alter table \"users\" add constraint \"users_email_unique\" unique","table":"\"users\"","using":"ADD CONSTRAINT users_email_unique UNIQUE USING INDEX users_email_unique"},
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 90,
          suggestions: [
          ],
        },
      ],
    },
  ],
});
