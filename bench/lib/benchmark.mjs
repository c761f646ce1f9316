import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import reactPlugin from 'eslint-plugin-react';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11yPlugin from 'eslint-plugin-jsx-a11y';
import sqlPlugin from 'eslint-plugin-sql';
import { ensureCorpus } from './corpus/index.mjs';
import { cloneWarmUpRule, createFloorRule, createQuietRule, createSetupRule, learnSelectors } from './floor.mjs';
import { buildConfig, createLinter, listFiles, robustnessPass, timedRound } from './lint.mjs';
import { renderReport, writeBenchmarksDoc } from './report.mjs';
import { median, peakRssMiB } from './stats.mjs';
import { KNOWN_SUBJECTS } from './subjects.mjs';

const PEER_PLUGINS = {
  react: reactPlugin,
  '@next/next': nextPlugin,
  'jsx-a11y': jsxA11yPlugin,
  sql: sqlPlugin,
};

function loadPlugin(entry) {
  const require = createRequire(entry);
  const loaded = require(entry);
  return loaded?.rules ? loaded : loaded?.default;
}

function versionOf(benchRequire, name) {
  try {
    return benchRequire(`${name}/package.json`).version;
  } catch {
    return 'unknown';
  }
}

/** Where to lint: the generated corpus (with its doubled copy) or a real checkout. */
async function prepareTarget(options) {
  if (options.dir) {
    return {
      cwd: options.dir,
      label: `\`BENCH_DIR\` checkout (${path.basename(options.dir)})`,
      single: null, // the listed files
      doubled: null,
      nextRoot: options.nextRoot
        ? options.nextRoot.split(',').map((glob) => path.resolve(options.dir, glob.trim()).split(path.sep).join('/'))
        : [options.dir, path.join(options.dir, 'apps/*/')].map((dir) => dir.split(path.sep).join('/')),
      files: null,
      generated: false,
    };
  }
  const started = Date.now();
  const corpus = ensureCorpus(path.join(options.benchDir, '.corpus'), { count: options.files, seed: options.seed });
  if (corpus.generated) console.log(`bench: generated ${corpus.files.length} files in ${Date.now() - started} ms`);
  const root = corpus.root.split(path.sep).join('/');
  return {
    cwd: corpus.root,
    label: `generated monorepo, seed ${options.seed}`,
    single: corpus.files.map((file) => `a/${file}`),
    doubled: [...corpus.files.map((file) => `a/${file}`), ...corpus.files.map((file) => `b/${file}`)],
    // One glob for both runs, so the scaling check compares like with like.
    nextRoot: [`${root}/*/apps/*/`],
    files: corpus.files.map((file) => `a/${file}`),
    generated: true,
  };
}

