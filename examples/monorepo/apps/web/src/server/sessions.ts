import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

/** Called on server start-up. */
export async function ensureSessionStore(): Promise<void> {
  // "Just make sure the table exists" is how environments drift apart.
  await pool.query(`
    CREATE TABLE IF NOT EXISTS sessions (
      id uuid PRIMARY KEY,
      user_id bigint NOT NULL,
      expires_at timestamptz NOT NULL
    )
  `);
}

export async function findSession(id: string) {
  const { rows } = await pool.query('SELECT user_id, expires_at FROM sessions WHERE id = $1', [id]);
  return rows[0] ?? null;
}
