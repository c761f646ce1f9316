import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { RUNNERS, type Runner } from '../migration-runners/runner';
import { getPostgresVersion } from '../settings';
import { isCheckedMigration, isPostgresMigration } from './gate';

/** The options every migration lock rule takes. */
export interface MigrationRuleOptions {
  runner?: 'auto' | Runner;
  migrations?: string[];
}

/** The JSON schema of the `migrations` option, which every migration rule takes. */
export const MIGRATIONS_OPTION_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description:
    "Globs, relative to ESLint's working directory, of the migration files this rule checks. Replaces `settings.guardrails.migrations` and the built-in defaults.",
} as const;

/** JSON schema properties of `MigrationRuleOptions`, shared by the migration rules. */
export const MIGRATION_OPTION_PROPERTIES: Record<string, JSONSchema4> = {
  runner: {
    type: 'string',
    enum: ['auto', ...RUNNERS],
    description:
      'The migration runner, which decides whether a migration runs in a transaction. `auto` detects it from the imports and the shape of each file.',
  },
  migrations: MIGRATIONS_OPTION_SCHEMA,
};

interface ContextLike {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly filename: string;
  readonly cwd: string;
  readonly sourceCode: { readonly text: string };
}

/**
 * A migration rule's first check in `create()`: the PostgreSQL major it judges
 * for, or null when the file is not a checked migration or the dialect is not
 * PostgreSQL (then the rule returns no listeners).
 */
export function checkedPostgresMigration(context: ContextLike, migrations: readonly string[] | undefined): number | null {
  if (!isCheckedMigration(context, migrations)) return null;
  if (!isPostgresMigration(context)) return null;
  return getPostgresVersion(context.settings);
}