export async function runBenchmark(options) {
  const benchRequire = createRequire(path.join(options.benchDir, 'package.json'));
  const plugin = loadPlugin(options.pluginEntry);
  const namespace = plugin?.meta?.namespace ?? 'guardrails';
  const ourRules = Object.keys(plugin?.rules ?? {}).sort();
  if (ourRules.length === 0) throw new Error(`${options.pluginEntry} exports no rules.`);
  const target = await prepareTarget(options);
  const settings = {
    react: { version: '19.0' },
    next: { rootDir: target.nextRoot },
  };

  // Floors: learnt from each rule's own create() on a TSX, a TS and a migration
  // file (some rules listen only outside migrations, some only inside).
  const probeFiles = [
    path.join(target.cwd, 'a/apps/web/components/probe/Probe.tsx'),
    path.join(target.cwd, 'a/services/api/src/probe/probe.ts'),
    path.join(target.cwd, 'a/services/api/migrations/20240101000000_probe.ts'),
  ];
  const floorRules = {};
  const setupRules = {};
  const quietRules = {};
  const subjects = [];
  for (const name of ourRules) {
    const id = `${namespace}/${name}`;
    let selectors = [];
    try {
      selectors = learnSelectors(plugin.rules[name], { settings, cwd: target.cwd, probeFiles });
    } catch (error) {
      // The robustness pass will count the crash per file; the floor stays empty meanwhile.
      console.warn(`bench: could not learn the selectors of ${id}: ${error.message.split('\n')[0]}`);
    }
    floorRules[name] = createFloorRule(selectors, `Empty visitors on the selectors of ${id}.`);
    setupRules[name] = createSetupRule(plugin.rules[name], selectors);
    quietRules[name] = createQuietRule(plugin.rules[name]);
    const known = KNOWN_SUBJECTS[name];
    subjects.push({ name, id, floorId: `floor/${name}`, setupId: `setup/${name}`, quietId: `quiet/${name}`, selectors, topic: known?.topic ?? 'other', peers: known?.peers ?? [], targets: known?.targets ?? null });
  }
  for (const name of Object.keys(KNOWN_SUBJECTS)) {
    if (!ourRules.includes(name)) console.warn(`bench: the plugin does not export ${namespace}/${name}; it is not measured.`);
  }

  const peerIds = [...new Set(subjects.flatMap((subject) => subject.peers))];
  // Order matters: ESLint creates rules in config order, so each real rule's
  // create() runs before its set-up probe and pays any per-file warm-up itself.
  const allRuleIds = [
    ...subjects.flatMap((subject) => [subject.id, subject.floorId, subject.setupId, ...(options.quiet ? [subject.quietId] : [])]),
    ...peerIds,
  ];
  const plugins = {
    [namespace]: plugin,
    floor: { rules: floorRules },
    setup: { rules: setupRules },
    quiet: { rules: quietRules },
    bench: { rules: { 'clone-warm-up': cloneWarmUpRule } },
    ...PEER_PLUGINS,
  };
  const makeConfig = (disabled = new Set()) =>
    buildConfig({
      plugins,
      settings,
      rules: {
        'bench/clone-warm-up': 'warn', // first, on purpose: see cloneWarmUpRule
        ...Object.fromEntries(allRuleIds.filter((id) => !disabled.has(id)).map((id) => [id, 'warn'])),
      },
    });
  const eslint = createLinter(target.cwd, makeConfig());
  // Timed passes: each of our rules with its floor and set-up probe (the rule
  // first), its quiet variant alone, each peer alone. See timedRound.
  const passGroups = [
    ...subjects.map((subject) => [subject.id, subject.floorId, subject.setupId]),
    ...(options.quiet ? subjects.map((subject) => [subject.quietId]) : []),
    ...peerIds.map((id) => [id]),
  ];
  const timedRuleIds = passGroups.flat();
  const passes = passGroups.map((ruleIds) => ({
    ruleIds,
    eslint: createLinter(
      target.cwd,
      buildConfig({
        plugins,
        settings,
        rules: { 'bench/clone-warm-up': 'warn', ...Object.fromEntries(ruleIds.map((id) => [id, 'warn'])) },
      }),
    ),
  }));
  const files = target.files ?? (await listFiles(eslint, target.cwd));
  if (files.length === 0) throw new Error(`No source files found under ${target.cwd}.`);
  target.single ??= files;
  console.log(`bench: ${files.length} files, ${allRuleIds.length} rules (${subjects.length} of ours, their floors and set-up probes${options.quiet ? ' and quiet variants' : ''}, ${peerIds.length} peers)`);

  // Robustness first: it is also the warm-up round.
  let started = Date.now();
  const robustness = await robustnessPass({ cwd: target.cwd, files, makeConfig, ruleIds: allRuleIds });
  const robustnessMs = Date.now() - started;
  const exceptionCount = Object.values(robustness.exceptions).reduce((sum, list) => sum + list.length, 0);
  console.log(`bench: robustness pass in ${robustnessMs} ms — ${exceptionCount} exception(s), ${robustness.fatal} parse error(s)`);
  for (const [id, list] of Object.entries(robustness.exceptions)) {
    for (const entry of list.slice(0, 5)) console.log(`  ${id} threw on ${entry.file}: ${entry.message}`);
  }

  // A file on which a rule throws would abort the timed lint: leave such files out (and say so).
  const healthy = robustness.failedFiles.size === 0;
  const isHealthy = (file) => !robustness.failedFiles.has(file.replace(/^b\//, 'a/'));
  const singlePatterns = target.single.filter(isHealthy);
  const doubledPatterns = target.doubled?.filter(isHealthy) ?? null;

  const singleRounds = [];
  const doubledRounds = [];
  const scaleRounds = doubledPatterns ? options.scaleRounds : 0;
  started = Date.now();
  // Interleaved, so that load from other processes affects both sides alike.
  for (let round = 0; round < Math.max(options.rounds, scaleRounds); round += 1) {
    if (round < options.rounds) {
      const result = await timedRound(passes, singlePatterns);
      singleRounds.push(result);
      console.log(`bench: round ${round + 1}/${options.rounds}: ${result.files} files in ${(result.wallMs / 1000).toFixed(1)} s`);
    }
    if (round < scaleRounds) {
      const result = await timedRound(passes, doubledPatterns);
      doubledRounds.push(result);
      console.log(`bench: doubled round ${round + 1}/${scaleRounds}: ${result.files} files in ${(result.wallMs / 1000).toFixed(1)} s`);
    }
  }
  const timedMs = Date.now() - started;

  const summarize = (rounds) =>
    rounds.length === 0
      ? null
      : {
          files: rounds[0].files,
          problems: rounds[0].problems,
          wallMs: median(rounds.map((round) => round.wallMs)),
          wallMinMs: Math.min(...rounds.map((round) => round.wallMs)),
          cpuMs: median(rounds.map((round) => round.cpuMs)),
          cpuMinMs: Math.min(...rounds.map((round) => round.cpuMs)),
          parseMs: median(rounds.map((round) => round.parseMs)),
          perRule: Object.fromEntries(
            timedRuleIds.map((id) => {
              const values = rounds.map((round) => round.perRule[id]);
              return [id, { median: median(values), min: Math.min(...values), max: Math.max(...values) }];
            }),
          ),
        };

  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
      memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      os: `${os.type()} ${os.release()} (${os.arch()})`,
      node: process.version,
    },
    versions: {
      eslint: versionOf(benchRequire, 'eslint'),
      '@typescript-eslint/parser': versionOf(benchRequire, '@typescript-eslint/parser'),
      'eslint-plugin-react': versionOf(benchRequire, 'eslint-plugin-react'),
      '@next/eslint-plugin-next': versionOf(benchRequire, '@next/eslint-plugin-next'),
      'eslint-plugin-jsx-a11y': versionOf(benchRequire, 'eslint-plugin-jsx-a11y'),
      'eslint-plugin-sql': versionOf(benchRequire, 'eslint-plugin-sql'),
      'eslint-plugin-guardrails': `${plugin.meta?.version ?? 'unknown'} (dist)`,
    },
    target: { label: target.label, generated: target.generated, files: files.length, lines: countLines(target.cwd, files) },
    options: { rounds: options.rounds, scaleRounds, seed: options.seed, passes: passes.length, quiet: options.quiet },
    subjects,
    single: summarize(singleRounds),
    doubled: summarize(doubledRounds),
    robustness: { ...robustness, exceptionCount, ruleCount: allRuleIds.length, ms: robustnessMs },
    peakRssMiB: peakRssMiB(),
    timedMs,
    leftOut: healthy ? 0 : robustness.failedFiles.size,
  };
  const markdown = renderReport(report);
  console.log(`\n${markdown}`);
  if (options.write) {
    const docPath = writeBenchmarksDoc(path.join(options.repoDir, 'docs', 'benchmarks.md'), markdown);
    console.log(`bench: wrote ${path.relative(options.repoDir, docPath)}`);
  }
  if (exceptionCount > 0) process.exitCode = 1;
}

function countLines(cwd, files) {
  let lines = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) lines += 1;
  }
  return lines;
}
