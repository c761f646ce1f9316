import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import reactPlugin from 'eslint-plugin-react';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11yPlugin from 'eslint-plugin-jsx-a11y';
import sqlPlugin from 'eslint-plugin-sql';
import { ensureCorpus } from './corpus/index.mjs';
import {
  cloneWarmUpRule,
  createDdlReadsRule,
  createFloorRule,
  createFolderGateRule,
  createLinkReadsRule,
  createQuietRule,
  createSetupRule,
  learnSelectors,
} from './floor.mjs';
import { buildConfig, createLinter, listFiles, robustnessPass, timedRound } from './lint.mjs';
import { createParseCache } from './parse-cache.mjs';
import { renderReport, writeBenchmarksDoc } from './report.mjs';
import { median, peakRssMiB } from './stats.mjs';
import { FLOOR_TARGET, KNOWN_SUBJECTS } from './subjects.mjs';

/** The minimal per-folder gate (see createFolderGateRule), timed in its own pass. */
export const GATE_RULE = 'bench/folder-gate';

export const PEER_PLUGINS = {
  react: reactPlugin,
  '@next/next': nextPlugin,
  'jsx-a11y': jsxA11yPlugin,
  sql: sqlPlugin,
};

export function loadPlugin(entry) {
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

const slash = (file) => file.split(path.sep).join('/');

/** A public repository of bench/repos.json, checked out at its pinned commit. */
function repoTarget(repo, rounds) {
  return {
    key: repo.name,
    title: repo.name,
    cwd: repo.checkout,
    label: `${repo.name} at ${repo.commit}`,
    repo: { name: repo.name, url: repo.url, commit: repo.commit, role: repo.role },
    nextRoot: (repo.nextRoots?.length ? repo.nextRoots.map((root) => path.join(repo.checkout, root)) : [repo.checkout]).map(slash),
    single: null, // the listed files
    doubled: null,
    rounds,
    scaleRounds: 0,
    generated: false,
  };
}

/** BENCH_DIR: any checkout, no scaling check. */
function dirTarget(options) {
  return {
    key: path.basename(options.dir),
    title: `\`BENCH_DIR\` checkout (${path.basename(options.dir)})`,
    cwd: options.dir,
    label: `\`BENCH_DIR\` checkout (${path.basename(options.dir)})`,
    repo: null,
    nextRoot: options.nextRoot
      ? options.nextRoot.split(',').map((glob) => slash(path.resolve(options.dir, glob.trim())))
      : [options.dir, path.join(options.dir, 'apps/*/')].map(slash),
    single: null,
    doubled: null,
    rounds: options.corpusRounds,
    scaleRounds: 0,
    generated: false,
  };
}

/** The generated corpus, with its doubled copy for the scaling check. */
function corpusTarget(options) {
  const started = Date.now();
  const corpus = ensureCorpus(path.join(options.benchDir, '.corpus'), { count: options.files, seed: options.seed });
  if (corpus.generated) console.log(`bench: generated ${corpus.files.length} files in ${Date.now() - started} ms`);
  const root = slash(corpus.root);
  return {
    key: 'corpus',
    title: 'Generated corpus',
    cwd: corpus.root,
    label: `generated monorepo, seed ${options.seed}`,
    repo: null,
    // One glob for both runs, so the scaling check compares like with like.
    nextRoot: [`${root}/*/apps/*/`],
    single: corpus.files.map((file) => `a/${file}`),
    doubled: [...corpus.files.map((file) => `a/${file}`), ...corpus.files.map((file) => `b/${file}`)],
    rounds: options.corpusRounds,
    scaleRounds: options.scaleRounds,
    generated: true,
  };
}

/**
 * Measures every target in turn (each real repository present at its pinned
 * commit, then the generated corpus, or the BENCH_DIR checkout) and renders
 * one report.
 */
export async function runBenchmark(options) {
  const benchRequire = createRequire(path.join(options.benchDir, 'package.json'));
  const plugin = loadPlugin(options.pluginEntry);
  const namespace = plugin?.meta?.namespace ?? 'guardrails';
  const ourRules = Object.keys(plugin?.rules ?? {}).sort();
  if (ourRules.length === 0) throw new Error(`${options.pluginEntry} exports no rules.`);
  for (const name of Object.keys(KNOWN_SUBJECTS)) {
    if (!ourRules.includes(name)) console.warn(`bench: the plugin does not export ${namespace}/${name}; it is not measured.`);
  }

  const targets = [];
  if (options.dir) targets.push(dirTarget(options));
  else {
    for (const repo of options.repos ?? []) targets.push(repoTarget(repo, options.repoRounds));
    if (options.corpus) targets.push(corpusTarget(options));
  }
  if (targets.length === 0) throw new Error('Nothing to measure: no repository of bench/repos.json is present and the corpus is switched off (BENCH_CORPUS=0).');

  const started = Date.now();
  const results = [];
  for (const target of targets) {
    console.log(`\nbench: === ${target.label} (${target.cwd}) ===`);
    results.push(await measureTarget(target, { plugin, namespace, ourRules, quiet: options.quiet, sample: options.sample, chunk: options.chunk, parseCache: options.parseCache }));
  }

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
    options: { quiet: options.quiet, parseCache: options.parseCache },
    targets: results,
    notMeasured: options.notMeasured ?? [],
    fetchCommand: options.fetchCommand,
    peakRssMiB: peakRssMiB(),
    totalMs: Date.now() - started,
  };
  const markdown = renderReport(report);
  console.log(`\n${markdown}`);
  console.log(`\nbench: measured ${results.length} target(s) in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  if (options.write) {
    const docPath = writeBenchmarksDoc(path.join(options.repoDir, 'docs', 'benchmarks.md'), markdown);
    console.log(`bench: wrote ${path.relative(options.repoDir, docPath)}`);
  }
  if (results.some((result) => result.robustness.exceptionCount > 0)) process.exitCode = 1;
  return report;
}

async function measureTarget(target, { plugin, namespace, ourRules, quiet, sample, chunk, parseCache: useParseCache }) {
  const targetStarted = Date.now();
  const settings = {
    react: { version: '19.0' },
    next: { rootDir: target.nextRoot },
  };

  // Floors: learnt from each rule's own create() on a TSX, a TS and a migration
  // file (some rules listen only outside migrations, some only inside). The
  // probe files need not exist; they only have to lie under the target.
  const probeFiles = [
    path.join(target.cwd, 'a/apps/web/components/probe/Probe.tsx'),
    path.join(target.cwd, 'a/services/api/src/probe/probe.ts'),
    path.join(target.cwd, 'a/services/api/migrations/20240101000000_probe.ts'),
  ];
  const floorRules = {};
  const setupRules = {};
  // Per rule, the files on which its create() returned listeners (noted by its set-up probe).
  const activeFiles = new Map();
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
    const active = new Set();
    activeFiles.set(id, active);
    setupRules[name] = createSetupRule(plugin.rules[name], selectors, active);
    quietRules[name] = createQuietRule(plugin.rules[name]);
    const known = KNOWN_SUBJECTS[name];
    subjects.push({
      name,
      id,
      floorId: `floor/${name}`,
      setupId: `setup/${name}`,
      quietId: `quiet/${name}`,
      selectors,
      topic: known?.topic ?? 'other',
      peers: known?.peers ?? [],
      reads: known?.reads ?? null,
      targets: { floor: known?.targets?.floor ?? FLOOR_TARGET, peers: known?.targets?.peers ?? {} },
    });
  }

  const peerIds = [...new Set(subjects.flatMap((subject) => subject.peers))];
  // The least a rule of each kind reads (see createLinkReadsRule), each in a pass of its own like a peer.
  const readsIds = subjects.map((subject) => subject.reads).filter((id) => id !== null);
  // Order matters: ESLint creates rules in config order, so each real rule's
  // create() runs before its set-up probe and pays any per-file warm-up itself.
  const allRuleIds = [
    ...subjects.flatMap((subject) => [subject.id, subject.floorId, subject.setupId, ...(quiet ? [subject.quietId] : [])]),
    ...peerIds,
  ];
  const plugins = {
    [namespace]: plugin,
    floor: { rules: floorRules },
    setup: { rules: setupRules },
    quiet: { rules: quietRules },
    bench: {
      rules: {
        'clone-warm-up': cloneWarmUpRule,
        [GATE_RULE.split('/')[1]]: createFolderGateRule(),
        'link-reads': createLinkReadsRule(),
        'ddl-reads': createDdlReadsRule(),
      },
    },
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
  // first), its quiet variant alone, each peer alone. See timedRound. With the
  // parse cache, the passes share the parse results of an unmeasured parse pass.
  const cache = useParseCache ? createParseCache() : null;
  const passConfig = (ruleIds) =>
    buildConfig({
      plugins,
      settings,
      parsers: cache?.parsers ?? null,
      rules: { 'bench/clone-warm-up': 'warn', ...Object.fromEntries(ruleIds.map((id) => [id, 'warn'])) },
    });
  const passGroups = [
    ...subjects.map((subject) => [subject.id, subject.floorId, subject.setupId]),
    ...(quiet ? subjects.map((subject) => [subject.quietId]) : []),
    ...peerIds.map((id) => [id]),
    ...readsIds.map((id) => [id]),
    [GATE_RULE],
  ];
  const timedRuleIds = passGroups.flat();
  const passes = passGroups.map((ruleIds) => ({ ruleIds, eslint: createLinter(target.cwd, passConfig(ruleIds)) }));
  const parsePass = cache ? { ruleIds: [], eslint: createLinter(target.cwd, passConfig([])) } : null;
  let files = target.single ?? (await listFiles(eslint, target.cwd));
  // BENCH_SAMPLE=<n>: about n files of a checkout, evenly spread (every k-th of the sorted list), for quick looks.
  let sampledFrom = null;
  let sampleStep = null;
  if (!target.generated && sample && files.length > sample) {
    sampledFrom = files.length;
    sampleStep = Math.ceil(files.length / sample);
    files = files.filter((_, index) => index % sampleStep === 0);
  }
  if (files.length === 0) throw new Error(`No source files found under ${target.cwd}.`);
  target.single ??= files;
  console.log(`bench: ${files.length} files, ${allRuleIds.length} rules (${subjects.length} of ours, their floors and set-up probes${quiet ? ' and quiet variants' : ''}, ${peerIds.length} peers), ${passes.length} timed passes${cache ? ' after a parse pass' : ''}`);

  // Robustness first: it is also the warm-up round. It parses every file itself (no cache).
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
  const scaleRounds = doubledPatterns ? target.scaleRounds : 0;
  // A rule's time and its floor's on the files the rule acts on, apart from the rest.
  const split = subjects.map((subject) => ({ id: subject.id, ruleIds: [subject.id, subject.floorId], files: activeFiles.get(subject.id) }));
  const roundOptions = { cache, parsePass, chunkSize: chunk, split };
  started = Date.now();
  // Interleaved, so that load from other processes affects both sides alike.
  for (let round = 0; round < Math.max(target.rounds, scaleRounds); round += 1) {
    if (round < target.rounds) {
      const result = await timedRound(passes, singlePatterns, roundOptions);
      singleRounds.push(result);
      console.log(`bench: round ${round + 1}/${target.rounds}: ${result.files} files in ${(result.wallMs / 1000).toFixed(1)} s`);
    }
    if (round < scaleRounds) {
      const result = await timedRound(passes, doubledPatterns, roundOptions);
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
          // Per rule: its own time and its floor's on the files it acts on, and how long parsing them took.
          active: Object.fromEntries(
            split.map(({ id, ruleIds, files: active }) => [
              id,
              {
                files: rounds[0].active[id].files,
                parseMs: median(rounds.map((round) => round.active[id].parseMs)),
                ...Object.fromEntries(ruleIds.map((ruleId) => [ruleId, median(rounds.map((round) => round.active[id].perRule[ruleId]))])),
              },
            ]),
          ),
          perRule: Object.fromEntries(
            timedRuleIds.map((id) => {
              const values = rounds.map((round) => round.perRule[id]);
              return [id, { median: median(values), min: Math.min(...values), max: Math.max(...values) }];
            }),
          ),
        };

  return {
    key: target.key,
    title: target.title,
    label: target.label,
    repo: target.repo,
    generated: target.generated,
    nextRoot: target.nextRoot.map((root) => (target.generated ? root : slash(path.relative(target.cwd, root)) || '.')),
    files: files.length,
    sampledFrom,
    sampleStep,
    lines: countLines(target.cwd, files),
    options: { rounds: target.rounds, scaleRounds, passes: passes.length, parsePass: Boolean(parsePass), quiet, chunk },
    subjects,
    gateId: GATE_RULE,
    single: summarize(singleRounds),
    doubled: summarize(doubledRounds),
    robustness: { ...robustness, exceptionCount, ruleCount: allRuleIds.length, ms: robustnessMs },
    timedMs,
    totalMs: Date.now() - targetStarted,
    leftOut: healthy ? 0 : robustness.failedFiles.size,
  };
}

function countLines(cwd, files) {
  let lines = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) lines += 1;
  }
  return lines;
}
