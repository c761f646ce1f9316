/**
 * Which entries of a migration folder are migrations, and which folder and
 * name a linted file belongs to. Pure path work, no file-system access.
 */
import path from 'node:path';
import { RECORD_FILE_NAME } from './record-format';
import { hasVersion, parseVersion, type MigrationVersion } from './versions';

/** Extensions of migration files: the JS/TS flavours the JS runners load, and SQL. */
const MIGRATION_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.sql']);
const DECLARATION = /\.d\.[cm]?ts$/;

/** The file inside a `<version>_<name>/` folder that holds the migration (Prisma, drizzle-kit 1.x). */
export const FOLDER_MIGRATION_FILE = 'migration.sql';

export interface MigrationUnit {
  /** Name in the folder: the file name (`023_add_x.ts`), or the folder name for `<name>/migration.sql`. */
  readonly name: string;
  /** Absolute path of the file that holds the migration (the one ESLint lints). */
  readonly file: string;
  readonly version: MigrationVersion;
}

/** Whether a file name in a migration folder is a migration (not a helper, a type declaration, a dot file or the record). */
export function isMigrationFileName(name: string): boolean {
  if (name.startsWith('.') || name === RECORD_FILE_NAME || DECLARATION.test(name)) return false;
  const extension = path.extname(name);
  return MIGRATION_EXTENSIONS.has(extension) && hasVersion(name.slice(0, -extension.length));
}

/** Whether a folder name in a migration folder names a migration folder (`20240101120000_init`). */
export function isMigrationFolderName(name: string): boolean {
  return !name.startsWith('.') && hasVersion(name);
}

/** A migration's name without its extension, as runners and versions read it. */
export function stemOf(name: string): string {
  const extension = path.extname(name);
  return MIGRATION_EXTENSIONS.has(extension) ? name.slice(0, -extension.length) : name;
}

export function makeUnit(dir: string, name: string, isFolder: boolean): MigrationUnit {
  return {
    name,
    file: isFolder ? path.join(dir, name, FOLDER_MIGRATION_FILE) : path.join(dir, name),
    version: parseVersion(stemOf(name)) as MigrationVersion,
  };
}

/** The migration folder and the name of the migration a linted file is, or null when the file is not a migration by name. */
export function locateMigration(filename: string): { readonly dir: string; readonly name: string; readonly isFolder: boolean } | null {
  const parent = path.dirname(filename);
  const base = path.basename(filename);
  if (base === FOLDER_MIGRATION_FILE) {
    const folderName = path.basename(parent);
    if (isMigrationFolderName(folderName)) return { dir: path.dirname(parent), name: folderName, isFolder: true };
  }
  return isMigrationFileName(base) ? { dir: parent, name: base, isFolder: false } : null;
}

/** Code-unit order, what knex, umzug, MikroORM, Supabase and `Array#sort` use. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
