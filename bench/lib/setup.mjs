import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The benchmark has its own dependencies (ESLint 9 and the peer plugins), so
 * the plugin's devDependencies stay clean. They are installed with `npm ci`
 * on first use and again only when bench/package-lock.json changes.
 */
export function ensureBenchDependencies(benchDir) {
  const lock = fs.readFileSync(path.join(benchDir, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(benchDir, 'node_modules', '.bench-lock-hash');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return false;
  console.log('bench: installing the benchmark dependencies (npm ci in bench/)…');
  run(npmCommand(), ['ci', '--no-audit', '--no-fund'], benchDir);
  fs.writeFileSync(stamp, hash);
  return true;
}

/** Builds the plugin when `dist/index.js` is missing or BENCH_BUILD=1 (the root `bench` script builds first). */
export function ensurePluginBuild(repoDir, force) {
  const entry = path.join(repoDir, 'dist', 'index.js');
  if (!force && fs.existsSync(entry)) return entry;
  console.log('bench: building the plugin (npm run build)…');
  run(npmCommand(), ['run', 'build'], repoDir);
  return entry;
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit code ${result.status}).`);
  }
}
