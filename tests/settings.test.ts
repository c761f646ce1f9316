import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';

/** Lints one file through the real ESLint class, as a new user's config would. */
async function lint(config: Record<string, unknown>, filePath = 'db/migrations/001_init.js', code = "exports.up = (knex) => knex.raw('CREATE INDEX i ON t (c)');") {
  const eslint = new ESLint({
    cwd: '/repo',
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.js'], plugins: { guardrails: plugin as unknown as ESLint.Plugin }, ...config }],
  });
  const [result] = await eslint.lintText(code, { filePath: `/repo/${filePath}` });
  return result?.messages ?? [];
}

describe('settings.guardrails validation', () => {
  it('rejects migrations given as a string, naming the key, the value and the form', async () => {
    await expect(
      lint({ rules: { 'guardrails/no-adhoc-ddl': 'error' }, settings: { guardrails: { migrations: 'db/**' } } }),
    ).rejects.toThrow("guardrails: `settings.guardrails.migrations` is \"db/**\"; expected an array of globs relative to ESLint's working directory, such as `['db/migrations/**']`.");
  });

  it('rejects an unknown dialect and a postgresVersion that is not a major version', async () => {
    await expect(
      lint({ rules: { 'guardrails/require-concurrent-index': 'error' }, settings: { guardrails: { dialect: 'postgresql' } } }),
    ).rejects.toThrow("`settings.guardrails.dialect` is \"postgresql\"; expected one of `'postgres'`, `'mysql'`, `'sqlite'`.");
    await expect(
      lint({ rules: { 'guardrails/require-concurrent-index': 'error' }, settings: { guardrails: { postgresVersion: '16' } } }),
    ).rejects.toThrow('`settings.guardrails.postgresVersion` is "16"; expected a PostgreSQL major version as a whole number, such as `16`.');
  });

  it('rejects seeds that are not a glob list, and a typo of a known key', async () => {
    await expect(lint({ rules: { 'guardrails/no-adhoc-ddl': 'error' }, settings: { guardrails: { seeds: [''] } } })).rejects.toThrow(
      '`settings.guardrails.seeds` is [""]',
    );
    await expect(lint({ rules: { 'guardrails/no-adhoc-ddl': 'error' }, settings: { guardrails: { migration: ['db/**'] } } })).rejects.toThrow(
      '`settings.guardrails.migration` is not a setting; did you mean `migrations`?',
    );
  });

  // Every rule that reads settings.guardrails rejects bad settings on every file: the seed rule used
  // to read its globs without validating them, and failed only on a file its defaults took for a seed.
  it('rejects bad settings in the seed rule alone, on a file that is not a seed', async () => {
    await expect(
      lint({ rules: { 'guardrails/require-seed-transaction': 'error' }, settings: { guardrails: { seeds: 'db/seeds/**' } } }, 'src/app.js', 'export const x = 1;'),
    ).rejects.toThrow('`settings.guardrails.seeds` is "db/seeds/**"; expected an array of globs');
    await expect(
      lint({ rules: { 'guardrails/require-seed-transaction': 'error' }, settings: { guardrails: { migration: ['db/**'] } } }, 'src/app.js', 'export const x = 1;'),
    ).rejects.toThrow('`settings.guardrails.migration` is not a setting; did you mean `migrations`?');
  });

  // A rule's own globs replace the settings' globs, not their validation.
  it('rejects bad settings in a rule given its own globs', async () => {
    await expect(
      lint({ rules: { 'guardrails/no-migration-conflict': ['error', { migrations: ['db/**'] }] }, settings: { guardrails: { migrations: 'db/**' } } }),
    ).rejects.toThrow('`settings.guardrails.migrations` is "db/**"; expected an array of globs');
    await expect(
      lint(
        { rules: { 'guardrails/require-seed-transaction': ['error', { seeds: ['db/seeds/**'] }] }, settings: { guardrails: { seeds: 'db/seeds/**' } } },
        'src/app.js',
        'export const x = 1;',
      ),
    ).rejects.toThrow('`settings.guardrails.seeds` is "db/seeds/**"; expected an array of globs');
  });

  it('rejects settings.guardrails that is not an object', async () => {
    await expect(lint({ rules: { 'guardrails/no-adhoc-ddl': 'error' }, settings: { guardrails: ['db/**'] } })).rejects.toThrow(
      'guardrails: `settings.guardrails` is ["db/**"]; expected an object such as',
    );
  });

  it('accepts valid settings and leaves unknown keys of other tools alone', async () => {
    const messages = await lint({
      rules: { 'guardrails/no-adhoc-ddl': 'error', 'guardrails/require-concurrent-index': 'error' },
      settings: { guardrails: { migrations: ['db/migrations/**'], seeds: ['db/seeds/**'], dialect: 'postgres', postgresVersion: 16, history: 'x' } },
    });
    expect(messages.map((message) => message.ruleId)).toEqual(['guardrails/require-concurrent-index']);
  });
});

describe('allowedHosts errors', () => {
  it('say what form an entry takes', async () => {
    const error = await lint(
      { rules: { 'guardrails/no-raw-external-anchor': ['error', { allowedHosts: ['https://x.com/path'] }] } },
      'src/a.js',
      'export const a = 1;',
    ).then(
      () => null,
      (caught: unknown) => (caught instanceof Error ? caught.message : String(caught)),
    );
    expect(error).toContain('allowedHosts');
    expect(error).toContain('https://x.com/path');
    expect(error).toContain('a host such as `example.com`');
    expect(error).not.toContain('should match pattern');
  });
});
