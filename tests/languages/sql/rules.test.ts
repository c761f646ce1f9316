/**
 * The migration rules on `.sql` files, through ESLint's own RuleTester with the
 * `guardrails/sql` language: the same messages as in JS/TS migrations, with
 * each runner's transaction model and the way out it offers.
 */
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import plugin from '../../../src/index';
import { TRANSACTION_REASONS, type TransactionReason } from '../../../src/migration-runners/transaction-reasons';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({ plugins: { guardrails: plugin }, language: 'guardrails/sql' });
const concurrentIndex = plugin.rules['require-concurrent-index'] as never;
const adhocDdl = plugin.rules['no-adhoc-ddl'] as never;

/** The message's data for a concurrent statement in a transaction: the reason and advice of `TRANSACTION_REASONS`. */
const inTransaction = (statement: string, reason: TransactionReason) => ({
  messageId: 'concurrentlyInTransaction',
  data: { statement, reason: TRANSACTION_REASONS[reason].reason, advice: TRANSACTION_REASONS[reason].advice },
});
const locks = (statement: string, concurrent: string) => ({ messageId: 'indexWithoutConcurrently', data: { statement, concurrent } });

const PRISMA = 'prisma/migrations/20260101000000_add_index/migration.sql';
const SUPABASE = 'supabase/migrations/20260101000000_add_index.sql';

