import { describe, expect, it } from 'vitest';
import { analyzeSql } from '../../src/sql/analyze';
import { DDL_KINDS } from '../../src/sql/keywords';
import { HOLE_CHAR } from '../../src/sql/lexer';

/** Labels of the DDL statements found in `text` (`${}` stands for a template hole). */
const ddl = (text: string): string[] =>
  analyzeSql(text.split('${}').join(HOLE_CHAR))
    .filter((statement) => statement.ddl)
    .map((statement) => statement.label);

/** The value, or a test failure when it is missing. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

const first = (text: string) => present(analyzeSql(text.split('${}').join(HOLE_CHAR))[0]);

describe('classifier: DDL is found', () => {
  it.each([
    ['CREATE TABLE users (id int)', 'CREATE TABLE users'],
    ['create table if not exists public.users (id serial primary key)', 'CREATE TABLE public.users'],
    ['CREATE TABLE archive AS SELECT * FROM users', 'CREATE TABLE archive'],
    ['create unique index if not exists ux on t (c)', 'CREATE INDEX ux'],
    ['CREATE INDEX CONCURRENTLY idx ON ONLY t USING btree (c)', 'CREATE INDEX idx'],
    ['CREATE INDEX ON t (c)', 'CREATE INDEX ON t'],
    ['ALTER TABLE users ADD COLUMN age int', 'ALTER TABLE users'],
    ['ALTER TABLE ${} ADD COLUMN ${} jsonb', 'ALTER TABLE ${…}'],
    ['ALTER TABLE IF EXISTS ONLY users DROP CONSTRAINT users_pkey', 'ALTER TABLE users'],
    ['DROP TABLE users', 'DROP TABLE users'],
    ['DROP TABLE IF EXISTS a, b CASCADE', 'DROP TABLE a'],
    ['DROP INDEX CONCURRENTLY IF EXISTS idx', 'DROP INDEX idx'],
    ['DROP FUNCTION f(int)', 'DROP FUNCTION f'],
    ['DROP DATABASE app WITH (FORCE)', 'DROP DATABASE app'],
    ['CREATE OR REPLACE VIEW v AS SELECT 1', 'CREATE VIEW v'],
    ['CREATE MATERIALIZED VIEW mv AS SELECT 1', 'CREATE MATERIALIZED VIEW mv'],
    ['CREATE SCHEMA IF NOT EXISTS app', 'CREATE SCHEMA app'],
    ['CREATE SEQUENCE s START 1', 'CREATE SEQUENCE s'],
    ["CREATE TYPE mood AS ENUM ('sad', 'ok')", 'CREATE TYPE mood'],
    ['CREATE DOMAIN posint AS integer CHECK (VALUE > 0)', 'CREATE DOMAIN posint'],
    ['CREATE EXTENSION IF NOT EXISTS pgcrypto', 'CREATE EXTENSION pgcrypto'],
    ['CREATE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql', 'CREATE FUNCTION f'],
    ['CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()', 'CREATE TRIGGER trg'],
    ['CREATE POLICY p ON t USING (true)', 'CREATE POLICY p'],
    ['CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING', 'CREATE RULE r'],
    ['CREATE DATABASE app', 'CREATE DATABASE app'],
    ["CREATE ROLE app WITH LOGIN PASSWORD 'x'", 'CREATE ROLE app'],
    ["CREATE USER 'app'@'%' IDENTIFIED BY 'x'", "CREATE USER 'app'"],
    ['TRUNCATE users', 'TRUNCATE users'],
    ['TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE', 'TRUNCATE a'],
    ['RENAME TABLE a TO b', 'RENAME TABLE a'],
    ["COMMENT ON TABLE users IS 'people'", 'COMMENT ON TABLE users'],
    ['GRANT SELECT, INSERT ON users TO app', 'GRANT SELECT, INSERT ON users'],
    ['REVOKE ALL ON ALL TABLES IN SCHEMA public FROM app', 'REVOKE ALL ON ALL TABLES IN SCHEMA public'],
    ['GRANT admin TO alice', 'GRANT admin TO alice'],
    ['SELECT * INTO archive FROM users', 'SELECT INTO archive'],
    ['SELECT id INTO TEMP t FROM users', 'SELECT INTO t'],
    ['CREATE TEMP TABLE t (id int)', 'CREATE TABLE t'],
    ['CREATE VIRTUAL TABLE docs USING fts5(body)', 'CREATE TABLE docs'],
    ['ALTER USER bob RENAME TO rob', 'ALTER USER bob'],
    ['ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT ON TABLES TO app', 'ALTER DEFAULT PRIVILEGES'],
    ['CREATE TABLE users_${} (id int)', 'CREATE TABLE users_${…}'],
    ['CREATE TABLE ${}.users (id int)', 'CREATE TABLE ${…}.users'],
    ['CREATE TABLE "drop" ("create" int)', 'CREATE TABLE "drop"'],
    ['CREATE TABLE `t` (`c` int) ENGINE=InnoDB', 'CREATE TABLE `t`'],
  ])('%s', (text, label) => {
    expect(ddl(text)).toEqual([label]);
  });

  it('finds DDL after comments and as a later statement', () => {
    expect(ddl('-- set up\n/* outer /* nested */ still comment */ ALTER TABLE t ADD c int')).toEqual(['ALTER TABLE t']);
    expect(ddl("SELECT 1; UPDATE t SET a = 'x;y'; DROP TABLE t;")).toEqual(['DROP TABLE t']);
  });

  it('reads DO blocks and EXECUTE strings', () => {
    expect(ddl('DO $$ BEGIN ALTER TABLE t ADD c int; END $$')).toEqual(['ALTER TABLE t']);
    expect(
      ddl(`DO $body$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ix') THEN
            CREATE INDEX ix ON t (c);
          END IF;
        END $body$`),
    ).toEqual(['CREATE INDEX ix']);
    expect(ddl("DO $$ BEGIN EXECUTE 'DROP TABLE ' || quote_ident(t); END $$")).toEqual(['DROP TABLE ${…}']);
    expect(ddl("DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD c int', t); END $$")).toEqual(['ALTER TABLE ${…}']);
    expect(ddl("DO LANGUAGE plpgsql 'BEGIN TRUNCATE t; END'")).toEqual(['TRUNCATE t']);
  });

  it('records flags, names and tables for index rules', () => {
    const index = first('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON ONLY public.t (c)');
    expect(index).toMatchObject({
      kind: 'CREATE INDEX',
      verb: 'CREATE',
      object: 'INDEX',
      name: 'ux',
      table: 'public.t',
      flags: { unique: true, concurrently: true, ifNotExists: true, only: true, temporary: false },
      complete: true,
      keywordCase: 'upper',
    });
    expect(first('drop index concurrently if exists ix')).toMatchObject({ kind: 'DROP INDEX', flags: { concurrently: true, ifExists: true } });
    expect(first('REINDEX TABLE CONCURRENTLY t')).toMatchObject({ kind: 'REINDEX', ddl: false, object: 'TABLE', name: 't', flags: { concurrently: true } });
    expect(analyzeSql('BEGIN; CREATE INDEX CONCURRENTLY i ON t (c); COMMIT').map((s) => s.kind)).toEqual(['BEGIN', 'CREATE INDEX', 'COMMIT']);
    expect(first('START TRANSACTION').kind).toBe('START TRANSACTION');
    expect(first('CREATE TEMPORARY TABLE t (id int)').flags.temporary).toBe(true);
    expect(first('CREATE TRIGGER trg AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION f()').table).toBe('app.t');
  });

  it('reports offsets of statements, heads and nested statements', () => {
    const text = 'SELECT 1;\n  ALTER TABLE users ADD c int;';
    const alter = present(analyzeSql(text)[1]);
    expect(text.slice(alter.start, alter.end)).toBe('ALTER TABLE users ADD c int');
    expect(text.slice(alter.start, alter.headEnd)).toBe('ALTER TABLE users');
    const body = 'DO $$ BEGIN DROP TABLE t; END $$';
    const nested = present(analyzeSql(body).find((s) => s.ddl));
    expect(nested).toMatchObject({ nested: true, exact: true });
    expect(body.slice(nested.start, nested.headEnd)).toBe('DROP TABLE t');
    const escaped = "DO 'BEGIN EXECUTE ''DROP TABLE t''; END'";
    const inexact = present(analyzeSql(escaped).find((s) => s.ddl));
    expect(inexact).toMatchObject({ exact: false, start: 3 });
  });

  it('tells complete statements and keyword case apart', () => {
    expect(first('CREATE TABLE t (id int)').complete).toBe(true);
    expect(first('CREATE TABLE t ${}').complete).toBe(false);
    expect(first('ALTER TABLE t ADD c int').complete).toBe(true);
    expect(first('GRANT admin TO alice').complete).toBe(false);
    expect(first('Drop table users').keywordCase).toBe('mixed');
    expect(first('drop table users').keywordCase).toBe('lower');
  });
});

