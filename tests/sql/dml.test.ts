import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlEffects } from '../../src/sql/dml';

// PostgreSQL's own parser decides what each statement is; our lexer-level
// reading must agree on which statements write rows and which control a transaction.
beforeAll(async () => {
  await loadModule();
});

const WRITE_NODES = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'TruncateStmt']);

type Stmt = Record<string, Record<string, unknown> | undefined>;

function oracle(sql: string): string {
  const stmt = (parseSync(sql) as unknown as { stmts: { stmt: Stmt }[] }).stmts[0]?.stmt ?? {};
  const [node] = Object.keys(stmt);
  const body = (node ? stmt[node] : undefined) ?? {};
  if (node && WRITE_NODES.has(node)) return 'write';
  if (node === 'CopyStmt') return body.is_from === true ? 'write' : 'none';
  if (node === 'TransactionStmt') {
    const kind = String(body.kind);
    if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return 'begin';
    if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') return 'end';
    return 'none';
  }
  const ctes = ((body.withClause as { ctes?: Stmt[] } | undefined)?.ctes ?? []).map((cte) => Object.keys((cte.CommonTableExpr?.ctequery ?? {}))[0]);
  return ctes.some((kind) => kind !== undefined && WRITE_NODES.has(kind)) ? 'write' : 'none';
}

function ours(sql: string): string {
  const [effect] = sqlEffects(sql);
  return effect?.type ?? 'none';
}

describe('sqlEffects agrees with libpg-query on what writes', () => {
  it.each([
    'INSERT INTO users (email) VALUES ($1)',
    'insert into public.users select * from staging',
    'INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET email = excluded.email',
    'UPDATE users SET active = true WHERE id = 1',
    'UPDATE ONLY users SET active = true',
    'DELETE FROM users WHERE id = 1',
    'MERGE INTO users u USING staging s ON u.id = s.id WHEN MATCHED THEN UPDATE SET email = s.email',
    'COPY users FROM STDIN',
    'COPY users (id, email) FROM \'/tmp/users.csv\' WITH (FORMAT csv)',
    'COPY users TO STDOUT',
    'COPY (SELECT * FROM users) TO STDOUT',
    'TRUNCATE users RESTART IDENTITY CASCADE',
    'TRUNCATE TABLE ONLY users',
    'WITH moved AS (DELETE FROM staging RETURNING *) INSERT INTO users SELECT * FROM moved',
    'WITH d AS (DELETE FROM staging RETURNING *) SELECT count(*) FROM d',
    'WITH s AS (SELECT 1) SELECT * FROM s',
    'SELECT * FROM users FOR UPDATE',
    'SELECT setval(\'users_id_seq\', 1)',
    'BEGIN',
    'START TRANSACTION ISOLATION LEVEL SERIALIZABLE',
    'COMMIT',
    'ROLLBACK',
    'SAVEPOINT a',
    'CREATE TABLE t (id int)',
    'VALUES (1)',
  ])('%s', (sql) => {
    expect(ours(sql)).toBe(oracle(sql));
  });
});

describe('sqlEffects', () => {
  it('names each write for the message', () => {
    expect(sqlEffects('INSERT INTO public.users (id) VALUES (1); UPDATE users SET a = 1; DELETE FROM "Users"; MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE; COPY t FROM STDIN; TRUNCATE users')).toEqual([
      { type: 'write', label: 'INSERT INTO public.users' },
      { type: 'write', label: 'UPDATE users' },
      { type: 'write', label: 'DELETE FROM "Users"' },
      { type: 'write', label: 'MERGE INTO t' },
      { type: 'write', label: 'COPY t FROM' },
      { type: 'write', label: 'TRUNCATE users' },
    ]);
  });

  it('reads MySQL and SQLite spellings, and holes for unknown names', () => {
    expect(sqlEffects('INSERT IGNORE INTO t VALUES (1)')).toEqual([{ type: 'write', label: 'INSERT INTO t' }]);
    expect(sqlEffects('INSERT OR REPLACE INTO t VALUES (1)')).toEqual([{ type: 'write', label: 'INSERT INTO t' }]);
    expect(sqlEffects('REPLACE INTO t VALUES (1)')).toEqual([{ type: 'write', label: 'REPLACE INTO t' }]);
    expect(sqlEffects('INSERT INTO \uFFFC VALUES (1)')).toEqual([{ type: 'write', label: 'INSERT INTO ${…}' }]);
  });

  it('finds writes inside DO bodies', () => {
    expect(sqlEffects("DO $$ BEGIN INSERT INTO t VALUES (1); END $$")).toEqual([{ type: 'write', label: 'INSERT INTO t' }]);
  });

  it('orders transaction control with the writes', () => {
    expect(sqlEffects('BEGIN; INSERT INTO t VALUES (1); COMMIT').map((effect) => effect.type)).toEqual(['begin', 'write', 'end']);
  });

  it('ignores reads and text without a write word', () => {
    expect(sqlEffects('SELECT 1')).toEqual([]);
    expect(sqlEffects('SELECT * FROM users WHERE deleted_at IS NULL')).toEqual([]);
    expect(sqlEffects('hello world')).toEqual([]);
  });
});
