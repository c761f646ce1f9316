#!/usr/bin/env node
/**
 * `node bench/compare-findings.mjs`: are the findings of two builds of the
 * plugin identical? A performance change must not change what the rules
 * report. Lints each repository of bench/repos.json present at its pinned
 * commit (as `npm run bench` does) and the generated corpus with every rule of
 * each build on, default options, one ESLint pass per build, and compares the
 * findings: file, line, column, end, rule, severity, message, fix and
 * suggestions (description and edit).
 *
 *   BENCH_BEFORE=<dist/index.js of the old build> node bench/compare-findings.mjs
 *   node bench/compare-findings.mjs --write findings.json   # only write the current build's findings
 *
 * Environment: BENCH_BEFORE (the build to compare against), BENCH_AFTER
 * (default: this checkout's dist/index.js), BENCH_REPOS, BENCH_REPOS_DIR,
 * BENCH_CORPUS=0, BENCH_FILES, BENCH_SEED, BENCH_SAMPLE (as in bench/run.mjs).
 * `--write <file>` also writes the findings of the after build (with
 * BENCH_BEFORE) or of the only build (without) to a JSON file.
 *
 * Prints, per target and rule, the number of findings of each build, then
 * every difference; exits 1 on any difference, 2 on a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fetchCommand, loadManifest, repoStates, reposDir, selectRepos } from './lib/repos.mjs';
import { ensureBenchDependencies } from './lib/setup.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(benchDir, '..');

const args = process.argv.slice(2);
let writePath = null;
for (let index = 0; index < args.length; index += 1) {
  if (args[index] === '--write' && args[index + 1]) writePath = path.resolve(args[(index += 1)]);
  else if (args[index].startsWith('--write=')) writePath = path.resolve(args[index].slice('--write='.length));
  else {
    console.error(`compare-findings: unknown argument ${args[index]}\nusage: [BENCH_BEFORE=<dist/index.js>] [BENCH_AFTER=<dist/index.js>] node bench/compare-findings.mjs [--write <file.json>]`);
    process.exit(2);
  }
}
const beforeEntry = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : null;
const afterEntry = path.resolve(process.env.BENCH_AFTER || path.join(repoDir, 'dist', 'index.js'));
if (!beforeEntry && !writePath) {
  console.error('compare-findings: set BENCH_BEFORE=<path to a dist/index.js> to compare, or pass --write <file.json> to write the findings of one build.');
  process.exit(2);
}
for (const entry of [beforeEntry, afterEntry].filter(Boolean)) {
  if (!fs.existsSync(entry)) {
    console.error(`compare-findings: ${entry} does not exist${entry === afterEntry && !process.env.BENCH_AFTER ? ' (build the plugin with `npm run build`)' : ''}.`);
    process.exit(2);
  }
}

ensureBenchDependencies(benchDir);
const { ESLint } = await import(pathToFileURL(path.join(benchDir, 'node_modules', 'eslint', 'lib', 'api.js')).href);
const { buildConfig, listFiles } = await import(pathToFileURL(path.join(benchDir, 'lib', 'lint.mjs')).href);
const { loadPlugin } = await import(pathToFileURL(path.join(benchDir, 'lib', 'benchmark.mjs')).href);
const { ensureCorpus } = await import(pathToFileURL(path.join(benchDir, 'lib', 'corpus', 'index.mjs')).href);

const slash = (file) => file.split(path.sep).join('/');

/** One build: every rule it exports on JS/TS files, and on .sql files those of its `.sql` entry. */
function buildOf(label, entry) {
  const plugin = loadPlugin(entry);
  if (!plugin?.rules) throw new Error(`${entry} exports no rules.`);
  const namespace = plugin.meta?.namespace ?? 'guardrails';
  const ruleIds = Object.keys(plugin.rules).sort().map((name) => `${namespace}/${name}`);
  const recommended = [plugin.configs?.['flat/recommended'] ?? []].flat();
  const sqlEntry = plugin.languages?.sql ? recommended.find((config) => config.files?.includes('**/*.sql') && config.language) : undefined;
  return { label, entry, plugin, namespace, ruleIds, sqlRules: sqlEntry ? Object.keys(sqlEntry.rules ?? {}) : [], sqlLanguage: sqlEntry?.language };
}

