import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-table-rewrite';
import { rewriteHazard } from '../../src/migration/hazards/no-table-rewrite';

// Builder forms per runner, and the SQL forms once a host feeds the model.
// Every invalid case pins the message data and the full location; no fixes.
const ruleTester = new RuleTester();
const ADVICE = rewriteHazard('alter-column-type').advice;

function sql(statement: string, table: string, cause: string, hazard: Parameters<typeof rewriteHazard>[0], line: number, column: number, endColumn: number) {
  return {
    messageId: 'tableRewrite' as const,
    data: { statement, table, cause, advice: rewriteHazard(hazard).advice },
    line,
    column,
    endLine: line,
    endColumn,
  };
}

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
    {
      name: 'SQL: a stable default (now()) is stored, not written per row (PostgreSQL 11+)',
      filename: 'migrations/20240101_created_at.js',
      code: `exports.up = (knex) => knex.raw('ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()');`,
    },
    {
      name: 'SQL: a virtual generated column (PostgreSQL 18 default) on 18',
      filename: 'migrations/20240101_gen.js',
      settings: { guardrails: { postgresVersion: 18 } },
      code: `exports.up = (pgm) => { pgm.sql('ALTER TABLE users ADD COLUMN lower_email text GENERATED ALWAYS AS (lower(email))'); };`,
    },
    {
      name: 'SQL: a table created earlier in the same string',
      filename: 'migrations/20240101_new.js',
      code: `exports.up = (knex) => knex.raw('CREATE TABLE audit (id int); ALTER TABLE audit ADD COLUMN n bigserial, ALTER COLUMN id TYPE bigint');`,
    },
    {
      name: 'SQL: plain VACUUM and SET DEFAULT on an existing column',
      filename: 'migrations/20240101_vacuum.js',
      code: `exports.up = async (knex) => { await knex.raw('VACUUM users'); await knex.raw('ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid()'); };`,
    },
    {
      name: 'SQL: varchar(n) widening with assumeWidening',
      filename: 'migrations/20240101_widen.js',
      options: [{ assumeWidening: true }],
      code: `exports.up = (knex) => knex.raw('ALTER TABLE users ALTER COLUMN email TYPE varchar(500)');`,
    },
    {
      name: 'Sequelize: changeColumn that keeps the type its down() restores (a nullability change; found in outline)',
      filename: 'migrations/20160911230444-user-optional-slack-id.js',
      code: `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn('users', 'slackId', { type: Sequelize.STRING, unique: false, allowNull: true });
  },
  down: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn('users', 'slackId', { type: Sequelize.STRING, unique: true, allowNull: false });
  },
};`,
    },
  ],
  invalid: [
    {
      name: 'knex: .alter() widening in up() is in place (the old length is in down()); narrowing back in down() rewrites',
      filename: 'migrations/20240101_widen_known.js',
      code: `exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('email', 500).alter(); });
exports.down = (knex) => knex.schema.alterTable('users', (t) => { t.string('email', 255).alter(); });`,
      errors: [builder('t.string(…).alter', 'email', 'users', 2, 90, 95)],
    },
    {
      name: 'Sequelize: changeColumn whose down() restores another type (both directions rewrite)',
      filename: 'migrations/20240101000000-bigint.js',
      code: `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn('users', 'age', { type: Sequelize.BIGINT });
  },
  down: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn('users', 'age', { type: Sequelize.INTEGER });
  },
};`,
      errors: [builder('queryInterface.changeColumn', 'age', 'users', 3, 26, 38), builder('queryInterface.changeColumn', 'age', 'users', 6, 26, 38)],
    },
    {
      name: 'knex.raw: volatile default and a type change in one ALTER TABLE',
      filename: 'migrations/20240101_token.js',
      code: `exports.up = (knex) => knex.raw('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(), ALTER COLUMN age TYPE bigint');`,
      errors: [
        sql('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()', 'users', 'the volatile default `gen_random_uuid()` (evaluated per row)', 'add-column-volatile-default', 1, 52, 99),
        sql('ALTER TABLE users ALTER COLUMN age TYPE bigint', 'users', 'the type change to `bigint`', 'alter-column-type', 1, 101, 129),
      ],
    },
    {
      name: 'node-pg-migrate pgm.sql: serial and identity columns',
      filename: 'migrations/1700000000000_ids.js',
      code: `exports.up = (pgm) => {
  pgm.sql('ALTER TABLE orders ADD COLUMN n bigserial');
  pgm.sql('ALTER TABLE orders ADD COLUMN m bigint GENERATED ALWAYS AS IDENTITY');
};`,
      errors: [
        sql('ALTER TABLE orders ADD COLUMN n bigserial', 'orders', 'the `bigserial` column (its `nextval()` default runs per row)', 'add-serial-column', 2, 31, 53),
        sql('ALTER TABLE orders ADD COLUMN m bigint GENERATED ALWAYS AS IDENTITY', 'orders', 'the identity column (every row gets a value)', 'add-identity-column', 3, 31, 79),
      ],
    },
    {
      name: 'TypeORM queryRunner.query: stored generated column and SET UNLOGGED',
      filename: 'src/migrations/1700000000000-Gen.ts',
      code: `import { MigrationInterface, QueryRunner } from 'typeorm';
export class Gen1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "user" ADD "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "name")) STORED\`);
    await queryRunner.query(\`ALTER TABLE "log" SET UNLOGGED\`);
  }
  public async down(): Promise<void> {}
}`,
      errors: [
        sql(`ALTER TABLE "user" ADD "search" tsvector GENERATED ALWAYS AS (to_tsvector('engl…`, '"user"', 'the stored generated column', 'add-stored-generated-column', 4, 49, 130),
        sql('ALTER TABLE "log" SET UNLOGGED', '"log"', '`SET UNLOGGED`', 'set-logged', 5, 48, 60),
      ],
    },
    {
      name: 'Sequelize queryInterface.sequelize.query: VACUUM FULL and CLUSTER',
      filename: 'migrations/20240101000000-compact.js',
      code: `module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('VACUUM FULL "Users"');
    await queryInterface.sequelize.query('CLUSTER "Users" USING "Users_pkey"');
  },
};`,
      errors: [
        sql('VACUUM FULL "Users"', '"Users"', 'a full compaction', 'vacuum-full', 3, 43, 62),
        sql('CLUSTER "Users" USING "Users_pkey"', '"Users"', 'the reordering by an index', 'cluster', 4, 43, 77),
      ],
    },
    {
      name: 'Kysely sql tag: clock_timestamp() default',
      filename: 'src/migrations/2024-01-01-seen.ts',
      code: `import { Kysely, sql } from 'kysely';
export async function up(db: Kysely<any>) {
  await sql\`ALTER TABLE person ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp()\`.execute(db);
}`,
      errors: [sql('ALTER TABLE person ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp()', 'person', 'the volatile default `clock_timestamp()` (evaluated per row)', 'add-column-volatile-default', 3, 32, 88)],
    },
    {
      name: 'MikroORM addSql: a type change',
      filename: 'src/migrations/Migration20240101000000.ts',
      code: `import { Migration } from '@mikro-orm/migrations';
export class Migration20240101000000 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "book" alter column "price" type numeric(10,3) using ("price"::numeric(10,3));');
  }
}`,
      errors: [
        {
          messageId: 'typeChangeMaybeRewrite' as const,
          data: { statement: 'alter table "book" alter column "price" type numeric(10,3) using ("price"::nume…', table: '"book"', cause: 'the type change to `numeric(10,3)`', advice: ADVICE },
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 107,
        },
      ],
    },
    {
      name: 'PostgreSQL 10: any non-null default rewrites',
      filename: 'migrations/20240101_flag.js',
      settings: { guardrails: { postgresVersion: 10 } },
      code: `exports.up = (knex) => knex.raw('ALTER TABLE users ADD COLUMN flag boolean NOT NULL DEFAULT false');`,
      errors: [
        {
          messageId: 'tableRewrite' as const,
          data: {
            statement: 'ALTER TABLE users ADD COLUMN flag boolean NOT NULL DEFAULT false',
            table: 'users',
            cause: 'the default `false` (before PostgreSQL 11 every default is written to every row)',
            advice: rewriteHazard('add-column-default-before-11').advice,
          },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 98,
        },
      ],
    },
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
