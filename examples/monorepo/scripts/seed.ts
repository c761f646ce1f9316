/** Loads fixture rows for local development. Plain DML inside a transaction: fine. */
import knexFactory from 'knex';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

const users = [
  { email: 'ada@acme.example', name: 'Ada' },
  { email: 'grace@acme.example', name: 'Grace' },
];

const orders = [
  { id: 1, customer_email: 'ada@acme.example', total_cents: 1200 },
  { id: 2, customer_email: 'grace@acme.example', total_cents: 800 },
];

async function seed(): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM users WHERE email LIKE $1', ['%@acme.example']);
    for (const user of users) {
      await client.query('INSERT INTO users (email, name) VALUES ($1, $2)', [user.email, user.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Demo orders for the dashboard. The insert escapes the transaction it sits in. */
export async function seedOrders(): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('orders').del();
    await knex('orders').insert(orders);
  });
}

/** The same, safely: every write goes through the transaction handle. */
export async function seedOrdersSafely(): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('orders').del();
    await trx('orders').insert(orders);
  });
}

seed().then(() => pool.end());