function linterFor(build, target) {
  const settings = { react: { version: '19.0' }, next: { rootDir: target.nextRoot } };
  const config = buildConfig({
    plugins: { [build.namespace]: build.plugin },
    settings,
    rules: Object.fromEntries(build.ruleIds.map((id) => [id, 'warn'])),
  });
  if (build.sqlLanguage) {
    config.push({
      files: ['**/*.sql'],
      plugins: { [build.namespace]: build.plugin },
      language: build.sqlLanguage,
      settings,
      rules: Object.fromEntries(build.sqlRules.map((id) => [id, 'warn'])),
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    });
  }
  return new ESLint({ cwd: target.cwd, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false, warnIgnored: false });
}

const edit = (fix) => (fix ? { range: fix.range, text: fix.text } : undefined);

function findingOf(file, message) {
  return {
    file,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    // No rule: a parse error, or one of ESLint's own notices (such as a disable comment that noInlineConfig ignores).
    ruleId: message.ruleId ?? (message.fatal ? '(parse error)' : '(eslint)'),
    severity: message.severity,
    message: message.message,
    ...(message.fix ? { fix: edit(message.fix) } : {}),
    ...(message.suggestions?.length ? { suggestions: message.suggestions.map((suggestion) => ({ desc: suggestion.desc, fix: edit(suggestion.fix) })) } : {}),
  };
}

/** Lints `files` with one build; a rule that throws is recorded as a finding of its own ("exception"). */
async function lintChunk(eslint, cwd, files) {
  const findings = [];
  const collect = (results) => {
    for (const result of results) {
      const file = slash(path.relative(cwd, result.filePath));
      for (const message of result.messages) findings.push(findingOf(file, message));
    }
  };
  try {
    collect(await eslint.lintFiles(files));
  } catch {
    // One file threw: lint the chunk file by file to know which, and go on.
    for (const file of files) {
      const absolute = path.resolve(cwd, file);
      try {
        collect(await eslint.lintText(fs.readFileSync(absolute, 'utf8'), { filePath: absolute }));
      } catch (error) {
        findings.push({ file: slash(file), line: 0, column: 0, ruleId: '(exception)', severity: 2, message: error.message.split('\n')[0] });
      }
    }
  }
  return findings;
}

const keyOf = (finding) => JSON.stringify([finding.line, finding.column, finding.endLine, finding.endColumn, finding.ruleId, finding.severity, finding.message, finding.fix, finding.suggestions]);
const byPosition = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || keyOf(a).localeCompare(keyOf(b));

function describe(finding) {
  const end = finding.endLine === undefined ? '' : `–${finding.endLine}:${finding.endColumn}`;
  const extras = [finding.fix ? `fix ${JSON.stringify(finding.fix)}` : '', finding.suggestions ? `suggestions ${JSON.stringify(finding.suggestions)}` : ''].filter(Boolean).join('; ');
  return `${finding.file}:${finding.line}:${finding.column}${end} ${finding.ruleId}: ${finding.message}${extras ? ` [${extras}]` : ''}`;
}

