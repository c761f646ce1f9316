import type { Knex } from 'knex';

// CREATE INDEX CONCURRENTLY cannot run inside a transaction.
export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN IF NOT EXISTS verified_email text');
  await knex.raw(
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_verified_email_idx ON users (verified_email)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_verified_email_idx');
  await knex.raw('ALTER TABLE users DROP COLUMN IF EXISTS verified_email');
}