ruleTester.run('require-concurrent-index (.sql)', concurrentIndex, {
  valid: [
    { name: 'concurrent build, psql', filename: 'db/migrations/001.sql', code: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);' },
    { name: 'index on a table created earlier in the file', filename: PRISMA, code: 'CREATE TABLE "Post" ("id" TEXT);\nCREATE INDEX "Post_id_idx" ON "Post"("id");' },
    { name: 'prisma 7.4+: CONCURRENTLY among other statements', filename: PRISMA, code: "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON t (c);" },
    { name: 'prisma before 7.4: CONCURRENTLY alone in its file', filename: PRISMA, code: 'CREATE INDEX CONCURRENTLY i ON t (c);', languageOptions: { runnerVersion: '7.3.0' } },
    { name: 'supabase: CONCURRENTLY runs apart', filename: SUPABASE, code: 'ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX CONCURRENTLY i ON t (c);' },
    { name: 'flyway: CREATE INDEX CONCURRENTLY runs outside', filename: 'db/migration/V3__idx.sql', code: 'CREATE UNIQUE INDEX CONCURRENTLY i ON t (c);' },
    { name: 'golang-migrate: alone in its file', filename: 'migrations/000003_idx.up.sql', code: 'CREATE INDEX CONCURRENTLY i ON t (c);' },
    { name: 'psql meta-commands and comments around it', filename: 'db/migrations/002.sql', code: "\\set ON_ERROR_STOP on\n-- CREATE INDEX i ON t (c);\nSELECT 'CREATE INDEX i ON t (c)';" },
    { name: 'partitioned parent (ON ONLY)', filename: 'db/migrations/003.sql', code: 'CREATE INDEX i ON ONLY measurements (c);' },
    { name: 'not a migration', filename: 'scripts/fix.sql', code: 'CREATE INDEX i ON t (c);' },
  ],
  invalid: [
    {
      name: 'index on an existing table (Prisma), with the CONCURRENTLY suggestion',
      filename: PRISMA,
      code: '-- CreateIndex\nCREATE INDEX "User_email_idx" ON "User"("email");',
      errors: [
        {
          ...locks('CREATE INDEX "User_email_idx"', 'CREATE INDEX CONCURRENTLY'),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 30,
          suggestions: [{ messageId: 'insertConcurrently', output: '-- CreateIndex\nCREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");' }],
        },
      ],
    },
    {
      name: 'lower-case keywords get a lower-case suggestion; CRLF line breaks',
      filename: 'db/migrations/005.sql',
      code: 'select 1;\r\ncreate unique index i on t (c);\r\n',
      errors: [
        {
          ...locks('CREATE UNIQUE INDEX i', 'CREATE UNIQUE INDEX CONCURRENTLY'),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 22,
          suggestions: [{ messageId: 'insertConcurrently', output: 'select 1;\r\ncreate unique index concurrently i on t (c);\r\n' }],
        },
      ],
    },
    {
      name: 'drizzle: all pending migrations in one transaction',
      filename: 'drizzle/0003_add_index.sql',
      code: 'CREATE INDEX CONCURRENTLY i ON t (c);',
      errors: [{ ...inTransaction('CREATE INDEX CONCURRENTLY i', 'drizzle'), line: 1, column: 1, endLine: 1, endColumn: 28, suggestions: [] }],
    },
    {
      name: 'prisma before 7.4: several statements are one transaction',
      filename: PRISMA,
      languageOptions: { runnerVersion: '7.3.0' },
      code: "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON t (c);",
      errors: [{ ...inTransaction('CREATE INDEX CONCURRENTLY i', 'prisma-script'), line: 2, column: 1, endLine: 2, endColumn: 28, suggestions: [] }],
    },
    {
      name: 'supabase before v2.109: one batch',
      filename: SUPABASE,
      languageOptions: { runnerVersion: '2.100.0' },
      code: 'CREATE INDEX CONCURRENTLY i ON t (c);',
      errors: [{ ...inTransaction('CREATE INDEX CONCURRENTLY i', 'supabase-batch'), line: 1, column: 1, endLine: 1, endColumn: 28, suggestions: [] }],
    },
    {
      name: 'flyway does not set REINDEX … CONCURRENTLY apart',
      filename: 'db/migration/V4__reindex.sql',
      code: 'REINDEX INDEX CONCURRENTLY i;',
      errors: [{ ...inTransaction('REINDEX INDEX CONCURRENTLY i', 'flyway'), line: 1, column: 1, endLine: 1, endColumn: 29, suggestions: [] }],
    },
    {
      name: 'golang-migrate: several statements in one query',
      filename: 'migrations/000004_idx.up.sql',
      code: 'ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX CONCURRENTLY i ON t (c);',
      errors: [{ ...inTransaction('CREATE INDEX CONCURRENTLY i', 'golang-migrate'), line: 2, column: 1, endLine: 2, endColumn: 28, suggestions: [] }],
    },
    {
      name: 'node-pg-migrate .sql migration',
      filename: 'migrations/1700000000000_idx.sql',
      code: '-- Up Migration\nCREATE INDEX CONCURRENTLY i ON t (c);\n-- Down Migration\nDROP INDEX CONCURRENTLY i;',
      errors: [
        { ...inTransaction('CREATE INDEX CONCURRENTLY i', 'node-pg-migrate-sql'), line: 2, column: 1, endLine: 2, endColumn: 28, suggestions: [] },
        { ...inTransaction('DROP INDEX CONCURRENTLY i', 'node-pg-migrate-sql'), line: 4, column: 1, endLine: 4, endColumn: 26, suggestions: [] },
      ],
    },
    {
      name: 'explicit BEGIN in a psql script, and a DO block',
      filename: 'db/migrations/006.sql',
      code: "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (c);\nCOMMIT;\nDO $$ BEGIN EXECUTE 'DROP INDEX CONCURRENTLY j'; END $$;",
      errors: [
        { ...inTransaction('CREATE INDEX CONCURRENTLY i', 'begin'), line: 2, column: 1, endLine: 2, endColumn: 28, suggestions: [] },
        { ...inTransaction('DROP INDEX CONCURRENTLY j', 'doBlock'), line: 4, column: 22, endLine: 4, endColumn: 47, suggestions: [] },
      ],
    },
    {
      name: 'DROP INDEX and REINDEX without CONCURRENTLY',
      filename: 'db/migrations/007.sql',
      code: 'DROP INDEX old_idx;\nREINDEX TABLE users;',
      errors: [
        {
          ...locks('DROP INDEX old_idx', 'DROP INDEX CONCURRENTLY'),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 19,
          suggestions: [{ messageId: 'insertConcurrently', output: 'DROP INDEX CONCURRENTLY old_idx;\nREINDEX TABLE users;' }],
        },
        {
          messageId: 'reindexWithoutConcurrently',
          data: { statement: 'REINDEX TABLE users', concurrent: 'REINDEX TABLE CONCURRENTLY' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 20,
          suggestions: [{ messageId: 'insertConcurrently', output: 'DROP INDEX old_idx;\nREINDEX TABLE CONCURRENTLY users;' }],
        },
      ],
    },
  ],
});

ruleTester.run('no-adhoc-ddl (.sql)', adhocDdl, {
  valid: [
    { name: 'a migration', filename: PRISMA, code: 'DROP TABLE "User";' },
    { name: 'queries only', filename: 'scripts/report.sql', code: "SELECT * FROM users WHERE note = 'DROP TABLE users';\n-- ALTER TABLE users ADD c int" },
    { name: 'temporary tables', filename: 'scripts/report.sql', code: 'CREATE TEMP TABLE t AS SELECT 1;' },
    { name: 'allowed kinds', filename: 'scripts/grants.sql', code: 'GRANT SELECT ON users TO reporting;', options: [{ allow: ['GRANT'] }] },
  ],
  invalid: [
    {
      name: 'a fix-up script',
      filename: 'scripts/fix-prod.sql',
      code: 'BEGIN;\nALTER TABLE users\n  ADD COLUMN verified boolean;\nCOMMIT;',
      errors: [
        {
          messageId: 'adhocDdl',
          data: { statement: 'ALTER TABLE users', migrations: 'migrations/' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 18,
        },
      ],
    },
  ],
});
