/**
 * The language inside real ESLint (the `Linter` of ESLint 10, flat config):
 * comment directives, unused-directive reports, language options, and what
 * happens to JS-only rules.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index';

const CWD = '/repo';
const linter = new Linter({ configType: 'flat', cwd: CWD });

function lint(text: string, filename: string, extra: Record<string, unknown> = {}, options: Linter.LintOptions = {}) {
  const config = {
    files: ['**/*.sql'],
    plugins: { guardrails: plugin },
    language: 'guardrails/sql',
    rules: { 'guardrails/no-adhoc-ddl': 'error' },
    ...extra,
  } as unknown as Linter.Config;
  return linter.verify(text, [config], { filename: `${CWD}/${filename}`, ...options });
}

const adhoc = (statement: string, line: number, column: number, endLine: number, endColumn: number) => ({
  ruleId: 'guardrails/no-adhoc-ddl',
  severity: 2,
  messageId: 'adhocDdl',
  message: `\`${statement}\` changes the schema outside a migration. Schema changes belong in a migration under \`migrations/\`.`,
  line,
  column,
  endLine,
  endColumn,
});

describe('comment directives', () => {
  it('eslint-disable-next-line with a justification silences the next line only', () => {
    const text = [
      '-- eslint-disable-next-line guardrails/no-adhoc-ddl -- one-off fix, reviewed',
      'ALTER TABLE users ADD COLUMN c int;',
      'ALTER TABLE orders ADD COLUMN c int;',
    ].join('\n');
    expect(lint(text, 'scripts/fix.sql')).toEqual([adhoc('ALTER TABLE orders', 3, 1, 3, 19)]);
  });

  it('a block eslint-disable … eslint-enable silences what is between', () => {
    const text = ['/* eslint-disable */', 'DROP TABLE a;', '/* eslint-enable */', 'DROP TABLE b;'].join('\n');
    expect(lint(text, 'scripts/fix.sql')).toEqual([adhoc('DROP TABLE b', 4, 1, 4, 13)]);
  });

  it('eslint-disable-line works in a trailing line comment', () => {
    expect(lint('DROP TABLE a; -- eslint-disable-line guardrails/no-adhoc-ddl\nDROP TABLE b;', 'scripts/fix.sql')).toEqual([
      adhoc('DROP TABLE b', 2, 1, 2, 13),
    ]);
  });

  it('reports an unused directive, with the fix that removes it', () => {
    const text = 'SELECT 1; -- eslint-disable-line guardrails/no-adhoc-ddl\n';
    expect(lint(text, 'scripts/fix.sql', {}, { reportUnusedDisableDirectives: 'error' } as unknown as Linter.LintOptions)).toEqual([
      {
        ruleId: null,
        severity: 2,
        message: "Unused eslint-disable directive (no problems were reported from 'guardrails/no-adhoc-ddl').",
        line: 1,
        column: 11,
        fix: { range: [10, 56], text: ' ' },
      },
    ]);
  });

  it('a /* eslint rule: off */ block comment configures rules; a line comment cannot', () => {
    expect(lint('/* eslint guardrails/no-adhoc-ddl: off */\nDROP TABLE a;', 'scripts/fix.sql')).toEqual([]);
    expect(lint('-- eslint guardrails/no-adhoc-ddl: off\nDROP TABLE a;', 'scripts/fix.sql')).toEqual([adhoc('DROP TABLE a', 2, 1, 2, 13)]);
  });

  it('a malformed rules comment is a problem at the comment', () => {
    const [problem] = lint('/* eslint guardrails/no-adhoc-ddl: [ */\nSELECT 1;', 'scripts/fix.sql');
    expect(problem).toMatchObject({ ruleId: null, fatal: true, line: 1, column: 1, endLine: 1, endColumn: 40 });
    expect(problem?.message).toMatch(/^Failed to parse JSON from/u);
  });

  it('directives inside strings are not directives', () => {
    expect(lint("SELECT '-- eslint-disable-next-line';\nDROP TABLE a;", 'scripts/fix.sql')).toEqual([adhoc('DROP TABLE a', 2, 1, 2, 13)]);
  });
});

describe('language options', () => {
  const withOptions = (languageOptions: unknown) => () => lint('SELECT 1;', 'scripts/x.sql', { languageOptions });

  it('accepts every documented runner and a version', () => {
    for (const runner of ['auto', 'psql', 'prisma', 'supabase', 'drizzle', 'node-pg-migrate', 'flyway', 'golang-migrate']) {
      expect(withOptions({ runner })()).toEqual([]);
    }
    expect(withOptions({ runner: 'prisma', runnerVersion: '7.3.1' })()).toEqual([]);
  });

  it('rejects an unknown runner, naming the option and the allowed values', () => {
    expect(withOptions({ runner: 'prismaa' })).toThrow(
      'guardrails/sql: language option "runner" must be one of "auto", "psql", "prisma", "supabase", "drizzle", "node-pg-migrate", "flyway", "golang-migrate"; got "prismaa".',
    );
  });

  it('rejects an unknown option and a malformed version', () => {
    expect(withOptions({ runer: 'psql' })).toThrow('guardrails/sql: unknown language option "runer". Allowed options: "runner", "runnerVersion".');
    expect(withOptions({ runnerVersion: 'latest' })).toThrow(
      'guardrails/sql: language option "runnerVersion" must be a version such as "7.3.0"; got "latest".',
    );
  });
});

describe('migrations and JS-only rules', () => {
  it('no-adhoc-ddl leaves .sql files inside the migration globs alone', () => {
    expect(lint('DROP TABLE a;', 'prisma/migrations/20260101000000_x/migration.sql')).toEqual([]);
    expect(lint('DROP TABLE a;', 'db/migrate/001.sql')).toEqual([]);
    expect(lint('DROP TABLE a;', 'sql/fix.sql', { settings: { guardrails: { migrations: ['sql/**'] } } })).toEqual([]);
  });

  it('no-adhoc-ddl reports DDL in DO blocks and EXECUTE strings of an ad-hoc script, and never prose in comments', () => {
    const text = "-- DROP TABLE users when done\nDO $$ BEGIN EXECUTE 'ALTER TABLE t ADD y int'; END $$;\nSELECT 'CREATE TABLE x (id int)';";
    expect(lint(text, 'scripts/fix.sql')).toEqual([adhoc('ALTER TABLE t', 2, 22, 2, 35)]);
  });

  it('refuses to enable the JSX link rule for .sql files (meta.languages, ESLint 10.2+)', () => {
    expect(() => lint('SELECT 1;', 'scripts/x.sql', { rules: { 'guardrails/no-raw-external-anchor': 'error' } })).toThrow(
      /do not support the language "guardrails\/sql":\n\t- "guardrails\/no-raw-external-anchor"/u,
    );
  });

  it('the link rule returns no listeners on a .sql file where ESLint does not check languages', () => {
    const rule = plugin.rules['no-raw-external-anchor'];
    const sourceCode = Object.assign(Object.create(null) as object, { [Symbol.for('eslint-plugin-guardrails/sql-source-code')]: true });
    expect(rule.create({ sourceCode, options: [{}], settings: {}, filename: 'x.sql', cwd: CWD })).toEqual({});
  });
});
