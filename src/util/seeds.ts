import { compileGlobs } from './glob-matcher';
import { isMigrationFile, matchesRelativePath, settingsGlobs } from './migrations';

const SCRIPT = '{js,mjs,cjs,ts,mts,cts}';

/**
 * Where the common tools and conventions keep seed loaders, matched against the
 * file's path relative to ESLint's cwd (like `settings.guardrails.migrations`).
 */
export const DEFAULT_SEED_GLOBS: readonly string[] = [
  '**/seeds/**', // knex (`seeds.directory`), most hand-rolled layouts
  '**/seeders/**', // sequelize-cli
  `**/seed.${SCRIPT}`, // `prisma db seed`, `npm run seed`
  `**/seed-*.${SCRIPT}`,
  `**/seed_*.${SCRIPT}`,
  'prisma/seed.ts', // Prisma's documented location (also matched above; listed so the default reads complete)
];

/** Tests are not seed loaders, even when named like one (`seed-atomicity.test.ts`). */
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

interface ContextLike {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly filename: string;
  readonly cwd: string;
}

/** Rule option beats `settings.guardrails.seeds`, which beats the defaults. The settings are validated either way. */
export function getSeedGlobs(context: ContextLike, optionGlobs?: readonly string[]): readonly string[] {
  const fromSettings = settingsGlobs(context.settings).seeds;
  return optionGlobs ?? fromSettings ?? DEFAULT_SEED_GLOBS;
}

/**
 * Whether the file being linted is a seed loader: it matches the seed globs, is
 * not a test (`*.test.*`, `*.spec.*`) and is not a migration (`settings.guardrails.migrations`): a migration that
 * inserts rows is the migration rules' business, and runs in the runner's
 * transaction. Pure string work, one cached match per glob list.
 */
export function isSeedFile(context: ContextLike, optionGlobs?: readonly string[]): boolean {
  // The glob first: it is decided per folder or by a name prefix, and rejects nearly every file.
  return matchesRelativePath(context, compileGlobs(getSeedGlobs(context, optionGlobs))) && !TEST_FILE.test(context.filename) && !isMigrationFile(context);
}
