/**
 * Readers for the shared `settings.guardrails` keys that several rules use.
 * (`migrations` lives in `util/migrations.ts`.)
 */

/** SQL dialects the migration rules know. Postgres-only rules stay silent on the others. */
export const DIALECTS = ['postgres', 'mysql', 'sqlite'] as const;
export type Dialect = (typeof DIALECTS)[number];

/**
 * The PostgreSQL major version checks assume when `settings.guardrails.postgresVersion`
 * is not set: the oldest major still supported by the PostgreSQL project on
 * 2026-12-01 (14 reached end of life in November 2026).
 */
export const DEFAULT_POSTGRES_VERSION = 15;

type Settings = Readonly<Record<string, unknown>>;

function own(settings: Settings): Readonly<Record<string, unknown>> | undefined {
  const value = settings.guardrails;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** `settings.guardrails.dialect`, default `postgres`. */
export function getConfiguredDialect(settings: Settings): Dialect {
  const value = own(settings)?.dialect;
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value) ? (value as Dialect) : 'postgres';
}

/** `settings.guardrails.postgresVersion`, default `DEFAULT_POSTGRES_VERSION`. */
export function getPostgresVersion(settings: Settings): number {
  const value = own(settings)?.postgresVersion;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_POSTGRES_VERSION;
}

/**
 * The shape of every shared `settings.guardrails` key, as the error message
 * states it. A wrong shape fails the lint run with a message naming the key,
 * the value and the expected form, as ESLint does for invalid rule options:
 * a setting silently ignored (`migrations: 'db/**'`) would leave the user's
 * migrations unexempted with nothing saying why.
 */
const SETTING_CHECKS: Readonly<Record<string, { readonly expected: string; readonly valid: (value: unknown) => boolean }>> = {
  migrations: { expected: "an array of globs relative to ESLint's working directory, such as `['db/migrations/**']`", valid: isGlobList },
  seeds: { expected: "an array of globs relative to ESLint's working directory, such as `['db/seeds/**']`", valid: isGlobList },
  dialect: {
    expected: `one of ${DIALECTS.map((dialect) => `\`'${dialect}'\``).join(', ')}`,
    valid: (value) => typeof value === 'string' && (DIALECTS as readonly string[]).includes(value),
  },
  postgresVersion: {
    expected: 'a PostgreSQL major version as a whole number, such as `16`',
    valid: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 9 && value < 100,
  },
};

function isGlobList(value: unknown): boolean {
  return Array.isArray(value) && value.every((glob) => typeof glob === 'string' && glob !== '');
}

function show(value: unknown): string {
  try {
    // `undefined` for functions and symbols, whatever the types say.
    const text = JSON.stringify(value) as string | undefined;
    return text ?? String(value);
  } catch {
    return String(value);
  }
}

/** Edit distance of at most `limit` (a typo such as `migration` or `postgresversion`), case ignored. */
function isNearMiss(a: string, b: string, limit = 2): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > limit) return false;
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return (previous[y.length] ?? limit + 1) <= limit;
}

/** Validated settings objects: ESLint hands every file of a configuration the same object. */
const validated = new WeakSet<object>();

/**
 * Checks the shared `settings.guardrails` keys once per settings object and
 * throws an Error whose message names the key, the value and the expected
 * form. Unknown keys are left alone (other tools may share the namespace),
 * except near misses of a known key, which are almost certainly typos.
 */
export function validateGuardrailsSettings(settings: Settings): void {
  const value = settings.guardrails;
  // No settings of ours (ESLint 9 then hands each file a new empty object): nothing to check or remember.
  if (value === undefined || validated.has(settings)) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`guardrails: \`settings.guardrails\` is ${show(value)}; expected an object such as \`{ migrations: ['db/migrations/**'] }\`.`);
  }
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    const check = Object.hasOwn(SETTING_CHECKS, key) ? SETTING_CHECKS[key] : undefined;
    if (check) {
      if (setting !== undefined && !check.valid(setting)) {
        throw new Error(`guardrails: \`settings.guardrails.${key}\` is ${show(setting)}; expected ${check.expected}.`);
      }
      continue;
    }
    const meant = Object.keys(SETTING_CHECKS).find((known) => isNearMiss(key, known));
    if (meant !== undefined) {
      throw new Error(`guardrails: \`settings.guardrails.${key}\` is not a setting; did you mean \`${meant}\`? Expected ${SETTING_CHECKS[meant]?.expected ?? ''}.`);
    }
  }
  validated.add(settings);
}
