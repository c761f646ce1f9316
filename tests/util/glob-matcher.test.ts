import { posix } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../src/util/glob-matcher';
import { DEFAULT_MIGRATION_GLOBS } from '../../src/util/migrations';
import { DEFAULT_SEED_GLOBS } from '../../src/util/seeds';

// Paths in an order that makes a folder's first answer the wrong one for a later file, if the cache were wrong.
const PATHS = [
  'migrations',
  'src/migrations',
  'src/migrations/001_init.ts',
  'src/migrations/nested/002.ts',
  'src/migrations.ts',
  'src/migration',
  'src/migration/x.ts',
  'db/migrate',
  'db/migrate/20240101_add.rb',
  'db/migrate.ts',
  'apps/web/drizzle/0000_init.sql',
  'apps/web/drizzle',
  'apps/web/.drizzle/0000.sql',
  'services/api/src/users.ts',
  'services/api/src/users.migration.ts',
  'services/api/src/.hidden/migrations/001.ts',
  '../outside/migrations/001.ts',
  'x.ts',
  'prisma/seed.ts',
  'prisma/seed.ts.bak',
  'apps/api/prisma/seed.ts',
  'seed.ts',
  'seed.mjs',
  'scripts/seed-users.mjs',
  'scripts/seed_users.cts',
  'scripts/seedling.ts',
  'scripts/seed.test.ts',
  'scripts/seeds/users.ts',
  'scripts/seeds',
  'db/seeders/20240101-users.js',
  'seeds/migrations/001.ts',
  'migrations/seed-x.ts',
  // Runs of one folder, then folders that share its start (the matcher remembers the last folder).
  'src/migrations/003.ts',
  'src/migrations/004.ts',
  'src/migrations-old/005.ts',
  'src/migrations-old/006.ts',
  'src/migrations/007.ts',
  'src/migrationsx/migrations',
  'src/migrationsx/008.ts',
  'src/migration/sub/009.ts',
  'src/migratio/010.ts',
  'scripts/seeds/a.ts',
  'scripts/seeds/seed.ts',
  'scripts/seedsx/seed-a.ts',
  // Spellings a literal-folder search must not misread: a `./` start, doubled slashes, dot segments, a folder in a file name.
  './migrations/011.ts',
  'src/./migrations/012.ts',
  'src//migrations/013.ts',
  'migrations//014.ts',
  'src/../migrations/015.ts',
  'src/migrations.d/016.ts',
  'src/my-migrations/017.ts',
  'src/xmigrations/018.ts',
  'db/migrate/../019.ts',
  'db/migrateX/020.ts',
  'dbx/migrate/021.ts',
  'migrations/',
  'src/mig\\.rations/022.ts',
  'src/mig.rations/023.ts',
  'src/mig/rations/024.ts',
  // Names that end like a folder glob's last folder, folders that start like a file-name glob.
  'src/xmigrations',
  'src/drizzle',
  'drizzle',
  'scripts/seed-dir/users.ts',
  'scripts/seed-dir/seed-b.ts',
  'seed-a/seeds',
  'seed_x',
];

const GLOB_LISTS: (readonly string[])[] = [
  DEFAULT_MIGRATION_GLOBS,
  ['db/migrate/**'],
  ['apps/*/drizzle/**', '**/migration/**'],
  ['**/*.migration.ts'],
  ['**/migrations/**', '!**/migrations/nested/**'],
  ['src/{migrations,migration}/**'],
  DEFAULT_SEED_GLOBS,
  [...DEFAULT_MIGRATION_GLOBS, ...DEFAULT_SEED_GLOBS],
  ['**/seed-*.ts', 'db/**/seeders/**', 'prisma/seed.ts'],
  ['**/seed-*.{ts,mjs}', '**/{a,b/c}.ts', '**/seeds/**'],
  ['scripts/seed?users.*', '**/seed.ts', '!**/seed.test.ts'],
  // A backslash escapes in a glob: the folder's name is not the glob's text.
  ['**/mig\\.rations/**', '**/\\drizzle/**'],
  ['./migrations/**', 'src/**/migrations/**'],
  ['**/db/migrate/**', '**/*.sql'],
  [],
];

