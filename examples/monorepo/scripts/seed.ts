/** Loads fixture rows for local development. Plain DML inside a transaction: fine. */
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const users = [
  { email: 'ada@acme.example', name: 'Ada' },
  { email: 'grace@acme.example', name: 'Grace' },
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

seed().then(() => pool.end());
