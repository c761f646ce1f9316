import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/require-concurrent-index';

// Files under `migrations/` are migrations by default. Each invalid case pins the
// message data, the full location and every suggestion's output (the rule has no
// autofix). Cases named `espree:` prove plain JS works without the TS parser.
const ruleTester = new RuleTester();

ruleTester.run('require-concurrent-index', rule, {
  valid: [
    {
      name: "non-migration file",
      filename: "src/db/indexes.ts",
      code: `import knex from 'knex';
const db = knex({});
await db.raw('CREATE INDEX users_email_idx ON users (email)');`,
    },
    {
      name: "knex: ESM config transaction false",
      filename: "migrations/20240101_add_index.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY users_email_idx');
}`,
    },
    {
      name: "knex: CommonJS exports.config",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');`,
    },
    {
      name: "knex: config inside module.exports, through a constant",
      filename: "migrations/20240101_add_index.js",
      code: `const config = { transaction: false };
module.exports = {
  config,
  up: (knex) => knex.schema.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)'),
};`,
    },
    {
      name: "table created earlier in the same SQL string",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = (knex) => knex.raw('CREATE TABLE audit (id int, at timestamptz); CREATE INDEX audit_at_idx ON audit (at)');`,
    },
    {
      name: "table created earlier by the builder",
      filename: "migrations/20240101_add_index.ts",
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex) {
  await knex.schema.createTable('audit', (table) => {
    table.increments();
    table.index(['id']);
  });
  await knex.schema.alterTable('audit', (table) => {
    table.index(['id'], 'audit_id_idx');
  });
  await knex.raw('CREATE INDEX audit_at_idx ON public.audit (at)');
}`,
    },
    {
      name: "ON ONLY parent",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = (knex) => knex.raw('CREATE INDEX measurements_at_idx ON ONLY measurements (at)');`,
    },
    {
      name: "sequelize-cli without a transaction",
      filename: "migrations/20240101_add_index.js",
      code: `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex('users', ['email'], { concurrently: true });
    await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('users', ['email'], { concurrently: true });
  },
};`,
    },
    {
      name: "node-pg-migrate with noTransaction",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('users', 'email', { concurrently: true });
  pgm.sql('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
}`,
    },
    {
      name: "TypeORM transaction = false",
      filename: "migrations/20240101_add_index.ts",
      code: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddEmailIndex1700000000000 implements MigrationInterface {\n  transaction = false as const;\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"users_email_idx\" ON \"users\" (\"email\")`);\n  }\n}",
    },
    {
      name: "MikroORM isTransactional false",
      filename: "migrations/20240101_add_index.ts",
      code: `import { Migration } from '@mikro-orm/migrations';
export class Migration20240101 extends Migration {
  override isTransactional(): boolean {
    return false;
  }
  async up(): Promise<void> {
    this.addSql('create index concurrently users_email_idx on users (email);');
  }
}`,
    },
    {
      name: "REINDEX CONCURRENTLY and REINDEX SYSTEM",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = async (knex) => {
  await knex.raw('REINDEX INDEX CONCURRENTLY users_email_idx');
  await knex.raw('REINDEX (CONCURRENTLY) TABLE users');
  await knex.raw('REINDEX SYSTEM app');
};`,
    },
    {
      name: "SQL-looking strings that never reach a sink",
      filename: "migrations/20240101_add_index.js",
      code: `const note = 'CREATE INDEX users_email_idx ON users (email)';
console.log('CREATE INDEX users_email_idx ON users (email)');
exports.up = () => note;`,
    },
    {
      name: "Kysely index on a table it just created",
      filename: "migrations/20240101_add_index.ts",
      code: `import { Kysely } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('audit').addColumn('id', 'integer').execute();
  await db.schema.createIndex('audit_id_idx').on('audit').column('id').execute();
}`,
    },
    {
      name: "Kysely concurrent SQL: the Migrator decides about transactions",
      filename: "migrations/20240101_add_index.ts",
      code: "import { Kysely, sql } from 'kysely';\nexport async function up(db: Kysely<any>): Promise<void> {\n  await sql`CREATE INDEX CONCURRENTLY users_email_idx ON users (email)`.execute(db);\n}",
    },
    {
      name: "runner option overrides detection",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');`,
      options: [{"runner": "sequelize"}],
    },
    {
      name: "migrations option replaces the globs",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = (knex) => knex.raw('CREATE INDEX users_email_idx ON users (email)');`,
      options: [{"migrations": ["db/changes/**"]}],
    },
    {
      name: "shared setting replaces the globs",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = (knex) => knex.raw('CREATE INDEX users_email_idx ON users (email)');`,
      settings: {"guardrails": {"migrations": ["db/changes/**"]}},
    },
    {
      name: "concurrent statement after COMMIT",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class X1 implements MigrationInterface {
  transaction = false;
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('BEGIN');
    await queryRunner.query('UPDATE users SET email = lower(email)');
    await queryRunner.query('COMMIT');
    await queryRunner.query('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
  }
}`,
    },
    {
      name: "drop index in a different step than the BEGIN",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = async (knex) => { await knex.raw('BEGIN'); };
exports.down = async (knex) => { await knex.raw('DROP INDEX CONCURRENTLY users_email_idx'); };`,
    },
    {
      name: "espree: non-transactional knex migration in plain JS",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');`,
      languageOptions: { parser: espree },
    },
    {
      name: "espree: node-pg-migrate ES module",
      filename: "migrations/1700000000000_idx.mjs",
      code: `export const up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('users', 'email', { concurrently: true });
};`,
      languageOptions: { parser: espree },
    },
    {
      name: "table created earlier by TypeORM and node-pg-migrate builders",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
export class X1 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(new Table({ name: 'audit', columns: [] }));
    await queryRunner.createIndex('audit', new TableIndex({ columnNames: ['id'] }));
  }
}`,
    },
    {
      name: "TypeORM generated down: index dropped with its table",
      filename: "migrations/20240101_add_index.ts",
      code: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class CreateUser1700000000000 implements MigrationInterface {\n  async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE TABLE \"user\" (\"id\" SERIAL NOT NULL, \"email\" character varying NOT NULL)`);\n    await queryRunner.query(`CREATE UNIQUE INDEX \"IDX_user_email\" ON \"user\" (\"email\")`);\n  }\n  async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP INDEX \"public\".\"IDX_user_email\"`);\n    await queryRunner.query(`DROP TABLE \"user\"`);\n  }\n}",
    },
    {
      name: "builder drop of an index on a table the step drops",
      filename: "migrations/20240101_add_index.js",
      code: `exports.down = async (pgm) => {
  pgm.dropIndex('audit', 'at');
  pgm.dropTable('audit');
};`,
    },
  ],
  invalid: [
    {
      name: "knex raw CREATE INDEX",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = function (knex) {
  return knex.raw('CREATE INDEX users_email_idx ON users (email)');
};`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX users_email_idx", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 3, column: 20, endLine: 3, endColumn: 48,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
exports.up = function (knex) {
  return knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
};` },
          ],
        },
      ],
    },
    {
      name: "knex CONCURRENTLY without config (CommonJS)",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
exports.down = (knex) => knex.raw('DROP INDEX CONCURRENTLY users_email_idx');`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 1, column: 34, endLine: 1, endColumn: 75,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "exports.config = { transaction: false };" }, output: `exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
exports.down = (knex) => knex.raw('DROP INDEX CONCURRENTLY users_email_idx');

exports.config = { transaction: false };` },
          ],
        },
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "DROP INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 2, column: 36, endLine: 2, endColumn: 75,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "exports.config = { transaction: false };" }, output: `exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
exports.down = (knex) => knex.raw('DROP INDEX CONCURRENTLY users_email_idx');

exports.config = { transaction: false };` },
          ],
        },
      ],
    },
    {
      name: "knex CONCURRENTLY without config (ES module)",
      filename: "migrations/20240101_add_index.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
}`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 4, column: 19, endLine: 4, endColumn: 60,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "export const config = { transaction: false };" }, output: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
}` },
          ],
        },
      ],
    },
    {
      name: "knex CONCURRENTLY with module.exports object",
      filename: "migrations/20240101_add_index.js",
      code: `module.exports = {
  up: (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)'),
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 2, column: 27, endLine: 2, endColumn: 68,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "config: { transaction: false }" }, output: `module.exports = {
  config: { transaction: false },
  up: (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)'),
};` },
          ],
        },
      ],
    },
    {
      name: "knex config with transaction true",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: true };
exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 2, column: 34, endLine: 2, endColumn: 75,
          suggestions: [],
        },
      ],
    },
    {
      name: "knex table.index and dropIndex in alterTable",
      filename: "migrations/20240101_add_index.ts",
      code: `import type { Knex } from 'knex';
export async function up(knex: Knex) {
  await knex.schema.alterTable('users', (table) => {
    table.index(['email'], 'users_email_idx');
    table.dropIndex(['name']);
  });
}`,
      output: null,
      errors: [
        {
          messageId: "builderCannotConcurrently",
          data: { call: "table.index", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 4, column: 5, endLine: 4, endColumn: 16,
          suggestions: [],
        },
        {
          messageId: "builderCannotConcurrently",
          data: { call: "table.dropIndex", concurrent: "DROP INDEX CONCURRENTLY" },
          line: 5, column: 5, endLine: 5, endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: "node-pg-migrate createIndex without concurrently",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('users', 'email');
  pgm.createIndex('users', 'name', { unique: true });
  pgm.dropIndex('users', 'legacy', {});
}`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "pgm.createIndex", concurrent: "concurrently: true" },
          line: 4, column: 3, endLine: 4, endColumn: 18,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `import { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('users', 'email', { concurrently: true });
  pgm.createIndex('users', 'name', { unique: true });
  pgm.dropIndex('users', 'legacy', {});
}` },
          ],
        },
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "pgm.createIndex", concurrent: "concurrently: true" },
          line: 5, column: 3, endLine: 5, endColumn: 18,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `import { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('users', 'email');
  pgm.createIndex('users', 'name', { concurrently: true, unique: true });
  pgm.dropIndex('users', 'legacy', {});
}` },
          ],
        },
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "pgm.dropIndex", concurrent: "concurrently: true" },
          line: 6, column: 3, endLine: 6, endColumn: 16,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `import { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('users', 'email');
  pgm.createIndex('users', 'name', { unique: true });
  pgm.dropIndex('users', 'legacy', { concurrently: true });
}` },
          ],
        },
      ],
    },
    {
      name: "node-pg-migrate concurrently without noTransaction",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = async (pgm) => {
  pgm.addColumn('users', { nickname: 'text' });
  pgm.createIndex('users', 'email', { concurrently: true });
  pgm.sql('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "pgm.createIndex", reason: "node-pg-migrate runs each migration in one", advice: "Call `pgm.noTransaction()` at the start of this migration function" },
          line: 3, column: 3, endLine: 3, endColumn: 18,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "pgm.noTransaction();" }, output: `exports.up = async (pgm) => {
  pgm.noTransaction();
  pgm.addColumn('users', { nickname: 'text' });
  pgm.createIndex('users', 'email', { concurrently: true });
  pgm.sql('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
};` },
          ],
        },
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_name_idx", reason: "node-pg-migrate runs each migration in one", advice: "Call `pgm.noTransaction()` at the start of this migration function" },
          line: 4, column: 12, endLine: 4, endColumn: 52,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "pgm.noTransaction();" }, output: `exports.up = async (pgm) => {
  pgm.noTransaction();
  pgm.addColumn('users', { nickname: 'text' });
  pgm.createIndex('users', 'email', { concurrently: true });
  pgm.sql('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
};` },
          ],
        },
      ],
    },
    {
      name: "TypeORM concurrently without transaction = false",
      filename: "migrations/20240101_add_index.ts",
      code: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddEmailIndex1700000000000 implements MigrationInterface {\n  name = 'AddEmailIndex1700000000000';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"users_email_idx\" ON \"users\" (\"email\")`);\n  }\n}",
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY \"users_email_idx\"", reason: "TypeORM runs each migration in one", advice: "Set `transaction = false` on this migration class" },
          line: 7, column: 30, endLine: 7, endColumn: 73,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "transaction = false as const;" }, output: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddEmailIndex1700000000000 implements MigrationInterface {\n  transaction = false as const;\n  name = 'AddEmailIndex1700000000000';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY \"users_email_idx\" ON \"users\" (\"email\")`);\n  }\n}" },
          ],
        },
      ],
    },
    {
      name: "TypeORM static transaction is not read",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class X1 implements MigrationInterface {
  static transaction = false;
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('DROP INDEX CONCURRENTLY users_email_idx');
  }
}`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "DROP INDEX CONCURRENTLY users_email_idx", reason: "TypeORM runs each migration in one", advice: "Set `transaction = false` on this migration class" },
          line: 5, column: 30, endLine: 5, endColumn: 69,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "transaction = false as const;" }, output: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class X1 implements MigrationInterface {
  transaction = false as const;
  static transaction = false;
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('DROP INDEX CONCURRENTLY users_email_idx');
  }
}` },
          ],
        },
      ],
    },
    {
      name: "TypeORM builders",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
export class X1 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.createIndex('users', new TableIndex({ name: 'users_email_idx', columnNames: ['email'] }));
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropIndex('users', 'users_email_idx');
  }
}`,
      output: null,
      errors: [
        {
          messageId: "builderCannotConcurrently",
          data: { call: "queryRunner.createIndex", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 4, column: 11, endLine: 4, endColumn: 34,
          suggestions: [],
        },
        {
          messageId: "builderCannotConcurrently",
          data: { call: "queryRunner.dropIndex", concurrent: "DROP INDEX CONCURRENTLY" },
          line: 7, column: 11, endLine: 7, endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: "Sequelize inside sequelize.transaction",
      filename: "migrations/20240101_add_index.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addIndex('users', ['email'], { concurrently: true });
    });
  },
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "queryInterface.addIndex", reason: "it runs inside a `transaction(…)` callback", advice: "Run it outside the transaction callback" },
          line: 4, column: 13, endLine: 4, endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "Sequelize with a transaction option",
      filename: "migrations/20240101_add_index.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    const t = await queryInterface.sequelize.transaction();
    await queryInterface.addIndex('users', { fields: ['email'], concurrently: true, transaction: t });
    await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)', { transaction: t });
    await t.commit();
  },
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "queryInterface.addIndex", reason: "it is passed a `transaction` option", advice: "Run it without the `transaction` option" },
          line: 4, column: 11, endLine: 4, endColumn: 34,
          suggestions: [],
        },
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_name_idx", reason: "it is passed a `transaction` option", advice: "Run it without the `transaction` option" },
          line: 5, column: 43, endLine: 5, endColumn: 83,
          suggestions: [],
        },
      ],
    },
    {
      name: "Sequelize addIndex and removeIndex without concurrently",
      filename: "migrations/20240101_add_index.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex('users', ['email']);
    await queryInterface.addIndex('users', { fields: ['name'], unique: true });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('users', 'users_email_idx');
  },
};`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "queryInterface.addIndex", concurrent: "concurrently: true" },
          line: 3, column: 11, endLine: 3, endColumn: 34,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex('users', ['email'], { concurrently: true });
    await queryInterface.addIndex('users', { fields: ['name'], unique: true });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('users', 'users_email_idx');
  },
};` },
          ],
        },
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "queryInterface.addIndex", concurrent: "concurrently: true" },
          line: 4, column: 11, endLine: 4, endColumn: 34,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex('users', ['email']);
    await queryInterface.addIndex('users', { concurrently: true, fields: ['name'], unique: true });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('users', 'users_email_idx');
  },
};` },
          ],
        },
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "queryInterface.removeIndex", concurrent: "concurrently: true" },
          line: 7, column: 11, endLine: 7, endColumn: 37,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex('users', ['email']);
    await queryInterface.addIndex('users', { fields: ['name'], unique: true });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('users', 'users_email_idx', { concurrently: true });
  },
};` },
          ],
        },
      ],
    },
    {
      name: "multi-statement string",
      filename: "migrations/20240101_add_index.js",
      code: "exports.config = { transaction: false };\nexports.up = (knex) => knex.raw(`\n  CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n  ANALYZE users;\n`);",
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "Postgres runs a string of several statements as one", advice: "Run it in a query of its own" },
          line: 3, column: 3, endLine: 3, endColumn: 44,
          suggestions: [],
        },
      ],
    },
    {
      name: "explicit BEGIN before it",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = async (knex) => {
  await knex.raw('BEGIN');
  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
  await knex.raw('COMMIT');
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "an earlier `BEGIN` opened one", advice: "Run it before the `BEGIN` or after the `COMMIT`" },
          line: 4, column: 19, endLine: 4, endColumn: 60,
          suggestions: [],
        },
      ],
    },
    {
      name: "REINDEX without CONCURRENTLY",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = async (knex) => {
  await knex.raw('REINDEX TABLE users');
  await knex.raw('reindex (verbose) index users_email_idx');
};`,
      output: null,
      errors: [
        {
          messageId: "reindexWithoutConcurrently",
          data: { statement: "REINDEX TABLE users", concurrent: "REINDEX TABLE CONCURRENTLY" },
          line: 3, column: 19, endLine: 3, endColumn: 38,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
exports.up = async (knex) => {
  await knex.raw('REINDEX TABLE CONCURRENTLY users');
  await knex.raw('reindex (verbose) index users_email_idx');
};` },
          ],
        },
        {
          messageId: "reindexWithoutConcurrently",
          data: { statement: "REINDEX INDEX users_email_idx", concurrent: "REINDEX INDEX CONCURRENTLY" },
          line: 4, column: 19, endLine: 4, endColumn: 58,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
exports.up = async (knex) => {
  await knex.raw('REINDEX TABLE users');
  await knex.raw('reindex (verbose) index concurrently users_email_idx');
};` },
          ],
        },
      ],
    },
    {
      name: "DROP INDEX in lower case",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.down = (knex) => knex.raw('drop index if exists users_email_idx');`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "DROP INDEX users_email_idx", concurrent: "DROP INDEX CONCURRENTLY" },
          line: 2, column: 36, endLine: 2, endColumn: 72,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
exports.down = (knex) => knex.raw('drop index concurrently if exists users_email_idx');` },
          ],
        },
      ],
    },
    {
      name: "Kysely createIndex and dropIndex",
      filename: "migrations/20240101_add_index.ts",
      code: `import { Kysely } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_email_idx').execute();
}`,
      output: null,
      errors: [
        {
          messageId: "builderCannotConcurrently",
          data: { call: "db.schema.createIndex", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 3, column: 9, endLine: 3, endColumn: 30,
          suggestions: [],
        },
        {
          messageId: "builderCannotConcurrently",
          data: { call: "db.schema.dropIndex", concurrent: "DROP INDEX CONCURRENTLY" },
          line: 6, column: 9, endLine: 6, endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      name: "MikroORM CONCURRENTLY in a transactional migration",
      filename: "migrations/20240101_add_index.ts",
      code: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  async up(): Promise<void> {
    this.addSql('create index concurrently "users_email_idx" on "users" ("email");');
  }
}`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY \"users_email_idx\"", reason: "MikroORM runs each migration in one", advice: "Override `isTransactional()` to return `false` in this migration class" },
          line: 5, column: 18, endLine: 5, endColumn: 61,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "override isTransactional(): boolean { return false; }" }, output: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  override isTransactional(): boolean {
    return false;
  }

  async up(): Promise<void> {
    this.addSql('create index concurrently "users_email_idx" on "users" ("email");');
  }
}` },
          ],
        },
      ],
    },
    {
      name: "template with a hole",
      filename: "migrations/20240101_add_index.js",
      code: "exports.config = { transaction: false };\nconst name = process.env.INDEX_NAME;\nexports.up = (knex) => knex.raw(`CREATE INDEX ${name} ON users (email)`);",
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX ${…}", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 3, column: 34, endLine: 3, endColumn: 46,
          suggestions: [
            { messageId: "insertConcurrently", output: "exports.config = { transaction: false };\nconst name = process.env.INDEX_NAME;\nexports.up = (knex) => knex.raw(`CREATE INDEX CONCURRENTLY ${name} ON users (email)`);" },
          ],
        },
      ],
    },
    {
      name: "string with an escape: no suggestion, whole string reported",
      filename: "migrations/20240101_add_index.js",
      code: "exports.config = { transaction: false };\nexports.up = (knex) => knex.raw('CREATE\\tINDEX users_email_idx ON users (email)');",
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX users_email_idx", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 2, column: 33, endLine: 2, endColumn: 81,
          suggestions: [],
        },
      ],
    },
    {
      name: "DO block",
      filename: "migrations/20240101_add_index.js",
      code: "exports.config = { transaction: false };\nexports.up = (knex) => knex.raw(`DO $$ BEGIN CREATE INDEX CONCURRENTLY users_email_idx ON users (email); END $$`);",
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "a `DO` block runs as one", advice: "Run it as a statement of its own, outside the `DO` block" },
          line: 2, column: 46, endLine: 2, endColumn: 87,
          suggestions: [],
        },
      ],
    },
    {
      name: "shared setting makes a file a migration",
      filename: "db/changes/001.js",
      code: `exports.config = { transaction: false };
exports.up = (knex) => knex.raw('CREATE INDEX users_email_idx ON users (email)');`,
      settings: {"guardrails": {"migrations": ["db/changes/**"]}},
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX users_email_idx", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 2, column: 34, endLine: 2, endColumn: 62,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');` },
          ],
        },
      ],
    },
    {
      name: "constant SQL reported once at its declaration",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
const SQL = 'CREATE INDEX users_email_idx ON users (email)';
exports.up = async (knex) => {
  await knex.raw(SQL);
};`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX users_email_idx", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 2, column: 14, endLine: 2, endColumn: 42,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
const SQL = 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email)';
exports.up = async (knex) => {
  await knex.raw(SQL);
};` },
          ],
        },
      ],
    },
    {
      name: "index created in up is not a new table in down",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = (knex) => knex.schema.createTable('audit', (t) => t.increments());
exports.down = (knex) => knex.raw('CREATE INDEX audit_id_idx ON audit (id)');`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX audit_id_idx", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 3, column: 36, endLine: 3, endColumn: 61,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.config = { transaction: false };
exports.up = (knex) => knex.schema.createTable('audit', (t) => t.increments());
exports.down = (knex) => knex.raw('CREATE INDEX CONCURRENTLY audit_id_idx ON audit (id)');` },
          ],
        },
      ],
    },
    {
      name: "knex transaction callback",
      filename: "migrations/20240101_add_index.js",
      code: `exports.config = { transaction: false };
exports.up = (knex) => knex.transaction(async (trx) => {
  await trx.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
});`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "it runs inside a `transaction(…)` callback", advice: "Run it outside the transaction callback" },
          line: 3, column: 18, endLine: 3, endColumn: 59,
          suggestions: [],
        },
      ],
    },
    {
      name: "TypeORM startTransaction before it",
      filename: "migrations/20240101_add_index.ts",
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class X1 implements MigrationInterface {
  transaction = false;
  async up(queryRunner: QueryRunner) {
    await queryRunner.startTransaction();
    await queryRunner.query('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
    await queryRunner.commitTransaction();
  }
}`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "an earlier `startTransaction()` opened one", advice: "Run it before `startTransaction()` or after `commitTransaction()`" },
          line: 6, column: 30, endLine: 6, endColumn: 71,
          suggestions: [],
        },
      ],
    },
    {
      name: "knex detected from a JSDoc import type",
      filename: "migrations/20240101_add_index.js",
      code: `/**
 * @param { import("knex").Knex } db
 */
exports.up = function (db) {
  return db.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 5, column: 18, endLine: 5, endColumn: 59,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "exports.config = { transaction: false };" }, output: `/**
 * @param { import("knex").Knex } db
 */
exports.up = function (db) {
  return db.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
};

exports.config = { transaction: false };` },
          ],
        },
      ],
    },
    {
      name: "runner option names the runner",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = function (db) {
  return db.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
};`,
      options: [{"runner": "knex"}],
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 2, column: 18, endLine: 2, endColumn: 59,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "exports.config = { transaction: false };" }, output: `exports.up = function (db) {
  return db.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
};

exports.config = { transaction: false };` },
          ],
        },
      ],
    },
    {
      name: "knex module.exports with one property per line",
      filename: "migrations/20240101_add_index.js",
      code: `module.exports = {
  up(knex) {
    return knex.raw('DROP INDEX CONCURRENTLY users_email_idx');
  },
  down() {},
};`,
      output: null,
      errors: [
        {
          messageId: "concurrentlyInTransaction",
          data: { statement: "DROP INDEX CONCURRENTLY users_email_idx", reason: "knex runs each migration in one", advice: "Export `config = { transaction: false }` from this migration" },
          line: 3, column: 22, endLine: 3, endColumn: 61,
          suggestions: [
            { messageId: "disableTransaction", data: { marker: "config: { transaction: false }" }, output: `module.exports = {
  config: { transaction: false },
  up(knex) {
    return knex.raw('DROP INDEX CONCURRENTLY users_email_idx');
  },
  down() {},
};` },
          ],
        },
      ],
    },
    {
      name: "espree: knex migration in plain JS",
      filename: "migrations/20240101_add_index.js",
      code: `exports.up = function (knex) {
  return knex.schema.alterTable('users', function (table) {
    table.index('email');
  });
};
exports.down = (knex) => knex.raw('DROP INDEX users_email_idx');`,
      languageOptions: { parser: espree },
      output: null,
      errors: [
        {
          messageId: "builderCannotConcurrently",
          data: { call: "table.index", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 3, column: 5, endLine: 3, endColumn: 16,
          suggestions: [],
        },
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "DROP INDEX users_email_idx", concurrent: "DROP INDEX CONCURRENTLY" },
          line: 6, column: 36, endLine: 6, endColumn: 62,
          suggestions: [
            { messageId: "insertConcurrently", output: `exports.up = function (knex) {
  return knex.schema.alterTable('users', function (table) {
    table.index('email');
  });
};
exports.down = (knex) => knex.raw('DROP INDEX CONCURRENTLY users_email_idx');` },
          ],
        },
      ],
    },
    {
      name: "espree: Sequelize in plain JS",
      filename: "migrations/20240101_add_index.js",
      code: `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addIndex('users', ['email'], { unique: true });
  },
};`,
      languageOptions: { parser: espree },
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "queryInterface.addIndex", concurrent: "concurrently: true" },
          line: 3, column: 11, endLine: 3, endColumn: 34,
          suggestions: [
            { messageId: "addConcurrentlyOption", output: `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addIndex('users', ['email'], { concurrently: true, unique: true });
  },
};` },
          ],
        },
      ],
    },
    {
      name: "Kysely sql tag",
      filename: "migrations/20240101_add_index.ts",
      code: "import { Kysely, sql } from 'kysely';\nexport async function up(db: Kysely<any>): Promise<void> {\n  await sql`CREATE INDEX users_email_idx ON users (email)`.execute(db);\n}",
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "CREATE INDEX users_email_idx", concurrent: "CREATE INDEX CONCURRENTLY" },
          line: 3, column: 13, endLine: 3, endColumn: 41,
          suggestions: [
            { messageId: "insertConcurrently", output: "import { Kysely, sql } from 'kysely';\nexport async function up(db: Kysely<any>): Promise<void> {\n  await sql`CREATE INDEX CONCURRENTLY users_email_idx ON users (email)`.execute(db);\n}" },
          ],
        },
      ],
    },
    {
      name: "plain pg client in a migration folder (no runner)",
      filename: "db/migrations/003_drop.ts",
      code: `import { Client } from 'pg';
export async function run(client: Client) {
  await client.query('DROP INDEX users_email_idx');
  await client.query('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
}`,
      output: null,
      errors: [
        {
          messageId: "indexWithoutConcurrently",
          data: { statement: "DROP INDEX users_email_idx", concurrent: "DROP INDEX CONCURRENTLY" },
          line: 3, column: 23, endLine: 3, endColumn: 49,
          suggestions: [
            { messageId: "insertConcurrently", output: `import { Client } from 'pg';
export async function run(client: Client) {
  await client.query('DROP INDEX CONCURRENTLY users_email_idx');
  await client.query('CREATE INDEX CONCURRENTLY users_name_idx ON users (name)');
}` },
          ],
        },
      ],
    },
  ],
});

// The constraint and partition hazards of issue 11 (the PostgreSQL side is proven in
// tests/pg/hazards.test.ts). One case per runner shape.
ruleTester.run('require-concurrent-index: constraints and partitions', rule, {
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
