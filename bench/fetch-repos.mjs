#!/usr/bin/env node
/**
 * `node bench/fetch-repos.mjs [name…]`: fetches the public repositories of
 * bench/repos.json that are missing from BENCH_REPOS_DIR (default
 * ~/.cache/guardrails-bench/repos), each at its pinned commit, outside the
 * project tree. A blobless clone without checkout, then a checkout of the
 * commit: only the files of that commit are downloaded.
 *
 * A checkout that is already present is left alone; one at another commit is
 * reported (the benchmark skips it) and fixed by `git -C <checkout> fetch
 * origin <commit> && git -C <checkout> checkout <commit>`, or by deleting it
 * and running this again.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest, repoStates, reposDir } from './lib/repos.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const dir = reposDir();
const manifest = loadManifest(benchDir);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !manifest.some((entry) => entry.name === name));
if (unknown.length > 0) {
  console.error(`fetch-repos: not in bench/repos.json: ${unknown.join(', ')}`);
  process.exit(2);
}
const entries = wanted.length > 0 ? manifest.filter((entry) => wanted.includes(entry.name)) : manifest;

function git(args, cwd) {
  console.log(`$ git ${args.join(' ')}`);
  const result = spawnSync('git', args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (exit code ${result.status}).`);
}

let failed = 0;
for (const repo of repoStates(entries, dir)) {
  if (repo.state === 'ready') {
    console.log(`fetch-repos: ${repo.name} is present at ${repo.commit} (${repo.checkout})`);
    continue;
  }
  if (repo.state === 'wrong-commit') {
    console.error(`fetch-repos: ${repo.checkout} exists but is at ${repo.found ?? 'an unknown commit'}, not ${repo.commit}; fix it with \`git -C ${repo.checkout} fetch origin ${repo.commit} && git -C ${repo.checkout} checkout ${repo.commit}\`, or delete it and run this again.`);
    failed += 1;
    continue;
  }
  // Clone into a temporary folder first, so an interrupted fetch never looks like a checkout.
  const partial = `${repo.checkout}.partial`;
  try {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    git(['clone', '--filter=blob:none', '--no-checkout', repo.url, partial], dir);
    // The pinned commit may lie off the default branch: fetch it by id when the clone lacks it.
    const has = spawnSync('git', ['-C', partial, 'cat-file', '-e', `${repo.commit}^{commit}`]);
    if (has.status !== 0) git(['-C', partial, 'fetch', '--filter=blob:none', 'origin', repo.commit], dir);
    git(['-C', partial, '-c', 'advice.detachedHead=false', 'checkout', repo.commit], dir);
    fs.renameSync(partial, repo.checkout);
    console.log(`fetch-repos: ${repo.name} at ${repo.commit} in ${repo.checkout}`);
  } catch (error) {
    console.error(`fetch-repos: ${repo.name}: ${error.message}`);
    failed += 1;
  }
}
if (failed > 0) process.exitCode = 1;
