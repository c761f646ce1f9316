#!/usr/bin/env node
/**
 * `npm run bench`: lints real public repositories (bench/repos.json, each at
 * its pinned commit, checked out outside the tree) and then a generated
 * corpus, with ESLint's per-rule timing, and compares each guardrails rule
 * with its floor (empty visitors on the same selectors) and with its peer
 * rules, several rounds, medians reported. See docs/benchmarks.md for the
 * method and the latest figures.
 *
 * Environment:
 *   BENCH_REPOS=all|none|a,b   which repositories of bench/repos.json to lint (default all present)
 *   BENCH_REPOS_DIR=<path>     where the checkouts live (default ~/.cache/guardrails-bench/repos)
 *   BENCH_CORPUS=0             skip the generated corpus
 *   BENCH_FILES=2000           size of the generated corpus (files)
 *   BENCH_SEED=1               seed of the generated corpus
 *   BENCH_SAMPLE=<n>           about n files of each repository (every k-th), for a quick look
 *   BENCH_ROUNDS=3             timed rounds on each repository and on the corpus (median reported)
 *   BENCH_SCALE_ROUNDS=2       timed rounds on the doubled corpus (0 skips the scaling check)
 *   BENCH_DIR=<path>           lint this checkout only (no repositories, no corpus)
 *   BENCH_NEXT_ROOT=<globs>    comma-separated Next.js root dirs for @next/next rules (BENCH_DIR only)
 *   BENCH_CHUNK=50             files per chunk (each pass in turn on a chunk; the parse cache holds one chunk)
 *   BENCH_PARSE_CACHE=0        parse every file in every pass (no shared parse results)
 *   BENCH_WRITE=1|0            write docs/benchmarks.md (default: 1 only for a full default run)
 *   BENCH_BUILD=1              rebuild the plugin even when dist/index.js exists
 *   BENCH_PLUGIN=<file>        measure another build of the plugin (e.g. a before/after comparison)
 *   BENCH_QUIET=1              also time each rule with reporting switched off (one more pass per rule)
 *
 * Only Node built-ins are imported statically: the benchmark's own
 * dependencies may not be installed yet when this file starts.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadManifest, repoStates, reposDir, selectRepos, fetchCommand } from './lib/repos.mjs';
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

const dir = process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : null;
const manifest = loadManifest(benchDir);
const selected = dir ? [] : selectRepos(manifest);
const checkoutsDir = reposDir();
const states = repoStates(selected, checkoutsDir);
const notMeasured = [];
for (const repo of states) {
  if (repo.state === 'ready') continue;
  notMeasured.push(repo.name);
  console.warn(
    repo.state === 'missing'
      ? `bench: ${repo.name} is not in ${checkoutsDir}; fetch it with \`${fetchCommand(checkoutsDir)} ${repo.name}\`.`
      : `bench: ${repo.checkout} is at ${repo.found ?? 'an unknown commit'}, not ${repo.commit}; it is skipped (\`${fetchCommand(checkoutsDir)} ${repo.name}\` says how to fix it).`,
  );
}

const options = {
  files: numberFromEnv('BENCH_FILES', 2000, 10),
  seed: numberFromEnv('BENCH_SEED', 1, 0),
  repoRounds: numberFromEnv('BENCH_ROUNDS', 3, 1),
  corpusRounds: numberFromEnv('BENCH_ROUNDS', 3, 1),
  scaleRounds: numberFromEnv('BENCH_SCALE_ROUNDS', 2, 0),
  dir,
  nextRoot: process.env.BENCH_NEXT_ROOT,
  repos: states.filter((repo) => repo.state === 'ready'),
  notMeasured,
  fetchCommand: fetchCommand(checkoutsDir),
  sample: numberFromEnv('BENCH_SAMPLE', 0, 0),
  chunk: numberFromEnv('BENCH_CHUNK', 50, 1),
  corpus: process.env.BENCH_CORPUS !== '0',
  parseCache: process.env.BENCH_PARSE_CACHE !== '0',
  build: process.env.BENCH_BUILD === '1',
  quiet: process.env.BENCH_QUIET === '1',
};
// Only a full default run (every repository at its commit, the default corpus,
// this repository's build, the parse cache) replaces the documented figures.
const isReferenceRun =
  dir === null &&
  notMeasured.length === 0 &&
  ['BENCH_REPOS', 'BENCH_PLUGIN', 'BENCH_FILES', 'BENCH_SEED', 'BENCH_CORPUS', 'BENCH_PARSE_CACHE', 'BENCH_SAMPLE', 'BENCH_CHUNK'].every((name) => !process.env[name]);
options.write = process.env.BENCH_WRITE ? process.env.BENCH_WRITE === '1' : isReferenceRun;
if (!options.write && !process.env.BENCH_WRITE && notMeasured.length > 0) console.warn('bench: docs/benchmarks.md is not rewritten: some repositories are not measured.');

ensureBenchDependencies(benchDir);
const pluginEntry = process.env.BENCH_PLUGIN
  ? path.resolve(process.env.BENCH_PLUGIN)
  : ensurePluginBuild(repoDir, options.build);
const { runBenchmark } = await import(pathToFileURL(path.join(benchDir, 'lib', 'benchmark.mjs')).href);
await runBenchmark({ ...options, benchDir, repoDir, pluginEntry });

// The `.sql` language next to squawk-cli (bench/sql.mjs); BENCH_SQL=0 skips it.
if (process.env.BENCH_SQL !== '0') await import(pathToFileURL(path.join(benchDir, 'sql.mjs')).href);