describe('compileGlobs', () => {
  it.each(GLOB_LISTS.map((globs) => [JSON.stringify(globs), globs] as const))('matches %s exactly as picomatch does, folder cache or not', (_name, globs) => {
    const reference = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
    const matcher = compileGlobs(globs);
    // Twice, then backwards: later passes read the per-folder answers the first one stored.
    for (const [pass, paths] of [[1, PATHS], [2, PATHS], [3, [...PATHS].reverse()]] as const) {
      for (const path of paths) expect([pass, path, matcher(path)]).toEqual([pass, path, reference(path)]);
    }
  });

  // The migration and seed gates hand a file below cwd over as its absolute name and where the relative path starts.
  it.each(GLOB_LISTS.map((globs) => [JSON.stringify(globs), globs] as const))(
    'matches %s from an offset into an absolute name as it matches the relative path',
    (_name, globs) => {
      const reference = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
      const matcher = compileGlobs(globs);
      const below = PATHS.filter((path) => !path.startsWith('../'));
      for (const [pass, paths] of [[1, below], [2, [...below].reverse()]] as const) {
        for (const [index, path] of paths.entries()) {
          // Alternating roots and plain relative paths: the folder remembered last is a relative one whichever form asked.
          const root = ['/repo/', '/home/ci/work/repo/', ''][index % 3] as string;
          expect([pass, root, path, matcher(root + path, root.length)]).toEqual([pass, root, path, reference(path)]);
        }
      }
    },
  );

  // The gates first ask whether a file's absolute name could match at all; a wrong "no" would hide a migration.
  it.each(GLOB_LISTS.map((globs) => [JSON.stringify(globs), globs] as const))(
    'never rules out by name a file that %s matches, from any cwd',
    (_name, globs) => {
      const reference = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
      const matcher = compileGlobs(globs);
      // The last cwd holds a folder the globs name: every file below it may match.
      for (const cwd of ['/repo', '/home/ci/work/repo/sub', '/srv/migrations/app']) {
        for (const path of PATHS) {
          const filename = posix.resolve(cwd, path);
          if (reference(posix.relative(cwd, filename))) expect([cwd, path, matcher.mayMatch(filename)]).toEqual([cwd, path, true]);
        }
      }
    },
  );

  it('rules out by name the files that have none of the folders or names the globs need', () => {
    const migrations = compileGlobs(DEFAULT_MIGRATION_GLOBS);
    const seeds = compileGlobs(DEFAULT_SEED_GLOBS);
    const names = ['/repo/src/users.ts', '/repo/src/migrations.ts', '/repo/src/my-migrations/1.ts', '/repo/db/migrateX/1.ts', '/repo/scripts/seedling.ts'];
    expect(names.map((name) => migrations.mayMatch(name))).toEqual([false, false, false, false, false]);
    expect(names.map((name) => seeds.mayMatch(name))).toEqual([false, false, false, false, false]);
    expect(['/repo/x/migrations/1.ts', '/repo/x/migrations', '/repo/db/migrate/1.rb', '/repo/app/drizzle/0.sql'].map((name) => migrations.mayMatch(name))).toEqual([true, true, true, true]);
    // A file-name glob needs the name to start with its prefix: `seed-dir/users.ts` has it only in a folder.
    expect(['/repo/scripts/seed-users.ts', '/repo/prisma/seed.ts', '/repo/a/seeds/x.ts', '/repo/seed-dir/users.ts'].map((name) => seeds.mayMatch(name))).toEqual([true, true, true, false]);
    // Globs it cannot read (a negation, a glob of another shape, an escape) leave every file to the match proper.
    expect(compileGlobs(['**/migrations/**', '!**/x/**']).mayMatch('/repo/src/users.ts')).toBe(true);
    expect(compileGlobs(['src/{a,b}/*.ts']).mayMatch('/repo/src/users.ts')).toBe(true);
    expect(compileGlobs(['**/mig\\.rations/**']).mayMatch('/repo/src/users.ts')).toBe(true);
    expect(compileGlobs([]).mayMatch('/repo/migrations/1.ts')).toBe(false);
  });

  it('compiles a glob list once: the same array, or an equal one, gets the same matcher', () => {
    const globs = ['**/migrations/**'];
    expect(compileGlobs(globs)).toBe(compileGlobs(globs));
    expect(compileGlobs(['**/migrations/**'])).toBe(compileGlobs(globs));
    expect(compileGlobs(['**/migration/**'])).not.toBe(compileGlobs(globs));
  });
});