/** Multiset difference of two finding lists: what only one side has. */
function differences(before, after) {
  const counts = new Map();
  for (const finding of before) {
    const key = `${finding.file}\u0000${keyOf(finding)}`;
    const entry = counts.get(key) ?? { finding, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const onlyAfter = [];
  for (const finding of after) {
    const key = `${finding.file}\u0000${keyOf(finding)}`;
    const entry = counts.get(key);
    if (entry && entry.count > 0) entry.count -= 1;
    else onlyAfter.push(finding);
  }
  const onlyBefore = [...counts.values()].flatMap((entry) => Array.from({ length: entry.count }, () => entry.finding));
  return { onlyBefore: onlyBefore.sort(byPosition), onlyAfter: onlyAfter.sort(byPosition) };
}

// Targets: the present repositories, then the generated corpus (its `a/` half).
const targets = [];
const dir = reposDir();
for (const repo of repoStates(selectRepos(loadManifest(benchDir)), dir)) {
  if (repo.state !== 'ready') {
    console.warn(`compare-findings: ${repo.name} is not at ${repo.commit} in ${dir}; skipped (\`${fetchCommand(dir)} ${repo.name}\`).`);
    continue;
  }
  const nextRoot = (repo.nextRoots?.length ? repo.nextRoots.map((root) => path.join(repo.checkout, root)) : [repo.checkout]).map(slash);
  targets.push({ name: `${repo.name} at ${repo.commit}`, cwd: repo.checkout, nextRoot, files: null });
}
if (process.env.BENCH_CORPUS !== '0') {
  const count = Number(process.env.BENCH_FILES || 2000);
  const seed = Number(process.env.BENCH_SEED || 1);
  const corpus = ensureCorpus(path.join(benchDir, '.corpus'), { count, seed });
  targets.push({ name: `generated corpus, seed ${seed}, ${count} files`, cwd: corpus.root, nextRoot: [`${slash(corpus.root)}/*/apps/*/`], files: corpus.files.map((file) => `a/${file}`) });
}
if (targets.length === 0) {
  console.error('compare-findings: nothing to lint (no repository present, BENCH_CORPUS=0).');
  process.exit(2);
}

const builds = [...(beforeEntry ? [buildOf('before', beforeEntry)] : []), buildOf(beforeEntry ? 'after' : 'build', afterEntry)];
for (const build of builds) console.log(`compare-findings: ${build.label} = ${build.entry} (${build.ruleIds.length} rules${build.sqlLanguage ? `, ${build.sqlRules.length} on .sql` : ''})`);
const sample = Number(process.env.BENCH_SAMPLE || 0);

let differenceCount = 0;
const written = { build: builds.at(-1).entry, date: new Date().toISOString(), targets: [] };
for (const target of targets) {
  const started = Date.now();
  const linters = builds.map((build) => linterFor(build, target));
  const sqlWanted = builds.some((build) => build.sqlLanguage);
  let files = target.files ?? (await listFiles(linters.at(-1), target.cwd, sqlWanted ? /\.(?:[cm]?[jt]s|[jt]sx|sql)$/ : undefined));
  if (!target.files && sample && files.length > sample) {
    const step = Math.ceil(files.length / sample);
    files = files.filter((_, index) => index % step === 0);
  }
  const findings = builds.map(() => []);
  // Chunk by chunk, each build in turn, so ESLint never holds a whole repository's results.
  for (let start = 0; start < files.length; start += 200) {
    const chunk = files.slice(start, start + 200);
    for (const [index, eslint] of linters.entries()) findings[index].push(...(await lintChunk(eslint, target.cwd, chunk)));
  }
  for (const list of findings) list.sort(byPosition);
  console.log(`\n## ${target.name} — ${files.length} files (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

  const ruleIds = [...new Set(findings.flat().map((finding) => finding.ruleId))].sort();
  const countOf = (list, id) => list.filter((finding) => finding.ruleId === id).length;
  if (builds.length === 2) {
    const diff = differences(findings[0], findings[1]);
    console.log('| rule | before | after | only before | only after |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const id of ruleIds) {
      console.log(`| ${id} | ${countOf(findings[0], id)} | ${countOf(findings[1], id)} | ${countOf(diff.onlyBefore, id)} | ${countOf(diff.onlyAfter, id)} |`);
    }
    if (ruleIds.length === 0) console.log('| (no findings) | 0 | 0 | 0 | 0 |');
    const total = diff.onlyBefore.length + diff.onlyAfter.length;
    differenceCount += total;
    console.log(total === 0 ? '\nIdentical findings.' : `\n${total} difference(s):`);
    for (const finding of diff.onlyBefore) console.log(`- before only: ${describe(finding)}`);
    for (const finding of diff.onlyAfter) console.log(`+ after only:  ${describe(finding)}`);
  } else {
    console.log('| rule | findings |');
    console.log('| --- | ---: |');
    for (const id of ruleIds) console.log(`| ${id} | ${countOf(findings[0], id)} |`);
  }
  written.targets.push({ name: target.name, files: files.length, findings: findings.at(-1) });
}

if (writePath) {
  fs.writeFileSync(writePath, `${JSON.stringify(written, null, 1)}\n`);
  console.log(`\ncompare-findings: wrote the findings of ${builds.at(-1).entry} to ${writePath}`);
}
if (builds.length === 2) {
  console.log(differenceCount === 0 ? '\ncompare-findings: the two builds report identical findings.' : `\ncompare-findings: ${differenceCount} difference(s).`);
  if (differenceCount > 0) process.exitCode = 1;
}
