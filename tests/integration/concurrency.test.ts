import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, expectedFindings, packPlugin, prepareConsumer } from './harness';

/**
 * `eslint --concurrency` (ESLint 9.34+) lints files in worker threads, each
 * loading its own copy of the plugin. Whatever the thread count, the report
 * must be exactly the single-threaded one: every message, location and
 * suggestion, on both ESLint versions that support it.
 */
const fixtures = ['eslint9', 'eslint10'] as const;

interface Report {
  exitCode: number | null;
  stderr: string;
  /** Every message in ESLint's JSON output, as one comparable line each. */
  messages: string[];
}

function lint(consumer: string, project: string, concurrency: string): Report {
  const bin = path.join(consumer, 'node_modules/eslint/bin/eslint.js');
  const result = spawnSync(process.execPath, [bin, '--format', 'json', `--concurrency=${concurrency}`, '.'], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let parsed: { filePath: string; messages: Record<string, unknown>[] }[];
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    throw new Error(`ESLint printed no JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const messages = parsed.flatMap((file) => {
    const relative = path.relative(project, file.filePath).split(path.sep).join('/');
    return file.messages.map((message) => `${relative} ${JSON.stringify(message)}`);
  });
  // ESLint's timing-based hint that threads do not pay off on a project this small (one line and a trace hint).
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !/ESLintPoorConcurrencyWarning|node --trace-warnings/.test(line))
    .join('\n')
    .trim();
  return { exitCode: result.status, stderr, messages: messages.sort() };
}

describe.each(fixtures)('%s --concurrency', (fixture) => {
  let consumer = '';
  let project = '';
  let single: Report;

  beforeAll(() => {
    consumer = prepareConsumer(fixture, packPlugin(), 'concurrency');
    project = copyExample(consumer, 'concurrency');
    single = lint(consumer, project, 'off');
  });

  it('off reports what the example plants (the baseline the threaded runs must match)', () => {
    expect(single.stderr).toBe('');
    expect(single.exitCode).toBe(1);
    const planted = expectedFindings().map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);
    const found = single.messages.map((line) => {
      const [file = '', json = '{}'] = line.split(/ (.*)/s);
      const message = JSON.parse(json) as { line: number; ruleId: string };
      return `${file}:${message.line} ${message.ruleId}`;
    });
    expect(found.sort()).toEqual(planted.sort());
  });

  it.each(['2', 'auto'])('%s reports exactly what off reports', (concurrency) => {
    const threaded = lint(consumer, project, concurrency);
    expect(threaded.stderr).toBe('');
    expect(threaded.messages).toEqual(single.messages);
    expect(threaded.exitCode).toBe(single.exitCode);
  }, 120_000);
});
