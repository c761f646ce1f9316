import { isMigrationFile } from '../util/migrations';
import { validateGuardrailsSettings } from '../settings';
import { migrationDialect } from './dialect';
import { isShippedUnchanged } from './history/baseline';

interface ContextLike {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly filename: string;
  readonly cwd: string;
  readonly sourceCode: { readonly text: string };
}

/**
 * Whether a migration rule checks this file: it is a migration (the shared
 * `settings.guardrails.migrations` globs, or the rule's own), and it is not a
 * migration the history record says has shipped unchanged (it has already run;
 * the only fix would be an edit that `no-modified-migration` forbids).
 *
 * Every migration rule calls this first in `create()`, so a file outside the
 * migrations costs one cached match and no listeners.
 */
export function isCheckedMigration(context: ContextLike, optionGlobs?: readonly string[]): boolean {
  return isMigrationFile(context, optionGlobs) && !isShippedUnchanged(context);
}

/**
 * Whether a Postgres-only migration rule applies to this file: its dialect
 * (`src/migration/dialect.ts`: folder, the file's SQL, the client it names,
 * then `settings.guardrails.dialect`) is PostgreSQL. Call it after
 * `isCheckedMigration`; it reads the file's text once per file.
 */
export function isPostgresMigration(context: ContextLike & { readonly sourceCode: { readonly text: string } }): boolean {
  validateGuardrailsSettings(context.settings);
  return migrationDialect(context) === 'postgres';
}
