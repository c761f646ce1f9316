import type { MigrationModel } from './model';

interface ContextLike {
  readonly sourceCode: object;
}

/**
 * The model of a JS/TS migration: the SQL it runs through its runner's SQL
 * calls and tagged templates, with the runner's transaction model.
 *
 * Placeholder until the JS host is extracted from `require-concurrent-index`.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- placeholder; the host replaces it
export function jsMigrationModel(_context: ContextLike): MigrationModel {
  return { host: 'js', statements: [], createdTables: [], droppedTables: [] };
}
