/**
 * What each runner does with a history that changed after it shipped, from
 * each runner's own source (table and citations in docs/migration-history.md).
 * Used to say in a message what will actually happen.
 */
import path from 'node:path';
import type { Runner } from '../../migration-runners/runner';
import type { FolderState } from './state';

export type HistoryRunner = Runner | 'drizzle' | 'prisma' | 'supabase';

const INSERTED: Readonly<Record<HistoryRunner, string>> = {
  knex: 'knex runs it out of order, silently, on databases that already ran the later one',
  'node-pg-migrate': 'node-pg-migrate refuses to migrate databases that already ran the later one ("Not run migration … is preceding already run migration …")',
  typeorm: 'TypeORM runs it out of order, silently, on databases that already ran the later one',
  sequelize: 'umzug (Sequelize) runs it out of order, silently, on databases that already ran the later one',
  kysely: 'Kysely refuses to migrate databases that already ran the later one ("corrupted migrations") unless `allowUnorderedMigrations` is set',
  'mikro-orm': 'MikroORM runs it out of order, silently, on databases that already ran the later one',
  drizzle: "drizzle's migrator skips it for good on databases that already ran a later migration",
  prisma: '`prisma migrate deploy` runs it out of order, silently, on databases that already ran the later one',
  supabase: 'the Supabase CLI refuses to push it ("Found local migration files to be inserted before the last migration on remote database") unless `--include-all`',
};

const INSERTED_UNKNOWN =
  'on databases that already ran the later one, knex, TypeORM, umzug, MikroORM and Prisma run it out of order, node-pg-migrate, Kysely and the Supabase CLI refuse to migrate, and drizzle skips it';

const DELETED: Partial<Readonly<Record<HistoryRunner, string>>> = {
  knex: 'knex refuses to migrate databases that ran it ("The migration directory is corrupt")',
  kysely: 'Kysely refuses to migrate databases that ran it ("corrupted migrations")',
  supabase: 'the Supabase CLI refuses to push to databases that ran it ("Remote migration versions not found in local migrations directory")',
  drizzle: 'drizzle can no longer rebuild a database from this folder',
};

const DELETED_ANY = 'new databases built from this folder no longer get its changes';

/** The runner a folder's shape gives away: drizzle's journal, Prisma's `<name>/migration.sql` folders, Supabase's path. */
export function runnerOfFolder(state: FolderState): HistoryRunner | null {
  if (state.journal !== null) return 'drizzle';
  const normalized = state.dir.split(path.sep).join('/');
  if (normalized.endsWith('/supabase/migrations')) return 'supabase';
  if (state.units.length > 0 && state.units.every((unit) => unit.file !== path.join(state.dir, unit.name))) return 'prisma';
  return null;
}

export function insertedConsequence(runner: HistoryRunner | null): string {
  return runner ? INSERTED[runner] : INSERTED_UNKNOWN;
}

export function deletedConsequence(runner: HistoryRunner | null): string {
  const specific = runner ? DELETED[runner] : undefined;
  return specific ? `${DELETED_ANY}, and ${specific}` : DELETED_ANY;
}
