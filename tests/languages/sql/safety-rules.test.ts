/**
 * The migration safety rules are policies over the migration model, so a
 * `.sql` migration and a JS/TS migration running the same SQL get the same
 * findings with the same messages: only the locations differ (the JS host
 * reports inside the string).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index';

const RULES = ['require-not-valid-constraint', 'no-unsafe-not-null', 'no-table-rewrite', 'no-breaking-schema-change', 'require-lock-timeout'];
const ruleLevels = Object.fromEntries(RULES.map((rule) => [`guardrails/${rule}`, 'error' as const]));
const config: Linter.Config[] = [
  { files: ['**/*.sql'], plugins: { guardrails: plugin }, language: 'guardrails/sql', rules: ruleLevels },
  { files: ['**/*.js'], plugins: { guardrails: plugin }, rules: ruleLevels },
];
const linter = new Linter({ configType: 'flat', cwd: '/repo' });

function lint(file: string, code: string) {
  return linter.verify(code, config, `/repo/${file}`).map((message) => ({
    ruleId: message.ruleId,
    messageId: message.messageId,
    message: message.message,
    line: message.line,
    column: message.column,
  }));
}

/** The same SQL as a knex migration that runs outside a transaction (as a psql `.sql` file does). */
const asKnex = (sql: string) => `exports.up = async (knex) => {\n  await knex.raw(\`${sql}\`);\n};\nexports.config = { transaction: false };\n`;

const UNSAFE = [
  'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
  'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
  'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
  'ALTER TABLE users DROP COLUMN nickname;',
].join('\n');

describe('the safety rules on .sql migrations', () => {
  it('report what they report in a JS/TS migration, with the same messages', () => {
    const sql = lint('db/migrations/004_unsafe.sql', UNSAFE);
    const js = lint('db/migrations/004_unsafe.js', asKnex(UNSAFE));
    expect(sql.map(({ ruleId, messageId, line, column }) => `${line}:${column} ${ruleId} ${messageId}`)).toEqual([
      '1:1 guardrails/require-lock-timeout missingLockTimeout',
      '1:20 guardrails/require-not-valid-constraint missingNotValid',
      '2:19 guardrails/no-unsafe-not-null setNotNull',
      '3:19 guardrails/no-table-rewrite tableRewrite',
      '4:19 guardrails/no-breaking-schema-change breakingChange',
    ]);
    expect(sql.map(({ ruleId, messageId, message }) => ({ ruleId, messageId, message }))).toEqual(
      js.map(({ ruleId, messageId, message }) => ({ ruleId, messageId, message })),
    );
  });

  it('stay silent on the safe recipes and on a table the file creates', () => {
    const safe = [
      "SET lock_timeout = '2s';",
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
      'CREATE TABLE invoices (id bigint, total numeric(10, 2));',
      'ALTER TABLE invoices ALTER COLUMN total TYPE numeric(12, 2);',
      'ALTER TABLE invoices ALTER COLUMN id SET NOT NULL;',
      'ALTER TABLE invoices DROP COLUMN total;',
    ].join('\n');
    expect(lint('db/migrations/005_safe.sql', safe)).toEqual([]);
  });

  it('leave .sql files outside the migrations alone', () => {
    expect(lint('scripts/one-off.sql', UNSAFE)).toEqual([]);
  });
});
