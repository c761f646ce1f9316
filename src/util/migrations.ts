import path from 'node:path';
import { compileGlobs, type Matcher } from './glob-matcher';
import { validateGuardrailsSettings } from '../settings';

/**
 * Folders the common migration tools write to. Matched by path segment against
 * the file's path relative to ESLint's cwd, so `scripts/migrate-users.ts` is not
 * a migration while `infra/migrations/versions/029_x.ts` is.
 */
export const DEFAULT_MIGRATION_GLOBS: readonly string[] = [
  '**/migrations/**', // knex, node-pg-migrate, TypeORM, Sequelize, MikroORM, Prisma, Supabase, Kysely
  '**/migration/**',
  '**/db/migrate/**', // Rails-style layouts
  '**/drizzle/**', // drizzle-kit's default `out` folder
];

/** Shape of `settings.guardrails` in an ESLint config. */
export interface GuardrailsSettings {
  /** Globs (relative to ESLint's cwd) of migration files, shared by every migration-aware rule. */
  migrations?: readonly string[];
  /** Globs (relative to ESLint's cwd) of seed files (`require-seed-transaction`); see `util/seeds.ts`. */
  seeds?: readonly string[];
}

interface ContextLike {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly filename: string;
  readonly cwd: string;
}

function globList(own: object, key: keyof GuardrailsSettings): readonly string[] | undefined {
  const globs = (own as GuardrailsSettings)[key];
  return Array.isArray(globs) && globs.every((glob) => typeof glob === 'string') ? globs : undefined;
}

// The settings object of the last call and its globs: ESLint hands every file of a run the same one.
let lastSettings: object | null = null;
const NO_GLOBS: GuardrailsSettings = Object.freeze({});
let lastGlobs = NO_GLOBS;

/**
 * `settings.guardrails.migrations` and `.seeds`, each when it is a list of
 * strings, validated and read once per settings object (the migration and
 * seed gates run on every file). Bad settings throw on every file: the object
 * is not remembered until it passes.
 */
export function settingsGlobs(settings: Readonly<Record<string, unknown>>): GuardrailsSettings {
  if (settings !== lastSettings) {
    validateGuardrailsSettings(settings);
    const own = settings.guardrails;
    lastGlobs = typeof own === 'object' && own !== null ? { migrations: globList(own, 'migrations'), seeds: globList(own, 'seeds') } : NO_GLOBS;
    lastSettings = settings;
  }
  return lastGlobs;
}

/** Rule option beats `settings.guardrails.migrations`, which beats the defaults. The settings are validated either way. */
export function getMigrationGlobs(context: ContextLike, optionGlobs?: readonly string[]): readonly string[] {
  const fromSettings = settingsGlobs(context.settings).migrations;
  return optionGlobs ?? fromSettings ?? DEFAULT_MIGRATION_GLOBS;
}

/** Whether file names are `/`-separated, as the globs are: read once, not per file. */
const POSIX = path.sep === '/';

// The last answer: every rule asks for the same file in turn (ESLint hands each the same strings).
let lastFilename = '';
let lastCwd = '';
let lastRelative = '';
// cwd with a trailing separator, built once per cwd (a concatenation per file would be flattened per file).
let prefixCwd = '';
let cwdPrefix: string = path.sep;

/** `cwd` with a trailing separator. */
function prefixOf(cwd: string): string {
  if (cwd !== prefixCwd) {
    cwdPrefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
    prefixCwd = cwd;
  }
  return cwdPrefix;
}

/** The file's path relative to ESLint's cwd, with `/` separators (what the globs are written against). */
export function relativeFilename(context: ContextLike): string {
  const { cwd, filename } = context;
  if (filename === lastFilename && cwd === lastCwd) return lastRelative;
  // The common case, a file below cwd, is a slice; `path.relative` costs more than the match itself.
  const prefix = prefixOf(cwd);
  const relative = filename.startsWith(prefix) ? filename.slice(prefix.length) : path.relative(cwd, filename);
  lastFilename = filename;
  lastCwd = cwd;
  lastRelative = POSIX ? relative : relative.split(path.sep).join('/');
  return lastRelative;
}

/**
 * Whether the matcher may match this file, judged from its name alone (see
 * `Matcher.mayMatch`): only an absolute, `/`-separated name is judged so.
 */
function mayMatchFile(filename: string, matcher: Matcher): boolean {
  return !POSIX || filename.charCodeAt(0) !== 47 || matcher.mayMatch(filename); // 47: `/`
}

/**
 * Whether the file's path relative to cwd matches: a file below cwd is
 * handed to the matcher as its absolute name and the length of cwd's prefix
 * (no copy of the rest, no comparison with the last file asked about); any
 * other file, or a platform whose separator is not `/`, by `relativeFilename`.
 */
function matchesRelative(context: ContextLike, matcher: Matcher): boolean {
  const filename = context.filename;
  const prefix = prefixOf(context.cwd);
  return POSIX && filename.startsWith(prefix) ? matcher(filename, prefix.length) : matcher(relativeFilename(context));
}

/** Whether the file's path relative to cwd matches; most files are decided by their name (`mayMatchFile`). */
export function matchesRelativePath(context: ContextLike, matcher: Matcher): boolean {
  return mayMatchFile(context.filename, matcher) && matchesRelative(context, matcher);
}

// The last verdict: every migration rule asks about the same file in turn.
let verdictFile = '';
let verdictCwd = '';
let verdictGlobs: readonly string[] | null = null;
let verdict = false;

/**
 * Whether the file being linted is a migration. Pure string work: no
 * file-system access. Most files are decided by one search of their name
 * (`Matcher.mayMatch`), the others with folder globs (the defaults) by one
 * map lookup once their folder has been decided (see `compileGlobs`); the
 * other rules that ask about the same file with the same globs get the last
 * verdict.
 */
export function isMigrationFile(context: ContextLike, optionGlobs?: readonly string[]): boolean {
  const globs = getMigrationGlobs(context, optionGlobs);
  const matcher = compileGlobs(globs);
  const { filename, cwd } = context;
  if (!mayMatchFile(filename, matcher)) return false;
  if (filename === verdictFile && globs === verdictGlobs && cwd === verdictCwd) return verdict;
  verdict = matchesRelative(context, matcher);
  verdictFile = filename;
  verdictCwd = cwd;
  verdictGlobs = globs;
  return verdict;
}
