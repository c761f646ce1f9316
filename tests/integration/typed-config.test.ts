import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packPlugin, prepareConsumer } from './harness';

/**
 * A TypeScript user's `eslint.config.ts`, type-checked with `tsc --strict` against
 * each consumer's own ESLint types and the packed plugin's `.d.ts`: no casts.
 */
const FIXTURE = path.join(__dirname, 'fixtures/typed-config');
const fixtures = ['eslint9', 'eslint10'] as const;
// `tsc` checks ESLint's and the plugin's declaration files too (no skipLibCheck): seconds of CPU each.
const TSC_TIMEOUT = 300_000;

let tarball = '';
beforeAll(() => {
  tarball = packPlugin();
});

/** One file that uses every exported config in every form, so a config added later is checked too. */
function everyConfigFile(configs: Record<string, unknown>): string {
  const configNames = Object.keys(configs);
  const flat = configNames.filter((name) => name.startsWith('flat/'));
  const legacy = configNames.filter((name) => !name.includes('/'));
  // A flat config is one object, or an array of them (JS/TS and `.sql` entries): each is used its own way.
  const spread = (name: string) =>
    Array.isArray(configs[name])
      ? [
          `  ...guardrails.configs[${JSON.stringify(name)}],`,
          `  ...guardrails.configs[${JSON.stringify(name)}].map((config) => ({ ...config, ignores: ['vendor/**'] })),`,
        ]
      : [`  { ...guardrails.configs[${JSON.stringify(name)}], files: ['src/**/*.ts'] },`];
  const element = (name: string) =>
    Array.isArray(configs[name]) ? `  ...guardrails.configs[${JSON.stringify(name)}],` : `  guardrails.configs[${JSON.stringify(name)}],`;
  const lines = [
    "import { defineConfig } from 'eslint/config';",
    "import type { ESLint, Linter } from 'eslint';",
    "import guardrails from 'eslint-plugin-guardrails';",
    '',
    '// The plugin is typed (not `any`): a wrong use is an error.',
    '// @ts-expect-error the plugin is not a string',
    'export const notAString: string = guardrails;',
    'export const plugin: ESLint.Plugin = guardrails;',
    '',
    'export default defineConfig([',
    ...flat.map((name) => `  { plugins: { guardrails }, extends: [${JSON.stringify(name.replace('flat/', 'guardrails/'))}] },`),
    ...flat.map((name) => `  { extends: [guardrails.configs[${JSON.stringify(name)}]] },`),
    ...flat.map((name) => `  guardrails.configs[${JSON.stringify(name)}],`),
    ...flat.flatMap(spread),
    ']);',
    '',
    'export const flat: Linter.Config[] = [',
    ...flat.map(element),
    '];',
    'export const legacy: Linter.LegacyConfig[] = [',
    ...legacy.map((name) => `  guardrails.configs[${JSON.stringify(name)}],`),
    '];',
    '',
  ];
  return lines.join('\n');
}

describe.each(fixtures)('%s types', (fixture) => {
  let consumer = '';
  let project = '';
  beforeAll(() => {
    consumer = prepareConsumer(fixture, tarball, 'types');
    project = path.join(consumer, 'projects', 'typed-config');
    fs.rmSync(project, { recursive: true, force: true });
    fs.cpSync(FIXTURE, project, { recursive: true });
  });

  function tsc(): { status: number | null; output: string } {
    const bin = path.join(consumer, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [bin, '-p', project], { cwd: project, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('type-checks the fixture eslint.config.ts and every exported config, with no casts', () => {
    const installed = createRequire(path.join(consumer, 'package.json'))('eslint-plugin-guardrails') as {
      configs: Record<string, unknown>;
    };
    expect(Object.keys(installed.configs)).toContain('flat/recommended');
    fs.writeFileSync(path.join(project, 'every-config.ts'), everyConfigFile(installed.configs));
    const result = tsc();
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  }, TSC_TIMEOUT);

  it('reports a misuse, so the check is not vacuous', () => {
    fs.writeFileSync(
      path.join(project, 'every-config.ts'),
      "import guardrails from 'eslint-plugin-guardrails';\nexport const missing = guardrails.configs['flat/nope'];\n",
    );
    const result = tsc();
    expect(result.output).toMatch(/every-config\.ts\(2,\d+\): error TS7053/);
    expect(result.status).toBe(2);
  }, TSC_TIMEOUT);
});
