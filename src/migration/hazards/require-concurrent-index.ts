import type { Hazard } from './types';

/** What `require-concurrent-index` reports, each row proven on PostgreSQL by `tests/pg/hazards.test.ts`. */
export const CONCURRENT_INDEX_HAZARDS = [
  {
    id: 'create-index',
    title: 'CREATE INDEX',
    sql: 'CREATE INDEX users_email_idx ON users (email)',
    table: 'users',
    lock: 'SHARE',
    rewrites: false,
    work: 'builds an index',
    recipe: [{ sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email)', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' }],
  },
  {
    id: 'drop-index',
    title: 'DROP INDEX',
    setup: 'CREATE INDEX users_v_idx ON users (v)',
    sql: 'DROP INDEX users_v_idx',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'holds the lock',
    recipe: [{ sql: 'DROP INDEX CONCURRENTLY users_v_idx', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' }],
  },
  {
    id: 'reindex',
    title: 'REINDEX',
    sql: 'REINDEX TABLE users',
    table: 'users',
    lock: 'SHARE',
    rewrites: false,
    work: 'builds an index',
    recipe: [{ sql: 'REINDEX TABLE CONCURRENTLY users', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' }],
  },
  {
    id: 'add-unique-constraint',
    title: 'ADD CONSTRAINT … UNIQUE',
    sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'builds an index',
    violation: "UPDATE users SET email = 'same' WHERE id <= 2",
    recipe: [
      { sql: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' },
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key', lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
  {
    id: 'add-primary-key',
    title: 'ADD PRIMARY KEY',
    sql: 'ALTER TABLE users ADD PRIMARY KEY (id)',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'builds an index',
    violation: 'UPDATE users SET id = 1 WHERE id = 2',
    recipe: [
      { sql: 'CREATE UNIQUE INDEX CONCURRENTLY users_pkey ON users (id)', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' },
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey', lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
  {
    id: 'detach-partition',
    title: 'DETACH PARTITION',
    sql: 'ALTER TABLE events DETACH PARTITION events_2024',
    table: 'events',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'holds the lock',
    since: 14,
    recipe: [{ sql: 'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY', lock: null, alone: true, docLock: 'SHARE UPDATE EXCLUSIVE' }],
  },
] as const satisfies readonly Hazard[];

export type ConcurrentIndexHazardId = (typeof CONCURRENT_INDEX_HAZARDS)[number]['id'];
