import type { Hazard } from './types';

/** What `require-not-valid-constraint` reports, each row proven on PostgreSQL by `tests/pg/hazards.test.ts`. */
export const NOT_VALID_HAZARDS = [
  {
    id: 'add-foreign-key',
    title: 'ADD FOREIGN KEY',
    sql: 'ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)',
    table: 'users',
    lock: 'SHARE ROW EXCLUSIVE',
    rewrites: false,
    work: 'scans the table',
    violation: 'UPDATE users SET parent_id = 1000 WHERE id = 1',
    recipe: [
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID', lock: 'SHARE ROW EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk', lock: 'SHARE UPDATE EXCLUSIVE' },
    ],
  },
  {
    id: 'add-column-references-default',
    title: 'ADD COLUMN … DEFAULT … REFERENCES',
    sql: 'ALTER TABLE users ADD COLUMN owner_id int DEFAULT 1 REFERENCES parent (id)',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'scans the table',
    violation: 'DELETE FROM parent WHERE id = 1',
    recipe: [
      { sql: 'ALTER TABLE users ADD COLUMN owner_id int DEFAULT 1', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_owner_fk FOREIGN KEY (owner_id) REFERENCES parent (id) NOT VALID', lock: 'SHARE ROW EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_owner_fk', lock: 'SHARE UPDATE EXCLUSIVE' },
    ],
  },
  {
    id: 'add-check',
    title: 'ADD CHECK',
    sql: 'ALTER TABLE users ADD CONSTRAINT users_v_positive CHECK (v > 0)',
    table: 'users',
    lock: 'ACCESS EXCLUSIVE',
    rewrites: false,
    work: 'scans the table',
    violation: 'UPDATE users SET v = -1 WHERE id = 1',
    recipe: [
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_v_positive CHECK (v > 0) NOT VALID', lock: 'ACCESS EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_v_positive', lock: 'SHARE UPDATE EXCLUSIVE' },
    ],
  },
  {
    id: 'validate-same-transaction',
    title: 'VALIDATE CONSTRAINT in the transaction of its ADD … NOT VALID',
    before: 'ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID',
    sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk',
    table: 'users',
    // The ADD's lock is still held while VALIDATE scans.
    lock: 'SHARE ROW EXCLUSIVE',
    rewrites: false,
    work: 'scans the table',
    violation: 'UPDATE users SET parent_id = 1000 WHERE id = 1',
    recipe: [
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID', lock: 'SHARE ROW EXCLUSIVE', instant: true },
      { sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_parent_fk', lock: 'SHARE UPDATE EXCLUSIVE' },
    ],
  },
] as const satisfies readonly Hazard[];

export type NotValidHazardId = (typeof NOT_VALID_HAZARDS)[number]['id'];
