/**
 * Bad input never takes a lint down: every rule that runs on `.sql` gets
 * through a 5 MB pg_dump, binary garbage, a MySQL dump, unterminated
 * constructs and empty files, as a migration and as an ad-hoc script.
 * (Speed is measured by `npm run bench`, never asserted here.)
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import * as sqlCorpus from '../../../bench/lib/corpus/sql.mjs';
// @ts-expect-error -- plain JavaScript
import * as prng from '../../../bench/lib/prng.mjs';
import plugin from '../../../src/index';

const { generatePgDump } = sqlCorpus as { generatePgDump: (bytes: number, seed: number) => string };
const { createRandom } = prng as { createRandom: (seed: number) => { int: (min: number, max: number) => number } };

const linter = new Linter({ configType: 'flat', cwd: '/repo' });
const config = [
  {
    files: ['**/*.sql'],
    plugins: { guardrails: plugin },
    language: 'guardrails/sql',
    rules: { 'guardrails/no-adhoc-ddl': 'error', 'guardrails/require-concurrent-index': 'error' },
  },
] as unknown as Linter.Config[];

const lint = (text: string, filename: string) => linter.verify(text, config, { filename: `/repo/${filename}` });
const fatal = (messages: Linter.LintMessage[]) => messages.filter((message) => message.fatal === true || message.ruleId === null);

function garbage(bytes: number, seed: number): string {
  const random = createRandom(seed);
  let text = '';
  for (let i = 0; i < bytes; i++) text += String.fromCharCode(random.int(0, 0xffff));
  return text;
}

const MYSQL_DUMP = [
  '-- MySQL dump 10.13  Distrib 8.0.36',
  '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
  'DROP TABLE IF EXISTS `users`;',
  'CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(255) DEFAULT NULL, PRIMARY KEY (`id`), KEY `idx_name` (`name`)) ENGINE=InnoDB;',
  "INSERT INTO `users` VALUES (1,'it\\'s'),(2,'back\\\\slash');",
  'DELIMITER ;;',
  'CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW BEGIN SET NEW.name = TRIM(NEW.name); END ;;',
  'DELIMITER ;',
  'CREATE INDEX idx_late ON users (name);',
].join('\n');

const inputs: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n\r\n\t'],
  ['BOM only', '\uFEFF'],
  ['comments only', '-- a\n/* b */'],
  ['unterminated dollar quote', 'CREATE INDEX i ON t (c);\nDO $body$ BEGIN CREATE INDEX j ON t (c);'],
  ['unterminated block comment', 'CREATE INDEX i ON t (c);\n/* never closed /* nested */'],
  ['unterminated string', "CREATE INDEX i ON t (c);\nSELECT 'never closed;\nDROP TABLE x;"],
  ['unterminated quoted identifier', 'CREATE INDEX "never closed ON t (c);'],
  ['lone backslashes', '\\\n\\\\\n\\'],
  ['psql meta-commands', "\\set ON_ERROR_STOP on\n\\connect db\n\\i ./other.sql\n\\copy t FROM stdin\n1\t'x\n\\.\nCREATE INDEX i ON t (c);"],
  ['MySQL dump', MYSQL_DUMP],
  ['binary garbage', garbage(20_000, 7)],
  ['NUL bytes', '\u0000'.repeat(1000) + 'CREATE INDEX i ON t (c);'],
];

describe.each(['prisma/migrations/1_x/migration.sql', 'scripts/fix.sql'])('%s', (filename) => {
  it.each(inputs)('%s: no crash, no parse error', (_name, text) => {
    expect(fatal(lint(text, filename))).toEqual([]);
  });
});

it('a 5 MB pg_dump lints without a crash and sees through its COPY data', () => {
  const dump = generatePgDump(5 * 1024 * 1024, 1);
  expect(dump.length).toBeGreaterThan(5 * 1024 * 1024);
  const messages = lint(dump, 'scripts/restore.sql');
  expect(fatal(messages)).toEqual([]);
  // Every table, function and index of the dump is DDL outside a migration; the COPY data is not SQL.
  const tables = (dump.match(/^CREATE TABLE /gmu) ?? []).length;
  const kinds = new Set(messages.map((message) => /^`(\w+ \w+)/u.exec(message.message)?.[1]));
  expect(kinds).toEqual(new Set(['CREATE TABLE', 'ALTER TABLE', 'CREATE FUNCTION', 'CREATE INDEX']));
  expect(messages.filter((message) => message.message.startsWith('`CREATE TABLE')).length).toBe(tables);
});
