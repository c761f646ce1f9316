import type { MigrationModel } from './model';

interface ContextLike {
  readonly sourceCode: object;
}

/**
 * The model of a `.sql` migration linted with the `guardrails/sql` language, or
 * null when the file is not one (then the JS host answers).
 *
 * Placeholder until the SQL language lands.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- placeholder; the host replaces it
export function sqlMigrationModel(_context: ContextLike): MigrationModel | null {
  return null;
}
