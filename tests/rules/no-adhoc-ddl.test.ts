import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import path from 'node:path';
import rule from '../../src/rules/no-adhoc-ddl';

const testedRule = rule;

// Every invalid case pins message data and the full location: the statement's
// head inside the string when it can be located, else the expression. The rule
// has no autofix and no suggestions (there is no safe rewrite of a schema change).
// Filenames are relative to the tester's cwd, which is what migration globs match.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  defaultFilenames: { ts: 'scripts/x.ts', tsx: 'apps/web/page.tsx' },
});

ruleTester.run('no-adhoc-ddl', testedRule, {
  valid: [
    {
      name: "prose",
      code: `const a = 'Create table of contents';
const b = 'Drop database connection and retry';
const c = 'Truncate text to 20 characters';
const d = 'Comment on this post';`,
    },
    {
      name: "test and fixture folders: expected SQL and parser input are data",
      filename: "test/dialects/postgres.js",
      code: `const { equal } = require('node:assert');
equal(compile(table), 'CREATE TABLE users (id int)');
const input = 'DROP TABLE users';`,
    },
    {
      name: "fixtures folder",
      filename: "packages/parser/__fixtures__/schema.ts",
      code: `export const schema = 'CREATE TABLE users (id int); CREATE INDEX users_id ON users (id)';`,
    },
    {
      name: "tests folder",
      filename: "tests/integration/setup.ts",
      code: `export const ddl = \`ALTER TABLE users ADD COLUMN email text\`;`,
    },
    {
      name: "assertion arguments outside test files",
      code: `import assert from 'node:assert';
assert.equal(render(q), 'DROP TABLE users');
t.deepEqual(lines, ['CREATE TABLE a (id int)']);
expect(sql\`CREATE TABLE a (id int)\`).toBeDefined();
expect(out).toBe('ALTER TABLE users ADD COLUMN x int');`,
    },
    {
      name: "ORM metadata in decorator options is not run",
      filename: "src/entities/user.ts",
      code: `@Entity()
@Index('users_email_lower', { synchronize: false, expression: 'CREATE INDEX "users_email_lower" ON "users" (lower("email"))' })
@Check('CHECK (age > 0)')
export class User {}`,
    },
    {
      name: "builders rendered to text are not run",
      code: `declare const knex: any;
const text = knex.schema.createTable('audit', (t) => { t.increments(); }).toString();
const { sql } = knex.raw('CREATE TABLE audit (id int)').toSQL();
const q = knex.schema.dropTable('audit').toQuery();`,
    },
    {
      name: "CREATE/DROP DATABASE are not schema changes by default",
      code: `declare const db: any;
await db.query('CREATE DATABASE app_test');
await db.query('DROP DATABASE IF EXISTS app_test');`,
    },
    {
      name: "prose in a weak sink",
      code: `search.query('Drop table users');
search.query('Create index on homepage');`,
    },
    {
      name: "UI labels",
      code: `const label = 'Drop table users';
const menu = { label: 'DROP TABLE users', title: 'CREATE TABLE users (id int)' };`,
    },
    {
      name: "logs",
      code: `console.log('CREATE TABLE users (id int)');
logger.info(\`ALTER TABLE \${t} ADD COLUMN x int\`);
this.log.warn('DROP TABLE users');
process.stderr.write('DROP TABLE users');`,
    },
    {
      name: "errors",
      code: `throw new Error('ALTER TABLE users ADD COLUMN age int failed');
throw new DatabaseError(\`DROP TABLE \${name}\`);
throw 'DROP TABLE users';`,
    },
    {
      name: "test names",
      code: `describe('ALTER TABLE users ADD COLUMN age int', () => {
  it('DROP TABLE users', () => {});
  test.each([1])('TRUNCATE users %s', () => {});
});`,
      filename: "tests/users.test.ts",
    },
    {
      // Found linting Outline: an injection payload in a request body is test data, never run.
      name: "SQL-looking data in a test file, reaching no sink",
      code: `it('rejects unknown filters', async () => {
  const res = await server.post('/api/documents.search', { body: { dateFilter: 'DROP TABLE students;' } });
  const payloads = ['TRUNCATE users', "'; DROP TABLE users; --"];
});`,
      filename: "server/routes/api/documents/documents.test.ts",
    },
    {
      name: "SQL-looking data under __tests__, reaching no sink",
      code: `export const payload = 'DROP TABLE users';`,
      filename: "src/__tests__/fixtures.ts",
    },
    {
      name: "JSX text and attributes",
      code: `const el = <button title="DROP TABLE users" aria-label={'TRUNCATE users'}>DROP TABLE users</button>;`,
      filename: "apps/web/page.tsx",
    },
    {
      name: "incomplete DDL away from a sink",
      code: `const a = 'DROP TABLE';
const b = \`CREATE TABLE \${name}\`;
const c = 'GRANT admin TO alice';
const d = \`DROP TABLE \${name}\`;
const e = \`TRUNCATE \${name}\`;`,
    },
    {
      name: "DML and session statements",
      code: `await db.query('SELECT * FROM users WHERE id = $1', [id]);
await db.query('INSERT INTO users (name) VALUES (?)', [n]);
await db.query('UPDATE users SET name = :name');
await db.query('DELETE FROM users');
await db.query('SET search_path TO app');
await db.query('VACUUM ANALYZE users');
await db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY mv');
await db.query('LOCK TABLE users IN SHARE MODE');
await db.query('LISTEN changes');`,
    },
    {
      name: "DDL words in strings, comments, identifiers and bind parameters",
      code: `await db.query("SELECT 'DROP TABLE users' AS s, create_table, \\"drop\\" FROM jobs -- DROP TABLE jobs");
await db.query('SELECT $$ALTER TABLE x ADD c int$$ /* TRUNCATE x */');
await db.query('SELECT * FROM t WHERE kind = :drop');`,
    },
    {
      name: "SELECT INTO a variable inside DO",
      code: `await db.query(\`DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM t; END $$\`);`,
    },
    {
      name: "MySQL SELECT INTO @var",
      code: `await connection.query('SELECT id INTO @x FROM users');`,
    },
    {
      name: "temp tables by default",
      code: `await db.query('CREATE TEMP TABLE t (id int)');
await db.query('CREATE TEMPORARY TABLE t AS SELECT 1');
await db.query('SELECT * INTO TEMP t FROM users');
await db.query('DROP TEMPORARY TABLE t');`,
    },
    {
      name: "GraphQL",
      code: `const Q = gql\`mutation { createTable(input: { name: "x" }) { id } }\`;
await client.query({ query: gql\`mutation DropTable { dropTable(id: 1) }\` });`,
    },
    {
      name: "styled and css templates",
      code: `const C = styled.div\`content: 'DROP TABLE users';\`;
const s = css\`/* CREATE TABLE t (id int) */\`;`,
    },
    {
      name: "introspection and synchronize: false",
      code: `await knex.schema.hasTable('users');
await knex.schema.hasColumn('users', 'age');
new DataSource({ synchronize: false });
await knex.schema.refreshMaterializedView('mv');`,
    },
    {
      name: "not schema APIs",
      code: `_.truncate('long text', { length: 5 });
string.truncate();
await git.sync('main');
fs.sync;`,
    },
    {
      name: "other packages",
      code: `import { exec } from 'child_process';
import cp from 'node:child_process';
cp.exec('psql -c "DROP TABLE users"');
exec('echo CREATE TABLE');`,
    },
    {
      name: "allow option",
      code: `await db.query('TRUNCATE t');
await db.query('GRANT SELECT ON t TO app');`,
      options: [{"allow":["TRUNCATE","GRANT"]}],
    },
    {
      name: "schemaApis: false",
      code: `await knex.schema.createTable('t', () => {});
await sequelize.sync();`,
      options: [{"schemaApis":false}],
    },
    {
      name: "migrations folder",
      code: `await db.query('DROP TABLE t');
await knex.schema.dropTable('t');`,
      filename: "infra/migrations/versions/029_x.ts",
    },
    {
      // The migration check runs on the first candidate, whichever listener meets it first.
      name: "migrations folder: lone strings, templates, tags and constructors",
      code: `const up = 'DROP TABLE t';
const down = \`ALTER TABLE \${table} DROP COLUMN x\`;
await sql\`CREATE INDEX ix ON t (x)\`;
export const ds = new DataSource({ type: 'postgres', synchronize: true });
await db.query('DROP TABLE u');`,
      filename: "infra/migrations/versions/030_x.ts",
    },
    {
      name: "migrations folder: a constructor first",
      code: `export const ds = new DataSource({ type: 'postgres', synchronize: true });
const up = 'DROP TABLE t';`,
      filename: "db/migrations/031_x.ts",
    },
    {
      name: "migrations folder: a template first",
      code: `const down = \`DROP TABLE \${table}\`;
await db.query(down);`,
      filename: "db/migrations/032_x.ts",
    },
    {
      name: "db/migrate folder",
      code: `await db.query('DROP TABLE t');`,
      filename: "db/migrate/20240101_drop.ts",
    },
    {
      name: "drizzle folder",
      code: `await db.execute(sql\`DROP TABLE t\`);`,
      filename: "drizzle/0001_init.ts",
    },
    {
      name: "migrations option",
      code: `await db.query('DROP TABLE t');`,
      filename: "db/changes/001.ts",
      options: [{"migrations":["db/changes/**"]}],
    },
    {
      name: "settings.guardrails.migrations",
      code: `await db.query('DROP TABLE t');`,
      filename: "schema/changes/001.ts",
      settings: {"guardrails":{"migrations":["schema/changes/**"]}},
    },
    {
      name: "absolute filename inside the working directory",
      code: `await db.query('DROP TABLE t');`,
      filename: path.join(process.cwd(), 'infra/migrations/versions/029_x.ts'),
    },
    {
      name: "comparisons are not runs",
      code: `if (statement === 'DROP TABLE users') skip();
switch (statement) {
  case 'TRUNCATE audit_log':
    break;
}
if (text.startsWith('ALTER TABLE users ADD COLUMN')) warn();
const KNOWN = 'CREATE TABLE users (id int)';
if (input.trim() === KNOWN) skip();`,
    },
    {
      name: "allow covers schema-API calls of the same kind",
      code: `await knex('users').truncate();
await queryRunner.clearTable('users');
await knex.schema.createTable('t', () => {});`,
      options: [{ allow: ['TRUNCATE', 'CREATE TABLE'] }],
    },
    {
      name: "a constant used only for people",
      code: `const message = 'CREATE TABLE users (id int)';
logger.info(message);
throw new Error(message);`,
    },
  ],
  invalid: [
    {
      name: "one report per statement whatever the number of ?? variants",
      code: `declare const db: any, s: string | undefined;
await db.query(\`CREATE TABLE \${s ?? 'public'}.users (id int)\`);`,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE ${…}.users", migrations: "migrations/" }, line: 2, column: 17, endLine: 2, endColumn: 29 },
      ],
    },
    {
      name: "a query run inside an assertion still runs",
      filename: "test/users.test.ts",
      code: `declare const db: any;
expect(await db.query('DROP TABLE users')).toBeDefined();
await expect(knex.schema.dropTable('users')).resolves.toBeUndefined();`,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE users", migrations: "migrations/" }, line: 2, column: 24, endLine: 2, endColumn: 40 },
        { messageId: 'schemaApi', data: { api: "knex.schema.dropTable", migrations: "migrations/" }, line: 3, column: 26, endLine: 3, endColumn: 35 },
      ],
    },
    {
      name: "CREATE/DROP DATABASE with databaseStatements: true",
      code: `declare const db: any;
await db.query('CREATE DATABASE app_test');`,
      options: [{ databaseStatements: true }],
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE DATABASE app_test", migrations: "migrations/" }, line: 2, column: 17, endLine: 2, endColumn: 41 },
      ],
    },
    {
      name: "a test helper running DDL through a sink is still reported",
      code: `import { sequelize } from '../db';
it('starts clean', async () => {
  await sequelize.query('TRUNCATE TABLE teams, users RESTART IDENTITY CASCADE');
});`,
      filename: "server/routes/api/installation/installation.test.ts",
      errors: [
        {
          messageId: "adhocDdl",
          data: { statement: "TRUNCATE teams", migrations: "migrations/" },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 46,
        },
      ],
    },
    {
      name: "a constant used for people and elsewhere",
      code: `const q = 'CREATE TABLE users (id int)';
logger.info(q);
await run(q);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE users", migrations: "migrations/" }, line: 1, column: 12, endLine: 1, endColumn: 30 },
      ],
    },
    {
      name: "formatting wrappers keep the statement",
      code: `await db.query(dedent\`
  ALTER TABLE users ADD c int
\`);
await db.query(\`DROP TABLE t\`.trim());`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 2, column: 3, endLine: 2, endColumn: 20 },
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "migrations/" }, line: 4, column: 17, endLine: 4, endColumn: 29 },
      ],
    },
    {
      name: "allow does not cover whole-schema sync",
      code: `await knex('users').truncate();
await sequelize.sync();`,
      options: [{ allow: ['TRUNCATE'] }],
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "sequelize.sync()", migrations: "migrations/" }, line: 2, column: 17, endLine: 2, endColumn: 21 },
      ],
    },
    {
      name: "an exported constant may be run elsewhere",
      code: `export const CREATE_USERS = 'CREATE TABLE users (id int)';
logger.info(CREATE_USERS);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE users", migrations: "migrations/" }, line: 1, column: 30, endLine: 1, endColumn: 48 },
      ],
    },
    {
      name: "an enum of statements",
      code: `enum Sql {
  CreateUsers = 'CREATE TABLE users (id int)',
}`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE users", migrations: "migrations/" }, line: 2, column: 18, endLine: 2, endColumn: 36 },
      ],
    },
    {
      name: "pg Client (import provenance)",
      code: `import { Client } from 'pg';
const client = new Client();
await client.query('ALTER TABLE users ADD COLUMN age int');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 3, column: 21, endLine: 3, endColumn: 38 },
      ],
    },
    {
      // Mixed case is reported only when it reaches a known SQL call: the import must be followed.
      name: "pg through TypeScript's import = require",
      code: `import pg = require('pg');
const pool = new pg.Pool();
await pool.query('Drop Table sessions');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE sessions", migrations: "migrations/" }, line: 3, column: 19, endLine: 3, endColumn: 38 },
      ],
    },
    {
      name: "pg Pool with a QueryConfig",
      code: `import pg from 'pg';
const pool = new pg.Pool();
await pool.query({ text: 'DROP TABLE sessions', values: [] });`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE sessions", migrations: "migrations/" }, line: 3, column: 27, endLine: 3, endColumn: 46 },
      ],
    },
    {
      name: "pg client from pool.connect()",
      code: `import { Pool } from 'pg';
const pool = new Pool();
const c = await pool.connect();
await c.query('CREATE INDEX ix_users_email ON users (email)');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE INDEX ix_users_email", migrations: "migrations/" }, line: 4, column: 16, endLine: 4, endColumn: 43 },
      ],
    },
    {
      name: "postgres.js tagged template under any name",
      code: `import postgres from 'postgres';
const pg = postgres(process.env.URL);
await pg\`ALTER TABLE users ADD COLUMN age int\`;`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 3, column: 10, endLine: 3, endColumn: 27 },
      ],
    },
    {
      name: "postgres.js sql.unsafe",
      code: `import postgres from 'postgres';
const sql = postgres();
await sql.unsafe('TRUNCATE audit_log');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "TRUNCATE audit_log", migrations: "migrations/" }, line: 3, column: 19, endLine: 3, endColumn: 37 },
      ],
    },
    {
      name: "@vercel/postgres sql tag",
      code: `import { sql } from '@vercel/postgres';
await sql\`CREATE TABLE pets (name text)\`;`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE pets", migrations: "migrations/" }, line: 2, column: 11, endLine: 2, endColumn: 28 },
      ],
    },
    {
      name: "Neon sql() call",
      code: `import { neon } from '@neondatabase/serverless';
const sql = neon(process.env.DATABASE_URL!);
await sql('DROP TABLE pets');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE pets", migrations: "migrations/" }, line: 3, column: 12, endLine: 3, endColumn: 27 },
      ],
    },
    {
      name: "slonik sql.unsafe tag",
      code: `import { createPool, sql } from 'slonik';
const pool = await createPool('');
await pool.query(sql.unsafe\`ALTER TABLE users DROP COLUMN age\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 3, column: 29, endLine: 3, endColumn: 46 },
      ],
    },
    {
      name: "knex raw",
      code: `import Knex from 'knex';
const k = Knex({});
await k.raw('ALTER TABLE users ADD COLUMN age int');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 3, column: 14, endLine: 3, endColumn: 31 },
      ],
    },
    {
      name: "knex schema.raw",
      code: `await knex.schema.raw('CREATE EXTENSION IF NOT EXISTS pgcrypto');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE EXTENSION pgcrypto", migrations: "migrations/" }, line: 1, column: 24, endLine: 1, endColumn: 63 },
      ],
    },
    {
      name: "Prisma $executeRaw tag",
      code: `await prisma.$executeRaw\`ALTER TABLE "User" ADD COLUMN age int\`;`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE \"User\"", migrations: "migrations/" }, line: 1, column: 26, endLine: 1, endColumn: 44 },
      ],
    },
    {
      name: "Prisma $executeRawUnsafe",
      code: `await prisma.$executeRawUnsafe('DROP TABLE "Post"');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE \"Post\"", migrations: "migrations/" }, line: 1, column: 33, endLine: 1, endColumn: 50 },
      ],
    },
    {
      name: "Prisma $queryRaw with Prisma.sql",
      code: `import { Prisma } from '@prisma/client';
await prisma.$queryRaw(Prisma.sql\`CREATE TABLE t (id int)\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 2, column: 35, endLine: 2, endColumn: 49 },
      ],
    },
    {
      name: "TypeORM dataSource.query",
      code: `await dataSource.query('ALTER TABLE users ADD COLUMN age int');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 1, column: 25, endLine: 1, endColumn: 42 },
      ],
    },
    {
      name: "TypeORM manager.query",
      code: `await this.manager.query('DROP INDEX idx_users');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP INDEX idx_users", migrations: "migrations/" }, line: 1, column: 27, endLine: 1, endColumn: 47 },
      ],
    },
    {
      name: "TypeORM queryRunner.query",
      code: `await queryRunner.query(\`CREATE UNIQUE INDEX ux ON users (email)\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE INDEX ux", migrations: "migrations/" }, line: 1, column: 26, endLine: 1, endColumn: 48 },
      ],
    },
    {
      name: "Sequelize query",
      code: `await sequelize.query('ALTER TABLE users ADD COLUMN age int');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 1, column: 24, endLine: 1, endColumn: 41 },
      ],
    },
    {
      name: "Drizzle db.execute(sql``)",
      code: `import { sql } from 'drizzle-orm';
await db.execute(sql\`ALTER TABLE users ADD COLUMN age int\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 2, column: 22, endLine: 2, endColumn: 39 },
      ],
    },
    {
      name: "Drizzle sql.raw",
      code: `import { sql } from 'drizzle-orm';
await db.execute(sql.raw('DROP TABLE users'));`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE users", migrations: "migrations/" }, line: 2, column: 27, endLine: 2, endColumn: 43 },
      ],
    },
    {
      name: "Kysely sql``.execute",
      code: `import { sql } from 'kysely';
await sql\`CREATE TABLE t (id int)\`.execute(db);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 2, column: 11, endLine: 2, endColumn: 25 },
      ],
    },
    {
      name: "MikroORM em.execute",
      code: `await em.execute('ALTER TABLE book ADD COLUMN isbn text');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE book", migrations: "migrations/" }, line: 1, column: 19, endLine: 1, endColumn: 35 },
      ],
    },
    {
      name: "mysql2 connection.query and execute",
      code: `import mysql from 'mysql2/promise';
const connection = await mysql.createConnection({});
await connection.query('RENAME TABLE a TO b');
await connection.execute('ALTER TABLE b ENGINE=InnoDB');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "RENAME TABLE a", migrations: "migrations/" }, line: 3, column: 25, endLine: 3, endColumn: 39 },
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE b", migrations: "migrations/" }, line: 4, column: 27, endLine: 4, endColumn: 40 },
      ],
    },
    {
      name: "better-sqlite3 exec and prepare",
      code: `import Database from 'better-sqlite3';
const store = new Database('app.db');
store.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
store.prepare('DROP TABLE t').run();`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 3, column: 13, endLine: 3, endColumn: 27 },
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "migrations/" }, line: 4, column: 16, endLine: 4, endColumn: 28 },
      ],
    },
    {
      name: "node:sqlite",
      code: `import { DatabaseSync } from 'node:sqlite';
const database = new DatabaseSync(':memory:');
database.exec('CREATE TABLE kv (k TEXT, v TEXT)');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE kv", migrations: "migrations/" }, line: 3, column: 16, endLine: 3, endColumn: 31 },
      ],
    },
    {
      name: "sqlite3 run",
      code: `db.run('ALTER TABLE t ADD COLUMN c TEXT');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE t", migrations: "migrations/" }, line: 1, column: 9, endLine: 1, endColumn: 22 },
      ],
    },
    {
      name: "libsql execute and batch",
      code: `import { createClient } from '@libsql/client';
const turso = createClient({ url: '' });
await turso.execute('CREATE TABLE t (id int)');
await turso.batch(['DROP TABLE a', { sql: 'DROP TABLE b', args: [] }]);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 3, column: 22, endLine: 3, endColumn: 36 },
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE a", migrations: "migrations/" }, line: 4, column: 21, endLine: 4, endColumn: 33 },
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE b", migrations: "migrations/" }, line: 4, column: 44, endLine: 4, endColumn: 56 },
      ],
    },
    {
      name: "Bun.sql",
      code: `await Bun.sql\`CREATE TABLE t (id int)\`;`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 1, column: 15, endLine: 1, endColumn: 29 },
      ],
    },
    {
      name: "bun sql import",
      code: `import { sql as q } from 'bun';
await q\`DROP TABLE t\`;`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "migrations/" }, line: 2, column: 9, endLine: 2, endColumn: 21 },
      ],
    },
    {
      name: "unknown object with a generic method (weak evidence)",
      code: `await thing.query('create table t (id int)');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 1, column: 20, endLine: 1, endColumn: 34 },
      ],
    },
    {
      name: "comments before the statement",
      code: `await db.query(\`
  -- add the column
  /* idempotent */
  ALTER TABLE users ADD COLUMN IF NOT EXISTS age int
\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 4, column: 3, endLine: 4, endColumn: 20 },
      ],
    },
    {
      name: "DDL as the second statement",
      code: `await db.query('SELECT 1; DROP TABLE users;');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE users", migrations: "migrations/" }, line: 1, column: 27, endLine: 1, endColumn: 43 },
      ],
    },
    {
      name: "lower case",
      code: `await db.query('alter table users add column age int');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 34 },
      ],
    },
    {
      name: "holes",
      code: `await db.query(\`ALTER TABLE \${table} ADD COLUMN \${column} jsonb\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE ${…}", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 28 },
      ],
    },
    {
      name: "concatenation",
      code: `await db.query('ALTER TABLE ' + table + ' ADD COLUMN age int');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE ${…}", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 28 },
      ],
    },
    {
      name: "join",
      code: `await db.query(['CREATE INDEX ix_age', 'ON users (age)'].join(' '));`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE INDEX ix_age", migrations: "migrations/" }, line: 1, column: 18, endLine: 1, endColumn: 37 },
      ],
    },
    {
      name: "constants through scope",
      code: `const DDL = 'ALTER TABLE users ADD COLUMN age int';
export async function up() {
  await db.query(DDL);
}`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 1, column: 14, endLine: 1, endColumn: 31 },
      ],
    },
    {
      name: "array elements that flow into a sink",
      code: `const STATEMENTS = ['CREATE TABLE a (id int)', 'CREATE INDEX ix ON a (id)'];
for (const statement of STATEMENTS) await pool.query(statement);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE a", migrations: "migrations/" }, line: 1, column: 22, endLine: 1, endColumn: 36 },
        { messageId: 'adhocDdl', data: { statement: "CREATE INDEX ix", migrations: "migrations/" }, line: 1, column: 49, endLine: 1, endColumn: 64 },
      ],
    },
    {
      name: "array.forEach into a sink",
      code: `const steps = [\`DROP VIEW v\`];
steps.forEach((s) => db.exec(s));`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP VIEW v", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 28 },
      ],
    },
    {
      name: "DO block",
      code: `await db.query(\`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
    CREATE TYPE mood AS ENUM ('sad', 'ok');
  END IF;
END $$;\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TYPE mood", migrations: "migrations/" }, line: 4, column: 5, endLine: 4, endColumn: 21 },
      ],
    },
    {
      name: "EXECUTE inside DO",
      code: `await db.query(\`DO $$ BEGIN EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' ADD c int'; END $$\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE ${…}", migrations: "migrations/" }, line: 1, column: 38, endLine: 1, endColumn: 49 },
      ],
    },
    {
      name: "EXECUTE with escaped quotes points at the SQL string",
      code: `await db.query("DO 'BEGIN EXECUTE ''DROP TABLE x''; END'");`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE x", migrations: "migrations/" }, line: 1, column: 20, endLine: 1, endColumn: 57 },
      ],
    },
    {
      name: "String.raw",
      code: `await db.query(String.raw\`CREATE TABLE t (re text DEFAULT '\\d+')\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 1, column: 27, endLine: 1, endColumn: 41 },
      ],
    },
    {
      name: "conditional picks either statement",
      code: `await db.query(force ? 'DROP TABLE t' : 'TRUNCATE t');`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "migrations/" }, line: 1, column: 25, endLine: 1, endColumn: 37 },
        { messageId: 'adhocDdl', data: { statement: "TRUNCATE t", migrations: "migrations/" }, line: 1, column: 42, endLine: 1, endColumn: 52 },
      ],
    },
    {
      name: "statement kinds",
      code: `await db.query(\`
  CREATE OR REPLACE VIEW v AS SELECT 1;
  CREATE MATERIALIZED VIEW mv AS SELECT 1;
  COMMENT ON TABLE users IS 'people';
  GRANT SELECT ON users TO app;
  REVOKE ALL ON users FROM app;
  SELECT * INTO archive FROM users;
  CREATE SCHEMA IF NOT EXISTS app;
  CREATE SEQUENCE s;
  CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql;
  CREATE ROLE reader;
\`);`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE VIEW v", migrations: "migrations/" }, line: 2, column: 3, endLine: 2, endColumn: 27 },
        { messageId: 'adhocDdl', data: { statement: "CREATE MATERIALIZED VIEW mv", migrations: "migrations/" }, line: 3, column: 3, endLine: 3, endColumn: 30 },
        { messageId: 'adhocDdl', data: { statement: "COMMENT ON TABLE users", migrations: "migrations/" }, line: 4, column: 3, endLine: 4, endColumn: 25 },
        { messageId: 'adhocDdl', data: { statement: "GRANT SELECT ON users", migrations: "migrations/" }, line: 5, column: 3, endLine: 5, endColumn: 24 },
        { messageId: 'adhocDdl', data: { statement: "REVOKE ALL ON users", migrations: "migrations/" }, line: 6, column: 3, endLine: 6, endColumn: 22 },
        { messageId: 'adhocDdl', data: { statement: "SELECT INTO archive", migrations: "migrations/" }, line: 7, column: 3, endLine: 7, endColumn: 24 },
        { messageId: 'adhocDdl', data: { statement: "CREATE SCHEMA app", migrations: "migrations/" }, line: 8, column: 3, endLine: 8, endColumn: 34 },
        { messageId: 'adhocDdl', data: { statement: "CREATE SEQUENCE s", migrations: "migrations/" }, line: 9, column: 3, endLine: 9, endColumn: 20 },
        { messageId: 'adhocDdl', data: { statement: "CREATE FUNCTION f", migrations: "migrations/" }, line: 10, column: 3, endLine: 10, endColumn: 20 },
        { messageId: 'adhocDdl', data: { statement: "CREATE ROLE reader", migrations: "migrations/" }, line: 11, column: 3, endLine: 11, endColumn: 21 },
      ],
    },
    {
      name: "complete statement in a constant",
      code: `export const CREATE_USERS = \`
  CREATE TABLE users (
    id serial PRIMARY KEY
  );
\`;`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE users", migrations: "migrations/" }, line: 2, column: 3, endLine: 2, endColumn: 21 },
      ],
    },
    {
      name: "complete statement returned from a function",
      code: `function ddl() {
  return 'ALTER TABLE users ADD COLUMN age int';
}`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 2, column: 11, endLine: 2, endColumn: 28 },
      ],
    },
    {
      name: "lower-case complete statement",
      code: `const s = 'drop table if exists users cascade';`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE users", migrations: "migrations/" }, line: 1, column: 12, endLine: 1, endColumn: 38 },
      ],
    },
    {
      name: "allowTemporary: false",
      code: `await db.query('CREATE TEMP TABLE t (id int)');`,
      options: [{"allowTemporary":false}],
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "CREATE TABLE t", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 36 },
      ],
    },
    {
      name: "allow lists kinds, others still reported",
      code: `await db.query('TRUNCATE t; DROP TABLE t');`,
      options: [{"allow":["TRUNCATE"]}],
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "migrations/" }, line: 1, column: 29, endLine: 1, endColumn: 41 },
      ],
    },
    {
      name: "migrations option replaces the defaults",
      code: `await db.query('DROP TABLE t');`,
      filename: "migrations/001_init.ts",
      options: [{"migrations":["db/changes/**"]}],
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "db/changes/" }, line: 1, column: 17, endLine: 1, endColumn: 29 },
      ],
    },
    {
      name: "custom migrations folder in the message",
      code: `await db.query('DROP TABLE t');`,
      filename: "scripts/x.ts",
      options: [{"migrations":["**/db/changes/**"]}],
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "db/changes/" }, line: 1, column: 17, endLine: 1, endColumn: 29 },
      ],
    },
    {
      name: "scripts/migrate-users-data.ts is not a migration",
      code: `await db.query('ALTER TABLE users ADD COLUMN age int');`,
      filename: "scripts/migrate-users-data.ts",
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "ALTER TABLE users", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 34 },
      ],
    },
    {
      name: "exporting up/down does not make a migration",
      code: `export async function up(knex) {
  await knex.schema.createTable('t', () => {});
}
export async function down(knex) {
  await knex.schema.dropTable('t');
}`,
      filename: "src/setup/init-db.ts",
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "knex.schema.createTable", migrations: "migrations/" }, line: 2, column: 21, endLine: 2, endColumn: 32 },
        { messageId: 'schemaApi', data: { api: "knex.schema.dropTable", migrations: "migrations/" }, line: 5, column: 21, endLine: 5, endColumn: 30 },
      ],
    },
    {
      name: "src/migrationsHelper.ts is not a migration",
      code: `await db.query('DROP TABLE t');`,
      filename: "src/migrationsHelper.ts",
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: "DROP TABLE t", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 29 },
      ],
    },
    {
      name: "knex schema builder",
      code: `await knex.schema.createTable('users', (t) => t.increments());
await knex.schema.alterTable('users', (t) => t.string('name'));
await knex.schema.table('users', (t) => t.dropColumn('name'));
await knex.schema.withSchema('app').dropTable('users');
await knex.schema.renameTable('a', 'b');
await knex.schema.dropTableIfExists('b');`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "knex.schema.createTable", migrations: "migrations/" }, line: 1, column: 19, endLine: 1, endColumn: 30 },
        { messageId: 'schemaApi', data: { api: "knex.schema.alterTable", migrations: "migrations/" }, line: 2, column: 19, endLine: 2, endColumn: 29 },
        { messageId: 'schemaApi', data: { api: "knex.schema.table", migrations: "migrations/" }, line: 3, column: 19, endLine: 3, endColumn: 24 },
        { messageId: 'schemaApi', data: { api: "knex.schema.dropTable", migrations: "migrations/" }, line: 4, column: 37, endLine: 4, endColumn: 46 },
        { messageId: 'schemaApi', data: { api: "knex.schema.renameTable", migrations: "migrations/" }, line: 5, column: 19, endLine: 5, endColumn: 30 },
        { messageId: 'schemaApi', data: { api: "knex.schema.dropTableIfExists", migrations: "migrations/" }, line: 6, column: 19, endLine: 6, endColumn: 36 },
      ],
    },
    {
      name: "knex truncate",
      code: `await knex('users').truncate();`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "knex(…).truncate()", migrations: "migrations/" }, line: 1, column: 21, endLine: 1, endColumn: 29 },
      ],
    },
    {
      name: "Sequelize queryInterface",
      code: `const queryInterface = sequelize.getQueryInterface();
await queryInterface.addColumn('users', 'age', { type: 'INTEGER' });
await sequelize.getQueryInterface().removeColumn('users', 'age');`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "queryInterface.addColumn", migrations: "migrations/" }, line: 2, column: 22, endLine: 2, endColumn: 31 },
        { messageId: 'schemaApi', data: { api: "getQueryInterface().removeColumn", migrations: "migrations/" }, line: 3, column: 37, endLine: 3, endColumn: 49 },
      ],
    },
    {
      name: "Sequelize sync",
      code: `await sequelize.sync();
await sequelize.sync({ alter: true });
await User.sync({ force: true });`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "sequelize.sync()", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 21 },
        { messageId: 'schemaApi', data: { api: "sequelize.sync()", migrations: "migrations/" }, line: 2, column: 17, endLine: 2, endColumn: 21 },
        { messageId: 'schemaApi', data: { api: "User.sync()", migrations: "migrations/" }, line: 3, column: 12, endLine: 3, endColumn: 16 },
      ],
    },
    {
      name: "TypeORM synchronize: true",
      code: `import { DataSource } from 'typeorm';
export const ds = new DataSource({ type: 'postgres', synchronize: true });`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "synchronize: true", migrations: "migrations/" }, line: 2, column: 54, endLine: 2, endColumn: 71 },
      ],
    },
    {
      name: "TypeORM synchronize through a constant options object",
      code: `const base = { synchronize: true };
export const ds = new DataSource({ ...base, type: 'postgres' });`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "synchronize: true", migrations: "migrations/" }, line: 1, column: 16, endLine: 1, endColumn: 33 },
      ],
    },
    {
      name: "NestJS TypeOrmModule.forRoot",
      code: `TypeOrmModule.forRoot({ type: 'postgres', synchronize: true, dropSchema: true });`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "synchronize: true", migrations: "migrations/" }, line: 1, column: 43, endLine: 1, endColumn: 60 },
        { messageId: 'schemaApi', data: { api: "dropSchema: true", migrations: "migrations/" }, line: 1, column: 62, endLine: 1, endColumn: 78 },
      ],
    },
    {
      name: "TypeORM queryRunner schema methods",
      code: `const queryRunner = dataSource.createQueryRunner();
await queryRunner.createTable(table);
await queryRunner.addColumn('users', column);
await dataSource.createQueryRunner().dropTable('users');
await dataSource.synchronize();`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "queryRunner.createTable", migrations: "migrations/" }, line: 2, column: 19, endLine: 2, endColumn: 30 },
        { messageId: 'schemaApi', data: { api: "queryRunner.addColumn", migrations: "migrations/" }, line: 3, column: 19, endLine: 3, endColumn: 28 },
        { messageId: 'schemaApi', data: { api: "createQueryRunner().dropTable", migrations: "migrations/" }, line: 4, column: 38, endLine: 4, endColumn: 47 },
        { messageId: 'schemaApi', data: { api: "dataSource.synchronize()", migrations: "migrations/" }, line: 5, column: 18, endLine: 5, endColumn: 29 },
      ],
    },
    {
      name: "Kysely db.schema",
      code: `await db.schema.createTable('person').addColumn('id', 'serial').execute();
await db.schema.createIndex('ix').on('person').column('id').execute();`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "db.schema.createTable", migrations: "migrations/" }, line: 1, column: 17, endLine: 1, endColumn: 28 },
        { messageId: 'schemaApi', data: { api: "db.schema.createIndex", migrations: "migrations/" }, line: 2, column: 17, endLine: 2, endColumn: 28 },
      ],
    },
    {
      name: "MikroORM schema",
      code: `await orm.schema.updateSchema();
await orm.getSchemaGenerator().createSchema();`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: "orm.schema.updateSchema", migrations: "migrations/" }, line: 1, column: 18, endLine: 1, endColumn: 30 },
        { messageId: 'schemaApi', data: { api: "orm.getSchemaGenerator().createSchema", migrations: "migrations/" }, line: 2, column: 32, endLine: 2, endColumn: 44 },
      ],
    },
  ],
});

