import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { startPostgres } from './harness';

/**
 * The PostgreSQL facts `require-seed-transaction` relies on, on a real
 * PostgreSQL (PGlite): separate statements keep what they did when a later one
 * fails; a transaction keeps nothing; several statements sent as one query
 * string run as one implicit transaction (so the rule counts such a string as
 * one write); TRUNCATE is rolled back with its transaction (so it is a write
 * like DELETE).
 */
describe('seed atomicity on PostgreSQL', () => {
  let db: PGlite;
  const count = async (): Promise<number> => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]?.n);

  beforeAll(async () => {
    db = await startPostgres('CREATE TABLE users (id int PRIMARY KEY)');
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  async function reset(): Promise<void> {
    await db.exec('DELETE FROM users; INSERT INTO users VALUES (1), (2)');
  }

  it('separate statements: a failing insert leaves the delete done (half a seed)', async () => {
    await reset();
    await db.query('DELETE FROM users');
    await db.query('INSERT INTO users VALUES (3)');
    await expect(db.query('INSERT INTO users VALUES (3)')).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(1);
  });

  it('one transaction: the failure rolls everything back', async () => {
    await reset();
    await expect(
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM users');
        await tx.query('INSERT INTO users VALUES (3)');
        await tx.query('INSERT INTO users VALUES (3)');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(2);
  });

  it('one query string with several statements runs as one implicit transaction', async () => {
    await reset();
    await expect(db.exec('DELETE FROM users; INSERT INTO users VALUES (3); INSERT INTO users VALUES (3)')).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(2);
  });

  it('TRUNCATE is undone by ROLLBACK', async () => {
    await reset();
    await db.exec('BEGIN; TRUNCATE users; ROLLBACK');
    expect(await count()).toBe(2);
  });
});
