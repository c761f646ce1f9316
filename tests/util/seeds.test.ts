import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_GLOBS, getSeedGlobs, isSeedFile } from '../../src/util/seeds';

const context = (filename: string, settings: Record<string, unknown> = {}, cwd = '/repo') => ({ filename, cwd, settings });

describe('isSeedFile', () => {
  it.each([
    ['/repo/prisma/seed.ts', true],
    ['/repo/packages/db/prisma/seed.mts', true],
    ['/repo/db/seeds/01_users.js', true],
    ['/repo/src/database/seeds/nested/users.seed.ts', true],
    ['/repo/seeders/20240101000000-demo-user.js', true],
    ['/repo/scripts/seed.ts', true],
    ['/repo/scripts/seed-users.cjs', true],
    ['/repo/scripts/seed_roles.mjs', true],
    ['/repo/seed.js', true],
    ['/repo/scripts/seeding.ts', false],
    ['/repo/src/seedRandom.ts', false],
    ['/repo/scripts/seed.test.tsx', false],
    // Tests are never seed files, even when named like one.
    ['/repo/tests/pg/seed-atomicity.test.ts', false],
    ['/repo/seeds/users.spec.js', false],
    ['/repo/apps/web/page.tsx', false],
    // Migration files are never seed files, even in a `seeds` folder.
    ['/repo/db/migrations/seeds/001_roles.js', false],
    ['/repo/seeds/migrations/001.ts', false],
  ])('%s -> %s with the defaults', (filename, expected) => {
    expect(isSeedFile(context(filename))).toBe(expected);
  });

  it('reads settings.guardrails.seeds, which replaces the defaults', () => {
    const settings = { guardrails: { seeds: ['fixtures/**'] } };
    expect(isSeedFile(context('/repo/fixtures/load.ts', settings))).toBe(true);
    expect(isSeedFile(context('/repo/prisma/seed.ts', settings))).toBe(false);
  });

  it('lets the rule option beat the setting', () => {
    expect(getSeedGlobs(context('/repo/x.ts', { guardrails: { seeds: ['a/**'] } }), ['b/**'])).toEqual(['b/**']);
    expect(getSeedGlobs(context('/repo/x.ts', { guardrails: {} }))).toBe(DEFAULT_SEED_GLOBS);
  });

  // Changed in the ninth round of issue 16: a malformed setting was ignored here (the defaults
  // applied), while the migration gate rejected it; the settings are now validated where they are read.
  it('rejects a malformed setting, as the migration gate does', () => {
    expect(() => getSeedGlobs(context('/repo/x.ts', { guardrails: { seeds: 'a/**' } }))).toThrow('`settings.guardrails.seeds` is "a/**"; expected an array of globs');
    expect(() => getSeedGlobs(context('/repo/x.ts', { guardrails: null }))).toThrow('`settings.guardrails` is null; expected an object');
  });

  it('uses the migration setting to exclude migrations', () => {
    const settings = { guardrails: { migrations: ['db/changes/**'] } };
    expect(isSeedFile(context('/repo/db/changes/seed.ts', settings))).toBe(false);
    expect(isSeedFile(context('/repo/db/migrations/seeds/x.ts', settings))).toBe(true);
  });

  it('matches nothing with an empty list', () => {
    expect(isSeedFile(context('/repo/prisma/seed.ts'), [])).toBe(false);
  });
});