describe('classifier: near misses stay non-DDL', () => {
  it.each([
    'Create table of contents',
    'Drop database connection and retry',
    'Create index',
    'Create index on homepage',
    'Create a new table',
    'Alter table layout',
    'Alter user settings',
    'Truncate text to 20 characters',
    'Truncate',
    'Comment on this post',
    'Comment on the post is required',
    'Grant permission on the file to users',
    'Rename table',
    'SELECT create_table, drop_index FROM jobs',
    'SELECT "drop" FROM t',
    "SELECT 'DROP TABLE users' AS text",
    "SELECT E'it\\'s; DROP TABLE x' AS s",
    'SELECT 1 -- DROP TABLE users',
    'SELECT 1 /* DROP TABLE users; */',
    'SELECT $$DROP TABLE users$$',
    'SELECT $tag$ ; DROP TABLE users; $tag$',
    'SELECT * FROM t WHERE name = $1 AND kind = :drop',
    'INSERT INTO users (name) VALUES ($1)',
    'UPDATE users SET name = ? WHERE id = ?',
    'DELETE FROM users WHERE id = 1',
    'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE',
    'SET search_path TO app',
    'VACUUM ANALYZE users',
    'ANALYZE users',
    'REFRESH MATERIALIZED VIEW CONCURRENTLY mv',
    'LOCK TABLE users IN ACCESS EXCLUSIVE MODE',
    'LISTEN changes',
    "NOTIFY changes, 'drop table'",
    'SELECT id INTO @x FROM users',
    "SELECT * FROM t INTO OUTFILE '/tmp/x'",
    'mutation { createTable(input: { name: "x" }) { id } }',
    'ALTER SYSTEM SET work_mem = 1',
    'DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM t; END $$',
    'CREATE',
    '',
    ';;;',
    "'unterminated DROP TABLE x",
    '/* unterminated DROP TABLE x',
    '$$ unterminated DROP TABLE x',
  ])('%s', (text) => {
    expect(ddl(text)).toEqual([]);
  });
});

