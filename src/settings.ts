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
