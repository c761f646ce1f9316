import type { Knex } from 'knex';

// Written on another branch at the same time as 003_index_orders_by_customer:
// both claim version 003, so the order between them is an accident.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users ADD COLUMN IF NOT EXISTS phone text');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP COLUMN IF EXISTS phone');
}
