import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The public repositories of the real-repository mode (bench/repos.json).
 * Checkouts live outside the project tree, in BENCH_REPOS_DIR/<name>, and
 * count only at their pinned commit: `git rev-parse HEAD` equals it or, for an
 * extracted copy without `.git`, the file `<checkout>/.bench-commit` holds it.
 */
export function loadManifest(benchDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(benchDir, 'repos.json'), 'utf8'));
  for (const entry of manifest.repos) {
    if (!/^[a-z0-9._-]+$/i.test(entry.name) || !/^[0-9a-f]{40}$/.test(entry.commit)) {
      throw new Error(`bench/repos.json: bad entry ${JSON.stringify(entry.name)} (name or 40-hex commit).`);
    }
  }
  return manifest.repos;
}

export function reposDir() {
  return path.resolve(process.env.BENCH_REPOS_DIR || path.join(os.homedir(), '.cache', 'guardrails-bench', 'repos'));
}

/** BENCH_REPOS=a,b selects manifest entries; `none` selects none; unset or `all` selects all. */
export function selectRepos(manifest, selection = process.env.BENCH_REPOS) {
  if (selection === undefined || selection.trim() === '' || selection.trim() === 'all') return manifest;
  if (selection.trim() === 'none') return [];
  const names = selection.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !manifest.some((entry) => entry.name === name));
  if (unknown.length > 0) throw new Error(`BENCH_REPOS names ${unknown.join(', ')}, not in bench/repos.json (${manifest.map((entry) => entry.name).join(', ')}).`);
  return manifest.filter((entry) => names.includes(entry.name));
}

/** The commit a checkout is at, or null when it is missing (or unreadable). */
export function checkoutCommit(checkout) {
  if (!fs.existsSync(checkout)) return null;
  if (fs.existsSync(path.join(checkout, '.git'))) {
    const result = spawnSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
    if (result.status === 0) return result.stdout.trim();
  }
  const marker = path.join(checkout, '.bench-commit');
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  return null;
}

/** Where each selected repository stands: `ready` (at its pinned commit), `missing` or `wrong-commit`. */
export function repoStates(entries, dir = reposDir()) {
  return entries.map((entry) => {
    const checkout = path.join(dir, entry.name);
    const commit = checkoutCommit(checkout);
    const state = commit === entry.commit ? 'ready' : fs.existsSync(checkout) ? 'wrong-commit' : 'missing';
    return { ...entry, checkout, found: commit, state };
  });
}

/** The command that fetches missing checkouts into `dir` (naming the folder only when it is not the default). */
export function fetchCommand(dir = reposDir()) {
  return process.env.BENCH_REPOS_DIR ? `BENCH_REPOS_DIR=${JSON.stringify(dir)} node bench/fetch-repos.mjs` : 'node bench/fetch-repos.mjs';
}