// Plain JavaScript and JSX, parsed by espree.
const espreeTester = new RuleTester({
  languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } },
  defaultFilenames: { ts: 'scripts/x.js', tsx: 'scripts/x.jsx' },
});

espreeTester.run('no-adhoc-ddl (espree)', testedRule, {
  valid: [
    {
      name: 'JSX label and a log line',
      code: `const b = <button title="DROP TABLE users">Drop table users</button>;
console.error('ALTER TABLE users ADD COLUMN age int');`,
      filename: 'scripts/x.jsx',
    },
    {
      name: 'migration file',
      code: `module.exports.up = (knex) => knex.schema.createTable('t', () => {});`,
      filename: 'db/migrations/001.js',
    },
  ],
  invalid: [
    {
      name: 'CommonJS pg',
      code: `const { Client } = require('pg');
const c = new Client();
c.query("DROP TABLE users");`,
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: 'DROP TABLE users', migrations: 'migrations/' }, line: 3, column: 10, endLine: 3, endColumn: 26 },
      ],
    },
    {
      name: 'knex schema builder in a seed script',
      code: `exports.seed = async (knex) => {
  await knex.schema.dropTableIfExists('users');
};`,
      output: null,
      errors: [
        { messageId: 'schemaApi', data: { api: 'knex.schema.dropTableIfExists', migrations: 'migrations/' }, line: 2, column: 21, endLine: 2, endColumn: 38 },
      ],
    },
    {
      name: 'multi-line template in JSX file',
      code: `export const setup = () => db.query(\`
  CREATE TABLE users (
    id serial PRIMARY KEY
  )\`);`,
      filename: 'scripts/x.jsx',
      output: null,
      errors: [
        { messageId: 'adhocDdl', data: { statement: 'CREATE TABLE users', migrations: 'migrations/' }, line: 2, column: 3, endLine: 2, endColumn: 21 },
      ],
    },
  ],
});
