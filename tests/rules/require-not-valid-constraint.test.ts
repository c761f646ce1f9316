import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-not-valid-constraint';

// One suite per runner shape (knex, node-pg-migrate, TypeORM, Sequelize, MikroORM,
// Kysely): raw SQL through each runner's SQL calls and the runner's own builders.
// Files under `migrations/` are migrations by default. Every invalid case pins the
// message data, the full location and every suggestion (migrations are never autofixed).
// What PostgreSQL does for each hazard is proven in tests/pg/hazards.test.ts.
const ruleTester = new RuleTester();

ruleTester.run('require-not-valid-constraint', rule, {
  valid: [
    {
      // Found linting outline/outline: `defaultValue: null` is no default, so PostgreSQL checks no row.
      name: "Sequelize addColumn with references and defaultValue null",
      filename: "migrations/20220328215615-add-shareId-to-search-queries.js",
      code: `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn('search_queries', 'shareId', { type: Sequelize.UUID, defaultValue: null, allowNull: true, references: { model: 'shares', key: 'id' } });
    await queryInterface.sequelize.query('ALTER TABLE search_queries ADD COLUMN "teamId" uuid DEFAULT NULL REFERENCES teams (id)');
  },
};`,
    },
    {
      name: "knex: NOT VALID, validated in a later migration",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID');
}`,
    },
    {
      name: "knex: VALIDATE on its own",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk');
}`,
    },
    {
      name: "ADD COLUMN … REFERENCES without a default (PostgreSQL reads no rows)",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN team_id int REFERENCES teams (id)');
}`,
    },
    {
      name: "constraints on a table created earlier in the step",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE TABLE teams (id int PRIMARY KEY, owner_id int)');
  await knex.raw('ALTER TABLE teams ADD CONSTRAINT teams_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id)');
}`,
    },
    {
      name: "knex without a transaction: VALIDATE runs in its own",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk');
}`,
    },
    {
      name: "Sequelize: VALIDATE in its own query (no transaction)",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('ALTER TABLE users ADD CONSTRAINT c CHECK (age >= 0) NOT VALID');
    await queryInterface.sequelize.query('ALTER TABLE users VALIDATE CONSTRAINT c');
  },
};`,
    },
  ],
  invalid: [
    {
      name: "knex: FOREIGN KEY and CHECK without NOT VALID",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id)');
  await knex.raw(\`alter table users add constraint users_age_check check (age >= 0)\`);
}`,
      errors: [
        {
          messageId: "missingNotValid",
          data: {"statement":"ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 115,
          suggestions: [
            { messageId: "addNotValid", output: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID');
  await knex.raw(\`alter table users add constraint users_age_check check (age >= 0)\`);
}` },
          ],
        },
        {
          messageId: "missingNotValid",
          data: {"statement":"alter table users add constraint users_age_check check","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 84,
          suggestions: [
            { messageId: "addNotValid", output: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id)');
  await knex.raw(\`alter table users add constraint users_age_check check (age >= 0) not valid\`);
}` },
          ],
        },
      ],
    },
    {
      name: "knex: the same in down",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_parent_fk');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id)');
}`,
      errors: [
        {
          messageId: "missingNotValid",
          data: {"statement":"ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 115,
          suggestions: [
            { messageId: "addNotValid", output: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_parent_fk');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID');
}` },
          ],
        },
      ],
    },
    {
      name: "ADD COLUMN … DEFAULT … REFERENCES",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN team_id int DEFAULT 1 REFERENCES teams (id)');
}`,
      errors: [
        {
          messageId: "columnConstraintScans",
          data: {"statement":"ALTER TABLE users ADD COLUMN team_id","table":"users","constraint":"foreign key"},
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 91,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "knex: VALIDATE in the transaction of its ADD NOT VALID",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk');
}`,
      errors: [
        {
          messageId: "validateInSameTransaction",
          data: {"statement":"ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk","table":"users","lock":"SHARE ROW EXCLUSIVE"},
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 72,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "one string: ADD NOT VALID; VALIDATE",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('ALTER TABLE users ADD CONSTRAINT c CHECK (age >= 0) NOT VALID; ALTER TABLE users VALIDATE CONSTRAINT c;');
  },
};`,
      errors: [
        {
          messageId: "validateInSameTransaction",
          data: {"statement":"ALTER TABLE users VALIDATE CONSTRAINT c","table":"users","lock":"ACCESS EXCLUSIVE"},
          line: 3,
          column: 124,
          endLine: 3,
          endColumn: 145,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "knex builders: foreign() and references() in alterTable",
      filename: "migrations/20240101_change.ts",
      code: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.foreign('parent_id').references('parents.id');
    table.integer('team_id').references('id').inTable('teams');
    table.check('?? >= 0', ['age'], 'users_age_check');
  });
}`,
      errors: [
        {
          messageId: "builderCannotNotValid",
          data: {"call":"table.foreign","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 18,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"table.integer().references","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 18,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"table.check","constraint":"CHECK constraint","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 16,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Sequelize addConstraint foreign key and check, addColumn with a default reference",
      filename: "migrations/20240101-change.js",
      code: `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addConstraint('users', { fields: ['parent_id'], type: 'foreign key', references: { table: 'parents', field: 'id' } });
    await queryInterface.addConstraint('users', { fields: ['age'], type: 'check', where: { age: { [Sequelize.Op.gte]: 0 } } });
    await queryInterface.addColumn('users', 'team_id', { type: Sequelize.INTEGER, defaultValue: 1, references: { model: 'teams', key: 'id' } });
    await queryInterface.addColumn('users', 'org_id', { type: Sequelize.INTEGER, references: { model: 'orgs', key: 'id' } });
  },
};`,
      errors: [
        {
          messageId: "builderCannotNotValid",
          data: {"call":"queryInterface.addConstraint","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 39,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"queryInterface.addConstraint","constraint":"CHECK constraint","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 39,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"queryInterface.addColumn","constraint":"foreign key","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 35,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "TypeORM createForeignKey(s) and createCheckConstraint",
      filename: "migrations/20240101_change.ts",
      code: `import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableUnique, TableCheck } from 'typeorm';

export class AddFks1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createForeignKey('users', new TableForeignKey({ columnNames: ['parent_id'], referencedTableName: 'parents', referencedColumnNames: ['id'] }));
    await queryRunner.createForeignKeys('users', []);
    await queryRunner.createCheckConstraint('users', new TableCheck({ expression: 'age >= 0' }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}`,
      errors: [
        {
          messageId: "builderCannotNotValid",
          data: {"call":"queryRunner.createForeignKey","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 39,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"queryRunner.createForeignKeys","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 40,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"queryRunner.createCheckConstraint","constraint":"CHECK constraint","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 44,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "node-pg-migrate addConstraint and addColumns references",
      filename: "migrations/20240101_change.ts",
      code: `import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.addConstraint('users', 'users_parent_fk', { foreignKeys: { columns: 'parent_id', references: 'parents' } });
  pgm.addConstraint('users', 'users_age_check', { check: 'age >= 0' });
  pgm.addConstraint('users', 'users_team_fk', 'FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID');
  pgm.addColumns('users', { org_id: { type: 'integer', references: 'orgs' }, region_id: { type: 'integer', default: 1, references: 'regions' } });
}`,
      errors: [
        {
          messageId: "builderCannotNotValid",
          data: {"call":"pgm.addConstraint","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 20,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"pgm.addConstraint","constraint":"CHECK constraint","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 20,
          suggestions: [
          ],
        },
        {
          messageId: "builderCannotNotValid",
          data: {"call":"pgm.addColumns","constraint":"foreign key","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 17,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "Kysely addForeignKeyConstraint and a raw CHECK",
      filename: "migrations/20240101_change.ts",
      code: `import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addForeignKeyConstraint('users_parent_fk', ['parent_id'], 'parents', ['id']).execute();
  await sql\`ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0)\`.execute(db);
}`,
      errors: [
        {
          messageId: "builderCannotNotValid",
          data: {"call":"alterTable().addForeignKeyConstraint","constraint":"foreign key","table":"users","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 62,
          suggestions: [
          ],
        },
        {
          messageId: "missingNotValid",
          data: {"statement":"ALTER TABLE users ADD CONSTRAINT users_age_check CHECK","table":"users","lock":"an ACCESS EXCLUSIVE","blocks":"blocks every read and write"},
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 78,
          suggestions: [
            { messageId: "addNotValid", output: `import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addForeignKeyConstraint('users_parent_fk', ['parent_id'], 'parents', ['id']).execute();
  await sql\`ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID\`.execute(db);
}` },
          ],
        },
      ],
    },
    {
      name: "MikroORM addSql foreign key",
      filename: "migrations/20240101_change.ts",
      code: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "users" add constraint "users_parent_id_foreign" foreign key ("parent_id") references "parents" ("id") on update cascade;');
  }
}`,
      errors: [
        {
          messageId: "missingNotValid",
          data: {"statement":"alter table \"users\" add constraint \"users_parent_id_foreign\" foreign key","table":"\"users\"","lock":"a SHARE ROW EXCLUSIVE","blocks":"blocks every write"},
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 150,
          suggestions: [
            { messageId: "addNotValid", output: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "users" add constraint "users_parent_id_foreign" foreign key ("parent_id") references "parents" ("id") on update cascade not valid;');
  }
}` },
          ],
        },
      ],
    },
  ],
});
