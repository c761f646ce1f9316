#!/usr/bin/env node
/**
 * `node bench/sql.mjs` (also run by `npm run bench` unless BENCH_SQL=0): the
 * `guardrails/sql` language on `.sql` inputs, next to squawk-cli on the same
 * files — time and findings side by side.
 *
 * Inputs (written to bench/.corpus/sql, git-ignored):
 *   - a generated migration corpus (BENCH_SQL_STATEMENTS statements, default 6000)
 *     laid out as Prisma, Supabase, drizzle folders and ad-hoc scripts;
 *   - a 5 MB pg_dump-like file (data in COPY blocks);
 *   - BENCH_SQL_REAL=<dir>: a real public migration folder, fetched outside the
 *     tree (docs/benchmarks.md says which one and how).
 *
 * Times are CPU milliseconds of this process (user + system) for ESLint, and
 * wall milliseconds for squawk (a separate process), median of BENCH_SQL_ROUNDS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBenchDependencies, ensurePluginBuild } from './lib/setup.mjs';
import { generateMigrationCorpus, generatePgDump } from './lib/corpus/sql.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(benchDir, '..');
const rounds = Number(process.env.BENCH_SQL_ROUNDS ?? 3);
const statements = Number(process.env.BENCH_SQL_STATEMENTS ?? 6000);

ensureBenchDependencies(benchDir);
const pluginEntry = process.env.BENCH_PLUGIN ? path.resolve(process.env.BENCH_PLUGIN) : ensurePluginBuild(repoDir, false);
const { ESLint } = await import(pathToFileURL(path.join(benchDir, 'node_modules/eslint/lib/api.js')).href);
const plugin = (await import(pathToFileURL(pluginEntry).href)).default;
// squawk-cli ships one binary package per platform; the bench depends on the linux-x64 one directly
// (optional, so installing elsewhere works), because the registry this project installs from carries
// only that platform's package and a lockfile naming the others cannot be installed with `npm ci`.
const squawkBinary = path.join(benchDir, `node_modules/@squawk-cli/${process.platform}-${process.arch}/bin/squawk`);
const squawk = fs.existsSync(squawkBinary) ? squawkBinary : null;
if (!squawk) console.log(`bench: squawk-cli has no binary for ${process.platform}-${process.arch} here; its column is left empty.`);

const corpusDir = path.join(benchDir, '.corpus', 'sql');
fs.rmSync(corpusDir, { recursive: true, force: true });
const generatedDir = path.join(corpusDir, 'generated');
for (const file of generateMigrationCorpus(statements, 1)) {
  fs.mkdirSync(path.dirname(path.join(generatedDir, file.path)), { recursive: true });
  fs.writeFileSync(path.join(generatedDir, file.path), file.text);
}
const dumpDir = path.join(corpusDir, 'dump');
fs.mkdirSync(path.join(dumpDir, 'scripts'), { recursive: true });
fs.writeFileSync(path.join(dumpDir, 'scripts', 'restore.sql'), generatePgDump(5 * 1024 * 1024, 1));

const inputs = [
  { name: `generated corpus (${statements} statements)`, dir: generatedDir },
  { name: '5 MB pg_dump (as an ad-hoc script)', dir: dumpDir },
];
if (process.env.BENCH_SQL_REAL) inputs.push({ name: `real: ${process.env.BENCH_SQL_REAL_NAME ?? path.basename(process.env.BENCH_SQL_REAL)}`, dir: path.resolve(process.env.BENCH_SQL_REAL) });

function sqlFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.sql')).map((file) => path.join(dir, String(file))).sort();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function lintOurs(dir, files) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs['flat/recommended']],
    cache: false,
  });
  const times = [];
  let results = [];
  for (let round = 0; round < rounds; round++) {
    const before = process.cpuUsage();
    results = await eslint.lintFiles(files);
    const cpu = process.cpuUsage(before);
    times.push((cpu.user + cpu.system) / 1000);
  }
  const byRule = {};
  let fatal = 0;
  for (const result of results) for (const message of result.messages) {
    if (message.fatal) fatal++;
    byRule[message.ruleId ?? 'fatal'] = (byRule[message.ruleId ?? 'fatal'] ?? 0) + 1;
  }
  return { ms: median(times), byRule, fatal, perFile: results };
}

function lintSquawk(dir, files, extra = []) {
  if (!squawk) return { ms: Number.NaN, byRule: {}, violations: [] };
  const times = [];
  let output = '';
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const run = spawnSync(squawk, ['--reporter', 'json', ...extra, ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - started);
    output = run.stdout;
  }
  let violations = [];
  try {
    violations = JSON.parse(output);
  } catch {
    violations = [];
  }
  const byRule = {};
  for (const violation of violations) byRule[violation.rule_name] = (byRule[violation.rule_name] ?? 0) + 1;
  return { ms: median(times), byRule, violations };
}

const lines = ['| input | files | guardrails (CPU ms) | guardrails findings | squawk (wall ms) | squawk findings |', '| --- | ---: | ---: | --- | ---: | --- |'];
const show = (byRule) => Object.entries(byRule).sort().map(([rule, count]) => `${rule.replace('guardrails/', '')} ${count}`).join(', ') || '—';
for (const input of inputs) {
  const files = sqlFiles(input.dir);
  const ours = await lintOurs(input.dir, files);
  const theirs = lintSquawk(input.dir, files);
  lines.push(`| ${input.name} | ${files.length} | ${ours.ms.toFixed(0)} | ${show(ours.byRule)} | ${Number.isNaN(theirs.ms) ? '—' : theirs.ms.toFixed(0)} | ${show(theirs.byRule)} |`);
  if (process.env.BENCH_SQL_DETAIL) {
    fs.writeFileSync(path.join(corpusDir, `${path.basename(input.dir)}-ours.json`), JSON.stringify(ours.perFile.map((r) => ({ file: path.relative(input.dir, r.filePath), messages: r.messages.map((m) => [m.line, m.ruleId, m.message]) })), null, 1));
    fs.writeFileSync(path.join(corpusDir, `${path.basename(input.dir)}-squawk.json`), JSON.stringify(theirs.violations.map((v) => [path.relative(input.dir, v.file), v.line, v.rule_name]), null, 1));
  }
}
console.log(lines.join('\n'));
