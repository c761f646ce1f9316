#!/usr/bin/env node
/**
 * `npm run bench`: lints a corpus with ESLint's per-rule timing and compares
 * each guardrails rule with its floor (empty visitors on the same selectors)
 * and with its peer rules, several rounds, medians reported. See
 * docs/benchmarks.md for the method and the latest figures.
 *
 * Environment:
 *   BENCH_FILES=2000        size of the generated corpus (files)
 *   BENCH_SEED=1            seed of the generated corpus
 *   BENCH_ROUNDS=5          timed rounds on the corpus (median reported)
 *   BENCH_SCALE_ROUNDS=3    timed rounds on the doubled corpus (0 skips the scaling check)
 *   BENCH_DIR=<path>        lint a real checkout instead of the generated corpus
 *   BENCH_NEXT_ROOT=<globs> comma-separated Next.js root dirs for @next/next rules (BENCH_DIR only)
 *   BENCH_WRITE=1|0         write docs/benchmarks.md (default: 1 only for the default corpus and build)
 *   BENCH_BUILD=1           rebuild the plugin even when dist/index.js exists
 *   BENCH_PLUGIN=<file>     measure another build of the plugin (e.g. a before/after comparison)
 *   BENCH_QUIET=1           also time each rule with reporting switched off (one more pass per rule)
 *
 * Only Node built-ins are imported statically: the benchmark's own
 * dependencies may not be installed yet when this file starts.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBenchDependencies, ensurePluginBuild } from './lib/setup.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(benchDir, '..');

function numberFromEnv(name, fallback, minimum) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer ≥ ${minimum}, got "${raw}".`);
  return value;
}

const options = {
  files: numberFromEnv('BENCH_FILES', 2000, 10),
  seed: numberFromEnv('BENCH_SEED', 1, 0),
  rounds: numberFromEnv('BENCH_ROUNDS', 5, 1),
  scaleRounds: numberFromEnv('BENCH_SCALE_ROUNDS', 3, 0),
  dir: process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : null,
  nextRoot: process.env.BENCH_NEXT_ROOT,
  build: process.env.BENCH_BUILD === '1',
  quiet: process.env.BENCH_QUIET === '1',
};
// Only a full run of the default corpus with this repository's build replaces the documented figures.
const isReferenceRun = options.dir === null && !process.env.BENCH_PLUGIN && !process.env.BENCH_FILES && !process.env.BENCH_SEED;
options.write = process.env.BENCH_WRITE ? process.env.BENCH_WRITE === '1' : isReferenceRun;

ensureBenchDependencies(benchDir);
const pluginEntry = process.env.BENCH_PLUGIN
  ? path.resolve(process.env.BENCH_PLUGIN)
  : ensurePluginBuild(repoDir, options.build);
const { runBenchmark } = await import(pathToFileURL(path.join(benchDir, 'lib', 'benchmark.mjs')).href);
await runBenchmark({ ...options, benchDir, repoDir, pluginEntry });

// The `.sql` language next to squawk-cli (bench/sql.mjs); BENCH_SQL=0 skips it.
if (process.env.BENCH_SQL !== '0') await import(pathToFileURL(path.join(benchDir, 'sql.mjs')).href);
