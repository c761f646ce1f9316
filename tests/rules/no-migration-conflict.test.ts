import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import { contentHash } from '../../src/migration/history/hash';
import { formatRecord } from '../../src/migration/history/record-format';
import rule from '../../src/rules/no-migration-conflict';
import { makeProject, removeProject, ROOT } from '../migration/history/harness';

const UP = 'export async function up() {}\n';
const recordOf = (names: string[]) => formatRecord(names.map((name) => ({ name, hash: contentHash(UP) })));
const journal = (entries: [number, number, string][]) =>
  JSON.stringify({ version: '7', dialect: 'postgresql', entries: entries.map(([idx, when, tag]) => ({ idx, version: '7', when, tag, breakpoints: true })) });

const project = makeProject({
  // Two branches each added a 023.
  'dup/migrations/022_base.ts': UP,
  'dup/migrations/023_add_email.ts': UP,
  'dup/migrations/023_add_phone.ts': UP,
  // Both 007s shipped long ago: nothing left to do.
  'shipped/migrations/007_a.ts': UP,
  'shipped/migrations/007_b.ts': UP,
  'shipped/migrations/.guardrails.sum': recordOf(['007_a.ts', '007_b.ts']),
  // A sequence folder where a timestamped migration arrived; an old outlier that shipped is left alone.
  'mixed/migrations/1_legacy.ts': UP,
  'mixed/migrations/001_a.ts': UP,
  'mixed/migrations/002_b.ts': UP,
  'mixed/migrations/003_c.ts': UP,
  'mixed/migrations/20240115093000_d.ts': UP,
  'mixed/migrations/.guardrails.sum': recordOf(['1_legacy.ts', '001_a.ts', '002_b.ts', '003_c.ts']),
  // Same-day Kysely-style dates are not a conflict.
  'dated/migrations/2024-01-15-create-users.ts': UP,
  'dated/migrations/2024-01-15-add-email.ts': UP,
  // drizzle: 0002 not in the journal, 0003 listed but missing, 0001's `when` earlier than 0000's.
  'drizzle/0000_init.sql': 'CREATE TABLE a (id int);',
  'drizzle/0001_merge.sql': 'CREATE TABLE b (id int);',
  'drizzle/0002_unlisted.sql': 'CREATE TABLE c (id int);',
  'drizzle/meta/_journal.json': journal([
    [0, 1700000000000, '0000_init'],
    [1, 1690000000000, '0001_merge'],
    [3, 1710000000000, '0003_gone'],
  ]),
  'bad/drizzle/0000_init.sql': '',
  'bad/drizzle/meta/_journal.json': '{ "entries": [ ',
});
const rel = (file: string) => path.relative(ROOT, path.join(project, file));
afterAll(() => { removeProject(project); });

const ruleTester = new RuleTester();
const at = (endColumn: number) => ({ line: 1, column: 1, endLine: 1, endColumn });

ruleTester.run('no-migration-conflict', rule, {
  valid: [
    { name: 'one version each', filename: rel('dup/migrations/022_base.ts'), code: UP },
    { name: 'a duplicate that shipped on both sides', filename: rel('shipped/migrations/007_a.ts'), code: UP },
    { name: 'the usual scheme', filename: rel('mixed/migrations/002_b.ts'), code: UP },
    { name: 'an outlier that shipped', filename: rel('mixed/migrations/1_legacy.ts'), code: UP },
    { name: 'two migrations of one day (dates are not unique versions)', filename: rel('dated/migrations/2024-01-15-add-email.ts'), code: UP },
    { name: 'a journal entry with its file, in order', filename: rel('drizzle/0000_init.sql'), code: '' },
    { name: 'not a migration folder', filename: rel('dup/src/023_x.ts'), code: UP },
    { name: 'a file not on disk (unsaved)', filename: rel('dup/migrations/023_unsaved.ts'), code: UP },
  ],
  invalid: [
    {
      name: 'duplicate version: the first of the pair',
      filename: rel('dup/migrations/023_add_email.ts'),
      code: UP,
      errors: [{ messageId: 'duplicateVersion', data: { name: '023_add_email.ts', version: '023', others: '`023_add_phone.ts`' }, ...at(30) }],
    },
    {
      name: 'duplicate version: the second of the pair',
      filename: rel('dup/migrations/023_add_phone.ts'),
      code: UP,
      errors: [{ messageId: 'duplicateVersion', data: { name: '023_add_phone.ts', version: '023', others: '`023_add_email.ts`' }, ...at(30) }],
    },
    {
      name: 'a timestamp in a sequence folder',
      filename: rel('mixed/migrations/20240115093000_d.ts'),
      code: UP,
      errors: [
        {
          messageId: 'mixedVersionSchemes',
          data: { name: '20240115093000_d.ts', scheme: 'a 14-digit timestamp (YYYYMMDDHHMMSS)', other: '001_a.ts', otherScheme: 'a 3-digit number' },
          ...at(30),
        },
      ],
    },
    {
      name: 'drizzle: a .sql file the journal does not list',
      filename: rel('drizzle/0002_unlisted.sql'),
      code: '',
      errors: [
        { messageId: 'journalMissingFile', data: { journal: '`meta/_journal.json`', tag: '0003_gone' }, ...at(1) },
        { messageId: 'journalUnlisted', data: { journal: '`meta/_journal.json`', name: '0002_unlisted.sql' }, ...at(1) },
      ],
    },
    {
      name: "drizzle: an entry whose `when` is not after its predecessor's",
      filename: rel('drizzle/0001_merge.sql'),
      code: '',
      errors: [{ messageId: 'journalOutOfOrder', data: { journal: '`meta/_journal.json`', name: '0001_merge.sql', previous: '0000_init.sql' }, ...at(1) }],
    },
    {
      name: 'drizzle: a journal that is not JSON',
      filename: rel('bad/drizzle/0000_init.sql'),
      code: '',
      errors: [
        {
          messageId: 'journalUnreadable',
          data: { journal: '`meta/_journal.json`', problem: `it is not valid JSON (${jsonError('{ "entries": [ ')})` },
          ...at(1),
        },
      ],
    },
  ],
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
