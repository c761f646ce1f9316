import { SQL_RUNNERS, type SqlRunner } from '../../migration-runners/sql-runners';

/** `languageOptions` of the `guardrails/sql` language. */
export interface SqlLanguageOptions {
  /**
   * The tool that applies the file, which decides whether each statement runs in
   * a transaction. `auto` (default): from the path (`prisma/migrations/**` →
   * `prisma`, `supabase/migrations/**` → `supabase`, a `drizzle/` folder →
   * `drizzle`, `V1__x.sql` → `flyway`, `1_x.up.sql` → `golang-migrate`), or
   * `node-pg-migrate` when the file has its `-- Up Migration` marker, else `psql`.
   */
  runner?: 'auto' | SqlRunner;
  /**
   * The runner's version (`7.3.0`), for runners whose behaviour changed
   * (Prisma 7.4, Supabase CLI 2.109). Unset: a current release.
   */
  runnerVersion?: string;
}

export const RUNNER_CHOICES: readonly string[] = ['auto', ...SQL_RUNNERS];

/**
 * The schema of the options, JSON-schema style, so the docs and the validation
 * cannot drift apart. ESLint validates language options through the language, so
 * `validateSqlLanguageOptions` applies it with clear messages.
 */
export const SQL_LANGUAGE_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runner: {
      type: 'string',
      enum: RUNNER_CHOICES,
      description: 'The tool that applies the file, which decides whether each statement runs in a transaction.',
    },
    runnerVersion: {
      type: 'string',
      pattern: '^v?\\d+(\\.\\d+){0,2}$',
      description: 'The runner version (`7.3.0`), for runners whose behaviour changed between releases.',
    },
  },
} as const;

/** Keys ESLint itself puts in every language's options; they are not ours to reject. */
const ESLINT_KEYS: ReadonlySet<string> = new Set(['parser', 'parserOptions', 'ecmaVersion', 'sourceType', 'globals']);

/** Throws an error naming the option and its allowed values when `options` are invalid. */
export function validateSqlLanguageOptions(options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError('guardrails/sql: `languageOptions` must be an object.');
  }
  const record = options as Record<string, unknown>;
  const allowed = Object.keys(SQL_LANGUAGE_OPTIONS_SCHEMA.properties);
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key) && !ESLINT_KEYS.has(key)) {
      throw new TypeError(`guardrails/sql: unknown language option "${key}". Allowed options: ${allowed.map((name) => `"${name}"`).join(', ')}.`);
    }
  }
  const { runner, runnerVersion } = record;
  if (runner !== undefined && (typeof runner !== 'string' || !RUNNER_CHOICES.includes(runner))) {
    throw new TypeError(
      `guardrails/sql: language option "runner" must be one of ${RUNNER_CHOICES.map((name) => `"${name}"`).join(', ')}; got ${JSON.stringify(runner)}.`,
    );
  }
  if (runnerVersion !== undefined && (typeof runnerVersion !== 'string' || !new RegExp(SQL_LANGUAGE_OPTIONS_SCHEMA.properties.runnerVersion.pattern, 'u').test(runnerVersion))) {
    throw new TypeError(`guardrails/sql: language option "runnerVersion" must be a version such as "7.3.0"; got ${JSON.stringify(runnerVersion)}.`);
  }
}
