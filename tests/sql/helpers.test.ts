import { describe, expect, it } from 'vitest';
import { DDL_KINDS } from '../../src/sql/keywords';
import { describeMigrationFolder } from '../../src/sql/migration-folder';
import { mayContainDdl } from '../../src/sql/prefilter';
import { isDatabaseName } from '../../src/sql/provenance';
import { SCHEMA_METHOD_KINDS } from '../../src/sql/schema-apis';

describe('mayContainDdl', () => {
  it.each(['ALTER TABLE t', 'x; drop index i', 'Truncate', 'SELECT a INTO b FROM c', 'grant x', 'COMMENT ON'])('lets %s through', (text) => {
    expect(mayContainDdl(text)).toBe(true);
  });
  it.each(['SELECT * FROM users', 'INSERT INTO t VALUES (1)', 'create_table', 'dropdown', 'Log into your account', ''])('stops %s', (text) => {
    expect(mayContainDdl(text)).toBe(false);
  });
});

describe('describeMigrationFolder', () => {
  it.each([
    [['**/migrations/**'], 'migrations/'],
    [['db/migrate/**'], 'db/migrate/'],
    [['**/db/changes/**/*'], 'db/changes/'],
    [['src/**/migrations/*.ts'], 'src/**/migrations/*.ts'],
    [[], 'migrations/'],
  ])('%j → %s', (globs, expected) => {
    expect(describeMigrationFolder(globs)).toBe(expected);
  });
});

describe('isDatabaseName', () => {
  it.each(['db', 'DB', 'client', 'pool', 'knex', 'trx', 'prisma', 'sequelize', 'dataSource', 'queryRunner', 'em', 'pgClient', 'readDb', 'read_db', 'adminPool', 'dbConn', 'getDb'])('%s is a handle', (name) => {
    expect(isDatabaseName(name)).toBe(true);
  });
  it.each(['feedback', 'search', 'thing', 'adb', 'api', 'router', 'httpClient', null])('%s is not', (name) => {
    expect(isDatabaseName(name)).toBe(false);
  });
});

describe('DDL_KINDS', () => {
  it('has unique entries and the documented other kinds', () => {
    expect(new Set(DDL_KINDS).size).toBe(DDL_KINDS.length);
    expect(DDL_KINDS).toEqual(expect.arrayContaining(['CREATE TABLE', 'DROP INDEX', 'TRUNCATE', 'GRANT', 'REVOKE', 'COMMENT ON', 'RENAME TABLE', 'SELECT INTO']));
  });
});

describe('SCHEMA_METHOD_KINDS', () => {
  it('maps schema methods to kinds the `allow` option accepts', () => {
    for (const kind of Object.values(SCHEMA_METHOD_KINDS)) expect(DDL_KINDS).toContain(kind);
  });
});
