import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATION_GLOBS, getMigrationGlobs, isMigrationFile, relativeFilename } from '../../src/util/migrations';

const context = (filename: string, settings: Record<string, unknown> = {}, cwd = '/repo') => ({ filename, cwd, settings });

describe('relativeFilename', () => {
  it.each([
    ['/repo/scripts/x.ts', '/repo', 'scripts/x.ts'],
    ['/repo/scripts/x.ts', '/repo/', 'scripts/x.ts'],
    ['/repository/x.ts', '/repo', '../repository/x.ts'],
    ['/elsewhere/migrations/1.ts', '/repo', '../elsewhere/migrations/1.ts'],
  ])('%s from %s is %s', (filename, cwd, expected) => {
    expect(relativeFilename(context(filename, {}, cwd))).toBe(expected);
  });

  it('agrees with path.relative', () => {
    for (const filename of ['/repo/a/b/c.ts', '/repo/a.ts', '/r/x.ts', '/repo-x/y.ts']) {
      expect(relativeFilename(context(filename))).toBe(path.relative('/repo', filename));
    }
  });
});

describe('isMigrationFile', () => {
  it.each([
    ['/repo/infra/migrations/versions/029_x.ts', true],
    ['/repo/db/migrate/20240101_add.ts', true],
    ['/repo/src/migration/1.ts', true],
    ['/repo/drizzle/0001_init.ts', true],
    ['/repo/scripts/migrate-users-data.ts', false],
    ['/repo/src/migrationsHelper.ts', false],
    ['/repo/apps/web/page.tsx', false],
  ])('%s -> %s with the defaults', (filename, expected) => {
    expect(isMigrationFile(context(filename))).toBe(expected);
  });

  it('reads settings.guardrails.migrations, which replaces the defaults', () => {
    const settings = { guardrails: { migrations: ['db/changes/**'] } };
    expect(isMigrationFile(context('/repo/db/changes/1.ts', settings))).toBe(true);
    expect(isMigrationFile(context('/repo/infra/migrations/1.ts', settings))).toBe(false);
  });

  it('lets a rule option beat the setting', () => {
    const settings = { guardrails: { migrations: ['db/changes/**'] } };
    expect(isMigrationFile(context('/repo/sql/1.ts', settings), ['sql/**'])).toBe(true);
    expect(isMigrationFile(context('/repo/db/changes/1.ts', settings), ['sql/**'])).toBe(false);
  });

  // Changed with issue 15: a malformed setting used to be ignored silently, leaving
  // the user's migrations unexempted with nothing saying why; now it fails loudly.
  it('rejects a malformed setting with a message naming the key, the value and the form', () => {
    expect(() => getMigrationGlobs(context('/x', { guardrails: { migrations: 'db/**' } }))).toThrow(
      '`settings.guardrails.migrations` is "db/**"; expected an array of globs',
    );
    expect(() => getMigrationGlobs(context('/x', { guardrails: null }))).toThrow('`settings.guardrails` is null; expected an object');
  });

  it('falls back to the defaults when the setting is absent', () => {
    expect(getMigrationGlobs(context('/x', { guardrails: {} }))).toBe(DEFAULT_MIGRATION_GLOBS);
  });

  it('treats an empty list as "no migration files"', () => {
    expect(isMigrationFile(context('/repo/migrations/1.ts'), [])).toBe(false);
  });
});
