import { describe, expect, it } from 'vitest';
import { folderDialect, migrationDialect, textDialect } from '../../src/migration/dialect';

const context = (filename: string, text: string, settings: Record<string, unknown> = {}) => ({
  filename: `/repo/${filename}`,
  cwd: '/repo',
  settings,
  sourceCode: { text },
});

describe('folderDialect', () => {
  it('reads the innermost dialect segment of the folder', () => {
    expect(folderDialect('src/migrations/mysql/1700000000000-Init.ts')).toBe('mysql');
    expect(folderDialect('src/migrations/mariadb/x.ts')).toBe('mysql');
    expect(folderDialect('db/sqlite/migrations/x.ts')).toBe('sqlite');
    expect(folderDialect('db/SQLite3/x.ts')).toBe('sqlite');
    expect(folderDialect('db/mysql/postgres/x.ts')).toBe('postgres');
    expect(folderDialect('db/migrations/x.ts')).toBeNull();
  });

  it('never reads the file name itself', () => {
    expect(folderDialect('migrations/mysql.ts')).toBeNull();
  });
});

describe('textDialect', () => {
  it('finds MySQL-only syntax', () => {
    expect(textDialect('await queryRunner.query("CREATE INDEX `IDX_a` ON `user` (`email`)");', false)).toBe('mysql');
    expect(textDialect("await queryRunner.query('DROP INDEX IDX_a ON user');", false)).toBe('mysql');
    expect(textDialect('q("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT) ENGINE=InnoDB")', false)).toBe('mysql');
    expect(textDialect('CREATE INDEX `i` ON `t` (`c`);', true)).toBe('mysql');
  });

  it('finds SQLite-only syntax', () => {
    expect(textDialect('q(`CREATE TABLE "t" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL)`)', false)).toBe('sqlite');
    expect(textDialect("q('PRAGMA foreign_keys = OFF')", false)).toBe('sqlite');
  });

  it('reads a client name only when the file names no other', () => {
    expect(textDialect("const knex = Knex({ client: 'mysql2' });", false)).toBe('mysql');
    expect(textDialect("export default { type: 'better-sqlite3' };", false)).toBe('sqlite');
    expect(textDialect("if (client === 'mysql') { a(); } else if (client === 'pg') { b(); }", false)).toBeNull();
    // Found in a knex app that supports three databases: only MySQL is named, in a comparison.
    expect(textDialect("const isMySQL = env.DB_CLIENT === 'mysql' || env.DB_CLIENT === 'mysql2';\nknex.raw(`CREATE INDEX ${x} i ON t (c)`);", false)).toBeNull();
    expect(textDialect("switch (driver) { case 'sqlite3': break; }", false)).toBeNull();
    expect(textDialect("const client = 'pg';", false)).toBeNull();
  });

  it('is silent on Postgres SQL and on backticks outside SQL', () => {
    expect(textDialect('q(`CREATE INDEX "i" ON "t" ("c")`)', false)).toBeNull();
    expect(textDialect("throw new Error('column `email` is missing');", false)).toBeNull();
    expect(textDialect("log('created from `config`');", false)).toBeNull();
    expect(textDialect('q(`DROP INDEX i; SELECT 1 FROM t WHERE a ON b`)', false)).toBeNull();
  });
});

describe('migrationDialect', () => {
  it('folder first, then the text, then settings.guardrails.dialect', () => {
    expect(migrationDialect(context('migrations/mysql/x.ts', 'q(`CREATE INDEX i ON t (c)`)'))).toBe('mysql');
    expect(migrationDialect(context('migrations/x.ts', 'q("CREATE INDEX `i` ON `t` (`c`)")'))).toBe('mysql');
    expect(migrationDialect(context('migrations/x.ts', 'q(`CREATE INDEX i ON t (c)`)', { guardrails: { dialect: 'sqlite' } }))).toBe('sqlite');
    expect(migrationDialect(context('migrations/x.ts', 'q(`CREATE INDEX i ON t (c)`)'))).toBe('postgres');
  });
});
