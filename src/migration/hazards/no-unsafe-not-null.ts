import type { Hazard } from './types';

/** What `no-unsafe-not-null` reports, each row proven on PostgreSQL by `tests/pg/hazards.test.ts`. */
export const NOT_NULL_HAZARDS = [
  {
    id: 'set-not-null',
    title: 'ALTER COLUMN … SET NOT NULL',
    sql: 'ALTER TABLE users ALTER COLUMN v SET NOT NULL',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'scans the table',
    violation: 'UPDATE users SET v = NULL WHERE id = 1',
    since: 12,
    recipe: [
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_v_not_null CHECK (v IS NOT NULL) NOT VALID', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_v_not_null', lock: 'SHARE UPDATE EXCLUSIVE' },
      // PostgreSQL 12+: the validated CHECK proves there is no NULL, so this skips the scan.
      { sql: 'ALTER TABLE users ALTER COLUMN v SET NOT NULL', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users DROP CONSTRAINT users_v_not_null', lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
  {
    id: 'add-column-not-null',
    title: 'ADD COLUMN … NOT NULL without a default',
    sql: 'ALTER TABLE users ADD COLUMN age int NOT NULL',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'fails on existing rows',
    recipe: [
      // PostgreSQL 11+: a constant default is stored in the catalog, no rewrite.
      { sql: 'ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0', lock: 'ACCESS EXCLUSIVE', instant: true },
    ],
  },
] as const satisfies readonly Hazard[];

export type NotNullHazardId = (typeof NOT_NULL_HAZARDS)[number]['id'];
