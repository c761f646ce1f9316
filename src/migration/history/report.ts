/** Shared pieces of the history rules' reports. */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';

/** Folder-level findings sit at the start of a file: there is no node to point at. */
export const FILE_START: TSESTree.Position = { line: 1, column: 0 };

/** The folder as a person types it in a command: relative to ESLint's cwd, with `/`. */
export function displayFolder(cwd: string, dir: string): string {
  const relative = path.relative(cwd, dir);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

/** The JSON schema of the history rules' only option. */
export const MIGRATIONS_OPTION_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description:
    "Globs, relative to ESLint's working directory, of the migration files this rule checks. Replaces `settings.guardrails.migrations` and the built-in defaults.",
} as const;
