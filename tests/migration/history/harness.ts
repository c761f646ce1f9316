import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../../../src/index';

export const ROOT = path.resolve(__dirname, '../../..');
const SCRATCH = path.join(ROOT, '.cache');
export const BIN = path.join(ROOT, 'dist/guardrails-migrations.js');

/**
 * A real project folder under the git-ignored `.cache/` (inside the project, so
 * paths relative to the test's cwd stay below it and match `**\/migrations/**`).
 */
export function makeProject(files: Record<string, string>): string {
  fs.mkdirSync(SCRATCH, { recursive: true });
  const dir = fs.mkdtempSync(path.join(SCRATCH, 'history-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface BinRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built bin (dist/) as a user would. */
export function runBin(args: string[], cwd: string): BinRun {
  if (!fs.existsSync(BIN)) throw new Error('dist/guardrails-migrations.js is missing: run `npm run build` first (`npm test` does).');
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string | null;
  readonly message: string;
}

/** Lints with the real ESLint class (flat config), the history rules and require-concurrent-index, in `cwd`. */
export async function lint(cwd: string, patterns: string[] = ['.']): Promise<Finding[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: { parser: tsParser },
        plugins: { guardrails: plugin as unknown as ESLint.Plugin },
        rules: {
          'guardrails/no-modified-migration': 'error',
          'guardrails/no-migration-conflict': 'error',
          'guardrails/require-concurrent-index': 'error',
        },
      },
    ],
  });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
        line: message.line,
        ruleId: message.ruleId,
        message: message.message,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}
