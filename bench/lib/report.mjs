import fs from 'node:fs';
import { SCALING_TARGET } from './subjects.mjs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value) => (!Number.isFinite(value) ? 'n/a' : value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`);
const thousands = (value) => value.toLocaleString('en-US');

function subjectTable(report, subject) {
  const { perRule, files } = report.single;
  const ours = perRule[subject.id].median;
  const floor = perRule[subject.floorId].median;
  const per1000 = (value) => ms((value / files) * 1000);
  const rows = [
    ['floor: empty visitors', subject.floorId],
    ['floor + the rule\'s `create()`', subject.setupId],
    ...(report.options.quiet ? [['the rule, reporting nothing', subject.quietId]] : []),
    [`**\`${subject.id}\`**`, subject.id],
    ...subject.peers.map((peer) => [`\`${peer}\``, peer]),
  ];
  const lines = [
    `| rule | median ms | range ms | ms / 1,000 files | × floor | ours ÷ this | problems reported |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const [label, id] of rows) {
    const timing = perRule[id];
    const problems = id === subject.floorId || id === subject.setupId || id === subject.quietId ? '—' : thousands(report.robustness.problemsPerRule[id]);
    lines.push(
      `| ${label} | ${ms(timing.median)} | ${ms(timing.min)}–${ms(timing.max)} | ${per1000(timing.median)} | ${ratio(timing.median / floor)} | ${ratio(ours / timing.median)} | ${problems} |`,
    );
  }
  return lines;
}

function targetLines(report, subject) {
  if (!subject.targets) return [];
  const { perRule } = report.single;
  const ours = perRule[subject.id].median;
  const mark = (ok) => (ok ? '✅ met' : '❌ missed');
  const lines = [];
  const floorRatio = ours / perRule[subject.floorId].median;
  lines.push(`- ${mark(floorRatio <= subject.targets.floor)}: ≤ ${subject.targets.floor}× its floor — measured ${ratio(floorRatio)}`);
  for (const [peer, limit] of Object.entries(subject.targets.peers)) {
    const peerRatio = ours / perRule[peer].median;
    lines.push(`- ${mark(peerRatio <= limit)}: ≤ ${limit}× \`${peer}\` — measured ${ratio(peerRatio)}`);
  }
  if (report.doubled) {
    const scale = report.doubled.perRule[subject.id].median / ours;
    lines.push(`- ${mark(scale <= SCALING_TARGET)}: doubling the corpus costs ≤ ${SCALING_TARGET}× — measured ${ratio(scale)}`);
  }
  return lines;
}

function scalingTable(report) {
  if (!report.doubled) return ['Not run (`BENCH_DIR` checkout, or `BENCH_SCALE_ROUNDS=0`).'];
  const lines = [
    `Median of ${report.options.scaleRounds} rounds on the corpus linted twice (the same files under \`a/\` and \`b/\`, ${thousands(report.doubled.files)} files) against the single corpus.`,
    '',
    '| rule | 1× corpus ms | 2× corpus ms | ratio of medians | ratio of fastest rounds |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const ids = [
    ...report.subjects.flatMap((subject) => [subject.id, subject.floorId, subject.setupId, ...(report.options.quiet ? [subject.quietId] : [])]),
    ...new Set(report.subjects.flatMap((subject) => subject.peers)),
  ];
  for (const id of ids) {
    const one = report.single.perRule[id];
    const two = report.doubled.perRule[id];
    lines.push(`| \`${id}\` | ${ms(one.median)} | ${ms(two.median)} | ${ratio(two.median / one.median)} | ${ratio(two.min / one.min)} |`);
  }
  const { single, doubled } = report;
  lines.push(`| whole lint (wall clock, all passes, parsing included) | ${ms(single.wallMs)} | ${ms(doubled.wallMs)} | ${ratio(doubled.wallMs / single.wallMs)} | ${ratio(doubled.wallMinMs / single.wallMinMs)} |`);
  lines.push(`| whole lint (CPU time of the process) | ${ms(single.cpuMs)} | ${ms(doubled.cpuMs)} | ${ratio(doubled.cpuMs / single.cpuMs)} | ${ratio(doubled.cpuMinMs / single.cpuMinMs)} |`);
  lines.push(
    '',
    'Per-rule times are wall-clock (ESLint measures them so), and other processes on the machine only ever add to them: the fastest rounds are the least disturbed, so both ratios are shown. The whole lint\'s CPU time (all threads of the process, garbage collection included) does not grow while the process waits for a core. When the ratios of the floors, which do nothing, drift away from 2×, that drift is the machine, not the rules.',
  );
  return lines;
}

