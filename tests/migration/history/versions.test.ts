import { describe, expect, it } from 'vitest';
import { locateMigration, isMigrationFileName } from '../../../src/migration/history/folder';
import { hasVersion, parseVersion } from '../../../src/migration/history/versions';

describe('parseVersion', () => {
  it.each([
    ['023_add_email', '023', 'digits:3', true],
    ['0000_bright_star', '0000', 'digits:4', true], // drizzle-kit
    ['20240115093000_add_email', '20240115093000', 'digits:14', true], // knex, Sequelize, Prisma, Supabase
    ['1700000000000-AddEmail', '1700000000000', 'digits:13', true], // TypeORM
    ['1700000000000_add-email', '1700000000000', 'digits:13', true], // node-pg-migrate
    ['20200513070724505_add_email', '20200513070724505', 'digits:17', true], // node-pg-migrate utc
    ['Migration20240115093000_add_email', '20240115093000', 'MikroORM:14', true],
    ['V1_2__add_email', '1.2', 'Flyway', true],
    ['2024-01-15-add-email', '2024-01-15', 'groups:4-2-2', false], // Kysely docs style: a day, not unique
    ['2024_01_15_093000_add_email', '2024_01_15_093000', 'groups:4_2_2_6', true],
    ['20240115_add_email', '20240115', 'digits:8', false],
    ['001_2fa_codes', '001', 'digits:3', true], // a group followed by letters belongs to the name
    // umzug's examples (found linting them: read as `2020.11` before, two false duplicates per folder)
    ['2020.11.24T16.52.04.users-table', '2020.11.24T16.52.04', 'groups:4.2.2T2.2.2', true],
  ])('%s → %s (%s)', (stem, text, scheme, unique) => {
    expect(parseVersion(stem)).toMatchObject({ text, scheme, unique });
  });

  it('names without a version are not migrations', () => {
    expect(parseVersion('helpers')).toBeNull();
    expect(parseVersion('index')).toBeNull();
  });

  // The gate asks only whether a name has a version; the answer must be parseVersion's.
  it.each([
    '023_add_email', 'Migration20240115093000_add_email', 'V1_2__add_email', 'U3__undo', '2020.11.24T16.52.04.users-table',
    'helpers', 'index', 'Migration', 'MigrationX1', 'V1_x', 'v1__lower', 'V__empty', 'T1', '_001', '', 'migration20240101',
  ])('hasVersion(%j) is whether parseVersion finds one', (stem) => {
    expect(hasVersion(stem)).toBe(parseVersion(stem) !== null);
  });
});

describe('which files are migrations', () => {
  it.each([
    ['001_a.ts', true],
    ['001_a.sql', true],
    ['001_a.d.ts', false],
    ['.guardrails.sum', false],
    ['.snapshot-app.json', false],
    ['001_a.json', false],
    ['helpers.ts', false],
  ])('%s: %s', (name, expected) => {
    expect(isMigrationFileName(name)).toBe(expected);
  });

  it('a Prisma migration is its folder', () => {
    expect(locateMigration('/r/prisma/migrations/20240101000000_init/migration.sql')).toEqual({
      dir: '/r/prisma/migrations',
      name: '20240101000000_init',
      isFolder: true,
    });
    expect(locateMigration('/r/db/migrations/001_a.ts')).toEqual({ dir: '/r/db/migrations', name: '001_a.ts', isFolder: false });
    expect(locateMigration('/r/db/migrations/helpers.ts')).toBeNull();
  });
});
