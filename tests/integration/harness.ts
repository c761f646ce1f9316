import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE_DIR = path.join(ROOT, 'examples/monorepo');
const FIXTURES_DIR = path.join(__dirname, 'fixtures');
/** Installs survive between runs (keyed by the fixture's lockfile), so a warm `npm test` stays fast. */
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/guardrails-integration');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Finding {
  ruleId: string | null;
  file: string;
  line: number;
}

export interface EslintRun {
  exitCode: number | null;
  stderr: string;
  findings: Finding[];
  fatal: string[];
  /** Every file ESLint linted, relative to the project. */
  files: string[];
}

function npm(args: string[], cwd: string): void {
  execFileSync(NPM, args, { cwd, stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/** `npm pack` of the built package into a fresh temp folder; returns the tarball path. */
export function packPlugin(): string {
  if (!fs.existsSync(path.join(ROOT, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
  }
  const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-pack-'));
  const output = execFileSync(NPM, ['pack', '--json', '--pack-destination', destination], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(output) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error('npm pack printed nothing');
  return path.join(destination, info.filename);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` once across every vitest worker: the first to take the lock (an
 * atomic `mkdir`) does it, the others wait for `done` to exist. A lock left by a
 * killed run is taken over after `staleMs`.
 */
function once(lock: string, done: string, work: () => void, staleMs = 15 * 60_000): void {
  while (!fs.existsSync(done)) {
    try {
      fs.mkdirSync(lock);
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(500);
      continue;
    }
    try {
      if (!fs.existsSync(done)) work();
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * `npm ci` of a fixture, once per lockfile: every test file's consumer is a copy
 * of it, so adding a test file costs a folder copy, not another install.
 */
function baseInstall(fixture: string): string {
  const source = path.join(FIXTURES_DIR, fixture);
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) hash.update(fs.readFileSync(path.join(source, file)));
  const dir = path.join(CACHE_DIR, `base-${fixture}-${hash.digest('hex').slice(0, 12)}`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  once(`${dir}.lock`, path.join(dir, '.installed'), () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
      fs.copyFileSync(path.join(source, file), path.join(dir, file));
    }
    npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    fs.writeFileSync(path.join(dir, '.installed'), new Date().toISOString());
  });
  return dir;
}

/**
 * A consumer project with one ESLint version: a copy of the fixture's cached
 * `npm ci` (see `baseInstall`), then the packed tarball installed the way a user
 * would. `owner` names the test file using it: test files run in parallel, so
 * each gets its own copy and none reinstalls under another's feet.
 */
export function prepareConsumer(fixture: string, tarball: string, owner: string): string {
  const base = baseInstall(fixture);
  const dir = path.join(CACHE_DIR, `${owner}-${path.basename(base).slice('base-'.length)}`);
  const marker = path.join(dir, '.installed');
  if (!fs.existsSync(marker)) {
    // Copied aside and renamed, so an interrupted copy never passes for a finished one.
    const partial = `${dir}.partial-${process.pid}`;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(base, partial, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(partial, dir);
  }
  // The tarball changes with every build: install it every time (--no-save keeps the fixture's lockfile as is).
  npm(['install', '--no-save', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], dir);
  return dir;
}

/** A fresh copy of the example monorepo inside the consumer, so module resolution finds its node_modules. */
export function copyExample(consumerDir: string, name: string): string {
  const target = path.join(consumerDir, 'projects', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(EXAMPLE_DIR, target, {
    recursive: true,
    filter: (file) => !file.split(path.sep).includes('node_modules'),
  });
  return target;
}

interface EslintJsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[];
}

/** Runs the consumer's own ESLint CLI with `--format json` and reads its findings. */
export function runEslint(consumerDir: string, projectDir: string, args: string[], env: Record<string, string> = {}): EslintRun {
  const bin = path.join(consumerDir, 'node_modules/eslint/bin/eslint.js');
  const result = spawnSync(process.execPath, [bin, '--format', 'json', ...args], {
    cwd: projectDir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  let parsed: EslintJsonResult[] = [];
  try {
    parsed = JSON.parse(result.stdout) as EslintJsonResult[];
  } catch {
    throw new Error(`ESLint printed no JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const findings: Finding[] = [];
  const fatal: string[] = [];
  const files: string[] = [];
  for (const file of parsed) {
    const relative = path.relative(projectDir, file.filePath).split(path.sep).join('/');
    files.push(relative);
    for (const message of file.messages) {
      if (message.fatal || message.ruleId === null) fatal.push(`${relative}:${message.line} ${message.message}`);
      else findings.push({ ruleId: message.ruleId, file: relative, line: message.line });
    }
  }
  return { exitCode: result.status, stderr: result.stderr, findings: sortFindings(findings), fatal, files: files.sort() };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || String(a.ruleId).localeCompare(String(b.ruleId)),
  );
}

/** What the example monorepo plants, as listed next to it. */
export function expectedFindings(): Finding[] {
  const raw = JSON.parse(fs.readFileSync(path.join(EXAMPLE_DIR, 'expected-findings.json'), 'utf8')) as {
    findings: Finding[];
  };
  return sortFindings(raw.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line })));
}