describe('classifier: every DDL kind can be named in `allow`', () => {
  it('reports only kinds from DDL_KINDS', () => {
    const corpus = [
      'CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()',
      'CREATE TEXT SEARCH CONFIGURATION cfg (COPY = english)',
      'CREATE FOREIGN DATA WRAPPER w',
      'CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()',
      'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app',
      'DROP OWNED BY app',
      'REASSIGN OWNED BY a TO b',
      "SECURITY LABEL ON TABLE t IS 'x'",
      'IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO local',
      'RENAME USER a TO b',
      'CREATE OR REPLACE PROCEDURE p() LANGUAGE sql AS $$ select 1 $$',
      'ALTER MATERIALIZED VIEW mv RENAME TO mv2',
      'DROP EXTENSION IF EXISTS pgcrypto CASCADE',
      'CREATE DEFAULT PRIVILEGES x',
    ];
    const kinds = corpus.flatMap((text) => analyzeSql(text).filter((s) => s.ddl).map((s) => s.kind));
    expect(kinds).toHaveLength(corpus.length - 1);
    for (const kind of kinds) expect(DDL_KINDS).toContain(kind);
  });
});

describe('classifier: skeletons', () => {
  it('is not complete when the only name is a hole and nothing follows', () => {
    expect(first('DROP TABLE ${}')).toMatchObject({ ddl: true, complete: false });
    expect(first('TRUNCATE ${}')).toMatchObject({ ddl: true, complete: false });
    expect(first('DROP TABLE ${}.users')).toMatchObject({ ddl: true, complete: true });
    expect(first('DROP TABLE ${} CASCADE')).toMatchObject({ ddl: true, complete: true });
    expect(first('ALTER TABLE ${} ADD COLUMN ${} jsonb')).toMatchObject({ ddl: true, complete: true });
  });
});