function robustnessLines(report) {
  const { robustness } = report;
  const lines = [
    `${robustness.ruleCount} rules on each of the ${thousands(report.target.files)} files (${(robustness.ms / 1000).toFixed(1)} s): **${robustness.exceptionCount} exception(s)**, ${robustness.fatal} parse error(s).`,
  ];
  for (const [id, list] of Object.entries(robustness.exceptions)) {
    if (list.length > 0) lines.push(`- \`${id}\` threw on ${list.length} file(s), e.g. \`${list[0].file}\`: ${list[0].message}`);
  }
  for (const entry of robustness.fatalFiles.slice(0, 5)) lines.push(`- parse error: ${entry}`);
  if (report.leftOut > 0) lines.push(`- ${report.leftOut} file(s) on which a rule threw were left out of the timed rounds.`);
  const reported = Object.entries(robustness.problemsPerRule)
    .filter(([id]) => !/^(?:floor|setup|quiet)\//.test(id))
    .map(([id, count]) => `\`${id}\` ${thousands(count)}`);
  lines.push(`- Problems reported on the corpus (a sanity check that the rules did real work): ${reported.join(', ')}.`);
  return lines;
}

/** The results section of docs/benchmarks.md, also printed to the console. */
export function renderReport(report) {
  const { machine, versions, target, single } = report;
  const lines = [
    `_Last run: ${report.date.slice(0, 16).replace('T', ' ')} UTC — ${machine.cpu}, ${machine.memory} RAM, ${machine.os}, Node ${machine.node}._`,
    '',
    `Versions: ${Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
    '',
    `Corpus: ${target.label} — ${thousands(target.files)} files, ${thousands(target.lines)} lines. Median of ${report.options.rounds} timed rounds (per-rule times from ESLint's \`stats\`, the figures \`TIMING=all\` prints); each rule is timed in its own pass (with its floor and set-up probe), so one round lints every file ${report.options.passes} times: ${(single.wallMs / 1000).toFixed(1)} s, of which parsing takes ${(single.parseMs / 1000).toFixed(1)} s.`,
    '',
  ];
  for (const subject of report.subjects) {
    lines.push(`### \`${subject.id}\`${subject.topic === 'other' ? '' : ` (${subject.topic})`}`, '');
    lines.push(...subjectTable(report, subject), '');
    lines.push(`Floor selectors: ${subject.selectors.map((selector) => `\`${selector}\``).join(', ') || '(none)'}.`, '');
    const targets = targetLines(report, subject);
    if (targets.length > 0) lines.push('Targets:', '', ...targets, '');
  }
  lines.push('### Scaling', '', ...scalingTable(report), '');
  lines.push('### Memory', '', `Peak resident memory of the whole benchmark process (all rounds, both corpora): ${report.peakRssMiB.toFixed(0)} MiB.`, '');
  lines.push('### Robustness', '', ...robustnessLines(report));
  return lines.join('\n');
}

/** Replaces the results section of docs/benchmarks.md, keeping the prose around it. */
export function writeBenchmarksDoc(docPath, markdown) {
  const current = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${docPath} lacks the ${START} … ${END} markers around the results.`);
  }
  fs.writeFileSync(docPath, `${current.slice(0, start + START.length)}\n${markdown}\n${current.slice(end)}`);
  return docPath;
}
