/**
 * One-off backfill: copy verified emails from the legacy table.
 * Run with `npx tsx scripts/backfill-user-emails.ts`.
 */
import { Client } from 'pg';

const BATCH_SIZE = 500;

async function main(): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // The column "should have been there anyway" — but no migration adds it.
    await client.query('ALTER TABLE users ADD COLUMN IF NOT EXISTS verified_email text');
    await client.query(
      'CREATE INDEX users_verified_email_idx ON users (verified_email)',
    );

    let moved = 0;
    for (;;) {
      const { rowCount } = await client.query(
        `UPDATE users u
            SET verified_email = l.email
           FROM legacy_emails l
          WHERE l.user_id = u.id AND u.verified_email IS NULL
            AND u.id IN (SELECT id FROM users WHERE verified_email IS NULL LIMIT $1)`,
        [BATCH_SIZE],
      );
      moved += rowCount ?? 0;
      if (!rowCount) break;
      console.log(`Backfilled ${moved} rows; drop table legacy_emails when done`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error('Backfill failed, drop database connection and retry', error);
  process.exitCode = 1;
});
