import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/coverage/**', '**/out/**'];
const ALL_SOURCES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];

/**
 * One flat config with every measured rule on every file: the rules share a
 * single parse and traversal per file (as in a real run), and ESLint's `stats`
 * attribute to each rule only the time spent in its own `create()` and
 * listeners — the figures `TIMING=all` prints.
 */
export function buildConfig({ plugins, rules, settings, parsers = null }) {
  return [
    { ignores: IGNORES },
    {
      files: ['**/*.{js,jsx,mjs,cjs}'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        // espree, ESLint's default, unless the timed rounds' parse cache wraps it (same options).
        ...(parsers ? { parser: parsers.js } : {}),
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    {
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: { parser: parsers ? parsers.ts : tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      files: ALL_SOURCES,
      plugins,
      rules,
      settings,
      // Disable comments in a real checkout must not switch any rule off for
      // part of a file: every rule sees every node.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
  ];
}

export function createLinter(cwd, config) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: config,
    stats: true,
    cache: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
}

/**
 * Lints `files` once per pass, in chunks (50 files by default): for each chunk, every
 * pass in turn. With a parse cache (see parse-cache.mjs), each chunk starts
 * with an empty cache and an unmeasured parse pass (`parsePass`: only the
 * warm-up rule), which parses the chunk's files; the measured passes then
 * reuse those parse results, and every one of them finds the ASTs as cold as
 * the next (one walk over the whole chunk ago), where the first pass after a parse
 * would find them hot in the CPU caches.
 *
 * A pass is one ESLint instance holding a few rules, so that each measured
 * rule is the first to touch the file's SourceCode, as it is when linted
 * alone (a rule that runs after another one walking the same
 * nodes and scopes finds them warm in the CPU caches and in ESLint's scope
 * cache, and looks two to three times cheaper than it is). Interleaving the
 * passes chunk by chunk lets load from other processes fall on all alike.
 * Chunks also keep ESLint from holding the results of a whole corpus.
 * Returns wall and CPU time, file count and per-rule milliseconds.
 */
export async function timedRound(passes, files, { chunkSize = 50, cache = null, parsePass = null, split = [] } = {}) {
  const perRule = {};
  for (const pass of passes) for (const id of pass.ruleIds) perRule[id] = 0;
  // split: [{ id, ruleIds, files }]: the time of ruleIds on the files (a Set of paths) the rule `id` acts on.
  const active = Object.fromEntries(split.map(({ id, ruleIds }) => [id, { files: 0, parseMs: 0, perRule: Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 0])) }]));
  let wallMs = 0;
  let cpuMs = 0;
  let parseMs = 0;
  let problems = 0;
  for (let start = 0; start < files.length; start += chunkSize) {
    const chunk = files.slice(start, start + chunkSize);
    cache?.clear();
    // Each file's parse time (in the parse pass, or else the first pass), and each rule's time per file.
    const parseOf = new Map();
    const timesOf = new Map();
    for (const pass of parsePass ? [parsePass, ...passes] : passes) {
      const began = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const results = await pass.eslint.lintFiles(chunk);
      wallMs += Number(process.hrtime.bigint() - began) / 1e6;
      // CPU time of this process: unlike wall time, not inflated while other processes hold the cores.
      const cpu = process.cpuUsage(cpuBefore);
      cpuMs += (cpu.user + cpu.system) / 1000;
      for (const result of results) {
        problems += result.messages.length;
        for (const timing of result.stats?.times.passes ?? []) {
          const parse = timing.parse?.total ?? 0;
          parseMs += parse;
          if (pass === (parsePass ?? passes[0])) parseOf.set(result.filePath, (parseOf.get(result.filePath) ?? 0) + parse);
          for (const id of pass.ruleIds) {
            const time = timing.rules?.[id]?.total ?? 0;
            perRule[id] += time;
            if (split.length > 0) timesOf.set(`${id}\0${result.filePath}`, (timesOf.get(`${id}\0${result.filePath}`) ?? 0) + time);
          }
        }
      }
    }
    // The set-up probes have now seen every file of the chunk.
    for (const { id, ruleIds, files: activeSet } of split) {
      for (const file of parseOf.keys()) {
        if (!activeSet.has(file)) continue;
        active[id].files += 1;
        active[id].parseMs += parseOf.get(file) ?? 0;
        for (const ruleId of ruleIds) active[id].perRule[ruleId] += timesOf.get(`${ruleId}\0${file}`) ?? 0;
      }
    }
  }
  return { wallMs, cpuMs, parseMs, files: files.length, problems, perRule, active };
}

function ruleIdOf(error) {
  if (error.ruleId) return error.ruleId;
  const match = /rule '([^']+)'/.exec(error.message);
  return match ? match[1] : 'unknown';
}

/**
 * Robustness pass: every rule on every file. A rule that throws aborts the
 * whole file in ESLint, so after an exception the file is linted again
 * without the rule that threw, until it lints cleanly; every exception is
 * counted against its rule. Parse errors (fatal messages) are counted too.
 */
export async function robustnessPass({ cwd, files, makeConfig, ruleIds }) {
  const exceptions = Object.fromEntries(ruleIds.map((id) => [id, []]));
  const linters = new Map();
  const linterWithout = (disabled) => {
    const key = [...disabled].sort().join(',');
    if (!linters.has(key)) linters.set(key, createLinter(cwd, makeConfig(disabled)));
    return linters.get(key);
  };
  let fatal = 0;
  const fatalFiles = [];
  const problemsPerRule = Object.fromEntries(ruleIds.map((id) => [id, 0]));
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    const text = fs.readFileSync(absolute, 'utf8');
    const disabled = new Set();
    for (;;) {
      try {
        const [result] = await linterWithout(disabled).lintText(text, { filePath: absolute });
        for (const message of result.messages) {
          if (message.fatal) {
            fatal += 1;
            fatalFiles.push(`${file}: ${message.message}`);
          } else if (message.ruleId in problemsPerRule) problemsPerRule[message.ruleId] += 1;
        }
        break;
      } catch (error) {
        const ruleId = ruleIdOf(error);
        if (!(ruleId in exceptions) || disabled.has(ruleId)) throw error;
        exceptions[ruleId].push({ file, message: error.message.split('\n')[0] });
        disabled.add(ruleId);
      }
    }
  }
  const failedFiles = new Set(Object.values(exceptions).flatMap((list) => list.map((entry) => entry.file)));
  return { exceptions, fatal, fatalFiles, failedFiles, problemsPerRule };
}

/**
 * Source files of a real checkout (BENCH_DIR, bench/repos.json), skipping
 * dependencies, build output and dot-folders (.git, .next, .turbo,
 * bench/.corpus…). Symbolic links are not followed: they would lint a file
 * twice or loop, and a checkout may hold dangling ones.
 */
export async function listFiles(eslint, cwd, pattern = /\.(?:[cm]?[jt]s|[jt]sx)$/) {
  const files = [];
  const stack = [cwd];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || ['node_modules', 'dist', 'build', 'coverage', 'out'].includes(entry.name)) continue;
        stack.push(absolute);
      } else if (entry.isFile() && pattern.test(entry.name) && !(await eslint.isPathIgnored(absolute))) {
        files.push(path.relative(cwd, absolute));
      }
    }
  }
  return files.sort();
}
