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
  it.each(['Security review', 'select a into b', 'SELECT 1; DROP TABLE t', 'selected; drop x'])('lets %s through when another word follows', (text) => {
    expect(mayContainDdl(text)).toBe(true);
  });
  it.each(['select a from b', 'Select the security group', 'SELECTED into'])('tells %s by its words', (text) => {
    // `Select the security group`: `security` is a word of its own, so it passes.
    expect(mayContainDdl(text)).toBe(/\bsecurity\b/i.test(text));
  });

  it('decides as its two-pass definition on random texts of its words and near misses', () => {
    // The definition it replaces: a DDL word, or both `select` and `into`, each a whole word in any case.
    const ddlWord = /\b(?:create|alter|drop|truncate|rename|comment|grant|revoke|reassign|security|import)\b/i;
    const byDefinition = (text: string): boolean => ddlWord.test(text) || (/\bselect\b/i.test(text) && /\binto\b/i.test(text));
    const pieces = ['select', 'SELECT', 'Security', 'secure', 'into', 'INTO', 'drop', 'dropdown', 'sel', 'selectX', '_select', 'ſelect', 'create', 'import', 'x', ' ', '-', '.', '$', '\u00e9', '1'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    let passed = 0;
    for (let index = 0; index < 20_000; index++) {
      let text = '';
      const length = next() % 6;
      for (let piece = 0; piece < length; piece++) text += pieces[next() % pieces.length] ?? '';
      const expected = byDefinition(text);
      if (expected) passed++;
      expect([text, mayContainDdl(text)]).toEqual([text, expected]);
    }
    expect(passed).toBeGreaterThan(1000);
    expect(passed).toBeLessThan(18_000);
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
