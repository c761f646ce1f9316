import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import { contentHash } from '../../src/migration/history/hash';
import { formatRecord } from '../../src/migration/history/record-format';
import rule from '../../src/rules/no-modified-migration';
import { makeProject, removeProject, ROOT } from '../migration/history/harness';

// Real folders on disk (the rule reads each folder's listing and record); the
// linted text is the editor's buffer, so edits are given as `code`.
const knex = (sql: string) => `import type { Knex } from 'knex';\n\nexport async function up(knex: Knex): Promise<void> {\n  await knex.raw('${sql}');\n}\n`;
const A = knex('CREATE TABLE a (id bigint)');
const B = knex('CREATE TABLE b (id bigint)');
const C = knex('CREATE TABLE c (id bigint)');
const recordOf = (entries: [string, string][]) => formatRecord(entries.map(([name, text]) => ({ name, hash: contentHash(text) })));

const project = makeProject({
  // Recorded 001, 002, 003; on disk 001, 002 (edited nowhere on disk), 003.
  'ok/migrations/001_a.ts': A,
  'ok/migrations/002_b.ts': B,
  'ok/migrations/003_c.ts': C,
  'ok/migrations/.guardrails.sum': recordOf([['001_a.ts', A], ['002_b.ts', B], ['003_c.ts', C]]),
  // Recorded 001, 002, 003; 002 deleted and 003 renamed to 005.
  'gone/migrations/001_a.ts': A,
  'gone/migrations/004_d.ts': knex('SELECT 1'),
  'gone/migrations/005_c.ts': C,
  'gone/migrations/.guardrails.sum': recordOf([['001_a.ts', A], ['002_b.ts', B], ['003_c.ts', C]]),
  // Recorded 001, 003; 002 is new (inserted), 004 is new (fine). JS without imports: runner unknown.
  'inserted/migrations/001_a.ts': A,
  'inserted/migrations/002_b.js': 'exports.up = async () => {};\n',
  'inserted/migrations/003_c.ts': C,
  'inserted/migrations/.guardrails.sum': recordOf([['001_a.ts', A], ['003_c.ts', C]]),
  // A hand-broken record.
  'broken/migrations/001_a.ts': A,
  'broken/migrations/002_b.ts': B,
  'broken/migrations/.guardrails.sum': recordOf([['001_a.ts', A], ['002_b.ts', B]]).replace('001_a.ts', '001_z.ts'),
  // No record: silent.
  'none/migrations/001_a.ts': A,
});
const rel = (file: string) => path.relative(ROOT, path.join(project, file));
afterAll(() => { removeProject(project); });

const ruleTester = new RuleTester();

ruleTester.run('no-modified-migration', rule, {
  valid: [
    { name: 'recorded and unchanged', filename: rel('ok/migrations/002_b.ts'), code: B },
    { name: 'CRLF checkout of a recorded migration is not an edit', filename: rel('ok/migrations/002_b.ts'), code: B.replace(/\n/g, '\r\n') },
    { name: 'BOM is not an edit', filename: rel('ok/migrations/001_a.ts'), code: `\uFEFF${A}` },
    { name: 'newest recorded, nothing missing', filename: rel('ok/migrations/003_c.ts'), code: C },
    { name: 'a new migration after the last recorded one', filename: rel('inserted/migrations/004_d.ts'), code: knex('SELECT 4') },
    { name: 'no record in the folder: silent, even when edited', filename: rel('none/migrations/001_a.ts'), code: `${A}// edited\n` },
    { name: 'not a migration folder', filename: rel('ok/scripts/001_a.ts'), code: 'export {};' },
    { name: 'a helper without a version in a migration folder', filename: rel('ok/migrations/helpers.ts'), code: 'export {};' },
    { name: 'own migrations option excludes the folder', filename: rel('ok/migrations/002_b.ts'), code: `${B}//x\n`, options: [{ migrations: ['db/**'] }] },
    { name: 'broken record: reported once, on the newest migration only', filename: rel('broken/migrations/001_a.ts'), code: A },
  ],
  invalid: [
    {
      name: 'a recorded migration edited in the editor buffer',
      filename: rel('ok/migrations/002_b.ts'),
      code: B.replace('bigint', 'int'),
      errors: [{ messageId: 'editedMigration', data: { name: '002_b.ts', record: '.guardrails.sum' }, line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'whitespace is content',
      filename: rel('ok/migrations/001_a.ts'),
      code: `${A}\n`,
      errors: [{ messageId: 'editedMigration', data: { name: '001_a.ts', record: '.guardrails.sum' }, line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'renamed (content of a missing recorded one) and deleted, on the newest file',
      filename: rel('gone/migrations/005_c.ts'),
      code: C,
      errors: [
        { messageId: 'renamedMigration', data: { name: '005_c.ts', from: '003_c.ts' }, line: 1, column: 1, endLine: 1, endColumn: 34 },
        {
          messageId: 'deletedMigration',
          data: { name: '002_b.ts', record: '.guardrails.sum', consequence: 'new databases built from this folder no longer get its changes, and knex refuses to migrate databases that ran it ("The migration directory is corrupt")' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'inserted before the last recorded one (runner unknown)',
      filename: rel('inserted/migrations/002_b.js'),
      code: 'exports.up = async () => {};\n',
      errors: [
        {
          messageId: 'insertedMigration',
          data: {
            name: '002_b.js',
            last: '003_c.ts',
            consequence:
              'on databases that already ran the later one, knex, TypeORM, umzug, MikroORM and Prisma run it out of order, node-pg-migrate, Kysely and the Supabase CLI refuse to migrate, and drizzle skips it',
          },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'inserted, runner known from the import (knex)',
      filename: rel('inserted/migrations/002_b.js'),
      code: "import knex from 'knex';\nexport async function up() {}\n",
      errors: [
        {
          messageId: 'insertedMigration',
          data: { name: '002_b.js', last: '003_c.ts', consequence: 'knex runs it out of order, silently, on databases that already ran the later one' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'a hand-broken record: one finding, on the newest migration',
      filename: rel('broken/migrations/002_b.ts'),
      code: B,
      errors: [
        {
          messageId: 'unreadableRecord',
          data: {
            record: '.guardrails.sum',
            problem:
              'line 4: its chain hash does not follow from the lines above it (a line was edited, moved, inserted or removed by hand, or a merge kept lines from both sides)',
            folder: rel('broken/migrations').split(path.sep).join('/'),
          },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
        },
      ],
    },
  ],
});
