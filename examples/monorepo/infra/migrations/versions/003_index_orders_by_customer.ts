import type { Knex } from 'knex';

// `orders` is a big, busy table: a plain CREATE INDEX blocks every write to it
// until the build finishes. Compare 002, which builds its index CONCURRENTLY
// outside a transaction.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX orders_customer_id_idx ON orders (customer_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS orders_customer_id_idx');
}
