import fs from 'node:fs';
import { SCALING_TARGET } from './subjects.mjs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value) => (!Number.isFinite(value) ? 'n/a' : value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`);
const thousands = (value) => value.toLocaleString('en-US');
const mark = (ok) => (ok ? '✅' : '❌');
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
const minutes = (value) => `${(value / 60000).toFixed(1)} min`;

/** The target's ratios: our rule ÷ its floor, our rule ÷ each peer with a target. */
function ratiosOf(target, subject) {
  const { perRule } = target.single;
  const ours = perRule[subject.id].median;
  const active = target.single.active?.[subject.id];
  return {
    floor: ours / perRule[subject.floorId].median,
    // On the files the rule does not act on (the files outside the migrations, for a migration rule).
    outside: active ? (ours - active[subject.id]) / (perRule[subject.floorId].median - active[subject.floorId]) : Number.NaN,
    peers: Object.fromEntries(Object.keys(subject.targets.peers).map((peer) => [peer, ours / perRule[peer].median])),
  };
}

/** A ratio and its mark; one more digit when rounding would show a missed target as equal to it. */
function cell(value, limit) {
  if (!Number.isFinite(value)) return 'n/a';
  const shown = ratio(value) === ratio(limit) && value !== limit ? `${value.toFixed(value >= 10 ? 1 : 3)}×` : ratio(value);
  return `${shown} ${mark(value <= limit)}`;
}

/** One row per target of the issue, one column per measured repository or corpus. */
function summaryTable(report) {
  const { targets } = report;
  const lines = [
    `| rule | target | ${targets.map((target) => (target.generated ? 'generated corpus' : target.repo ? target.repo.name : target.key)).join(' | ')} |`,
    `| --- | --- | ${targets.map(() => '---:').join(' | ')} |`,
  ];
  let met = 0;
  let total = 0;
  const count = (value, limit) => {
    total += 1;
    if (value <= limit) met += 1;
  };
  for (const subject of targets[0].subjects) {
    const ratios = targets.map((target) => ratiosOf(target, target.subjects.find((each) => each.id === subject.id)));
    ratios.forEach((each) => count(each.floor, subject.targets.floor));
    lines.push(`| \`${subject.id}\` | ≤ ${subject.targets.floor}× its floor | ${ratios.map((each) => cell(each.floor, subject.targets.floor)).join(' | ')} |`);
    if (actsOnSome(targets, subject)) {
      ratios.forEach((each) => count(each.outside, subject.targets.floor));
      lines.push(`| \`${subject.id}\` | ≤ ${subject.targets.floor}× its floor on the files it does not act on | ${ratios.map((each) => cell(each.outside, subject.targets.floor)).join(' | ')} |`);
    }
    for (const [peer, limit] of Object.entries(subject.targets.peers)) {
      ratios.forEach((each) => count(each.peers[peer], limit));
      lines.push(`| \`${subject.id}\` | ≤ ${limit}× \`${peer}\` | ${ratios.map((each) => cell(each.peers[peer], limit)).join(' | ')} |`);
    }
  }
  const corpus = targets.find((target) => target.doubled);
  if (corpus) {
    const worst = Math.max(...corpus.subjects.map((subject) => corpus.doubled.perRule[subject.id].median / corpus.single.perRule[subject.id].median));
    count(worst, SCALING_TARGET);
    lines.push(`| every rule of the pack | doubling the corpus costs ≤ ${SCALING_TARGET}× (worst rule) | ${targets.map((target) => (target === corpus ? cell(worst, SCALING_TARGET) : '—')).join(' | ')} |`);
  }
  return { lines, met, total };
}

/** Whether the rule returns no listeners on some files (a migration rule outside the migrations). */
function actsOnSome(targets, subject) {
  return targets.some((target) => {
    const active = target.single.active?.[subject.id];
    return active !== undefined && active.files < target.single.files;
  });
}

/** Where the rules that act on some files only spend their time: there, and everywhere else. */
function activeTable(target) {
  const { perRule, files, active } = target.single;
  const subjects = target.subjects.filter((subject) => active?.[subject.id] && active[subject.id].files < files);
  if (subjects.length === 0) return [];
  const micro = (value, count) => (count === 0 ? '—' : ms((value / count) * 1000));
  const gate = target.gateId ? perRule[target.gateId] : undefined;
  const gatePerFile = gate ? gate.median / files : Number.NaN;
  const lines = [
    '| rule | files it acts on | ms there | µs per such file | their parse ms | ÷ their parse | other files | ms there | µs per such file | floor ms there | × floor there | × minimal gate |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const subject of subjects) {
    const here = active[subject.id];
    const mine = here[subject.id];
    const rest = perRule[subject.id].median - mine;
    const restFloor = perRule[subject.floorId].median - here[subject.floorId];
    lines.push(
      `| \`${subject.id}\` | ${thousands(here.files)} | ${ms(mine)} | ${micro(mine, here.files)} | ${here.files === 0 ? '—' : ms(here.parseMs)} | ${here.files === 0 ? '—' : ratio(mine / here.parseMs)} | ${thousands(files - here.files)} | ${ms(rest)} | ${micro(rest, files - here.files)} | ${ms(restFloor)} | ${ratio(rest / restFloor)} | ${ratio(rest / (files - here.files) / gatePerFile)} |`,
    );
  }
  lines.push(
    '',
    "The files a rule acts on are those on which its `create()` returned listeners (noted by its set-up probe in the same pass); \"their parse\" is ESLint's parse of those files in the parse pass. A rule's time there and elsewhere, and its floor's, are sums of ESLint's per-file `stats`, medians over the rounds.",
    '',
    `The minimal gate (\`${target.gateId}\`, in a pass of its own) is the least any rule that acts on some folders only must do on every file: read the file name and search it once for the folder. It cost ${gate ? `${ms(gate.median)} ms, ${ms(gatePerFile * 1000)} µs per file` : 'n/a'} here; "× minimal gate" compares each rule's time per file outside the files it acts on with it.`,
  );
  return lines;
}

function ourRulesTable(target) {
  const { perRule, files } = target.single;
  const per1000 = (value) => ms((value / files) * 1000);
  const quiet = target.options.quiet;
  const lines = [
    `| rule | median ms | range ms | ms / 1,000 files | floor ms | floor + \`create()\` ms |${quiet ? ' reporting nothing ms |' : ''} × floor | problems reported |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |${quiet ? ' ---: |' : ''} ---: | ---: |`,
  ];
  for (const subject of target.subjects) {
    const ours = perRule[subject.id];
    const floor = perRule[subject.floorId].median;
    lines.push(
      `| \`${subject.id}\` | ${ms(ours.median)} | ${ms(ours.min)}–${ms(ours.max)} | ${per1000(ours.median)} | ${ms(floor)} | ${ms(perRule[subject.setupId].median)} |${quiet ? ` ${ms(perRule[subject.quietId].median)} |` : ''} ${ratio(ours.median / floor)} | ${thousands(target.robustness.problemsPerRule[subject.id])} |`,
    );
  }
  return lines;
}

function peersTable(target) {
  const { perRule, files } = target.single;
  const per1000 = (value) => ms((value / files) * 1000);
  const lines = [
    '| peer | median ms | range ms | ms / 1,000 files | compared with | ours ÷ peer | problems reported |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const subject of target.subjects) {
    for (const peer of subject.peers) {
      const timing = perRule[peer];
      const limit = subject.targets.peers[peer];
      const value = perRule[subject.id].median / timing.median;
      lines.push(
        `| \`${peer}\` | ${ms(timing.median)} | ${ms(timing.min)}–${ms(timing.max)} | ${per1000(timing.median)} | \`${subject.id}\` | ${limit === undefined ? ratio(value) : `${cell(value, limit).replace(/ (\S+)$/, ` (target ≤ ${limit}× $1)`)}`} | ${thousands(target.robustness.problemsPerRule[peer])} |`,
      );
    }
  }
  return lines;
}

/**
 * The least a rule of the link or DDL kind reads (bench/lib/floor.mjs), next
 * to the rule: what reading the nodes alone costs over the floor, and what
 * judging the candidates costs over that.
 */
function readsTable(target) {
  const { perRule } = target.single;
  const subjects = target.subjects.filter((subject) => subject.reads && perRule[subject.reads]);
  if (subjects.length === 0) return [];
  const lines = [
    '| rule | the least its kind reads | its ms | × the rule\'s floor | the rule ÷ it |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const subject of subjects) {
    const reads = perRule[subject.reads];
    lines.push(
      `| \`${subject.id}\` | \`${subject.reads}\` | ${ms(reads.median)} | ${ratio(reads.median / perRule[subject.floorId].median)} | ${ratio(perRule[subject.id].median / reads.median)} |`,
    );
  }
  lines.push(
    '',
    'Each in a pass of its own. `bench/link-reads` reads what any link rule must: every JSX element\'s name, the attribute names of `<a>`, `<area>` and capitalised elements (and tests a string `href` for a scheme), every call\'s argument count and first argument\'s kind. `bench/ddl-reads` tests every string and template part for a DDL verb and reads every call\'s method name. Neither looks up a scope, evaluates an expression, parses a URL, lexes SQL or reports: the first ratio is what reading the nodes costs over the empty floor, the second what judging the candidates (and reporting) costs over the reading.',
  );
  return lines;
}

function scalingTable(target) {
  const lines = [
    `Median of ${target.options.scaleRounds} round(s) on the corpus linted twice (the same files under \`a/\` and \`b/\`, ${thousands(target.doubled.files)} files) against the single corpus.`,
    '',
    '| rule | 1× corpus ms | 2× corpus ms | ratio of medians | ratio of fastest rounds |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const ids = [
    ...target.subjects.flatMap((subject) => [subject.id, subject.floorId, subject.setupId, ...(target.options.quiet ? [subject.quietId] : [])]),
    ...new Set(target.subjects.flatMap((subject) => subject.peers)),
  ];
  for (const id of ids) {
    const one = target.single.perRule[id];
    const two = target.doubled.perRule[id];
    const scale = two.median / one.median;
    const isOurs = target.subjects.some((subject) => subject.id === id);
    lines.push(`| \`${id}\` | ${ms(one.median)} | ${ms(two.median)} | ${ratio(scale)}${isOurs ? ` ${mark(scale <= SCALING_TARGET)}` : ''} | ${ratio(two.min / one.min)} |`);
  }
  const { single, doubled } = target;
  lines.push(`| whole lint (wall clock, all passes, parsing included) | ${ms(single.wallMs)} | ${ms(doubled.wallMs)} | ${ratio(doubled.wallMs / single.wallMs)} | ${ratio(doubled.wallMinMs / single.wallMinMs)} |`);
  lines.push(`| whole lint (CPU time of the process) | ${ms(single.cpuMs)} | ${ms(doubled.cpuMs)} | ${ratio(doubled.cpuMs / single.cpuMs)} | ${ratio(doubled.cpuMinMs / single.cpuMinMs)} |`);
  lines.push(
    '',
    `Target for each of our rules: doubling the corpus costs ≤ ${SCALING_TARGET}× (✅/❌ above). Per-rule times are wall-clock (ESLint measures them so), and other processes on the machine only ever add to them: the fastest rounds are the least disturbed, so both ratios are shown. The whole lint's CPU time (all threads of the process, garbage collection included) does not grow while the process waits for a core. When the ratios of the floors, which do nothing, drift away from 2×, that drift is the machine, not the rules.`,
  );
  return lines;
}

function robustnessLines(target) {
  const { robustness } = target;
  const lines = [
    `${robustness.ruleCount} rules on each of the ${thousands(target.files)} files (${seconds(robustness.ms)}): **${robustness.exceptionCount} exception(s)**, ${robustness.fatal} parse error(s).`,
  ];
  for (const [id, list] of Object.entries(robustness.exceptions)) {
    if (list.length > 0) lines.push(`- \`${id}\` threw on ${list.length} file(s), e.g. \`${list[0].file}\`: ${list[0].message}`);
  }
  for (const entry of robustness.fatalFiles.slice(0, 5)) lines.push(`- parse error: ${entry}`);
  if (robustness.fatalFiles.length > 5) lines.push(`- … and ${robustness.fatalFiles.length - 5} more parse error(s).`);
  if (target.leftOut > 0) lines.push(`- ${target.leftOut} file(s) on which a rule threw were left out of the timed rounds.`);
  return lines;
}

function targetSection(target) {
  const { single, options } = target;
  const heading = target.repo
    ? `### ${target.repo.name}: [${target.repo.url.replace(/^https:\/\/github\.com\//, '').replace(/\.git$/, '')}](${target.repo.url.replace(/\.git$/, '')}) at \`${target.repo.commit}\``
    : `### ${target.title}`;
  const what = target.repo
    ? `${target.repo.role[0].toUpperCase()}${target.repo.role.slice(1)}. Commit \`${target.repo.commit}\`: ${thousands(target.files)} JS/TS files${target.sampledFrom ? ` (a sample: one file in ${target.sampleStep} of ${thousands(target.sampledFrom)}, \`BENCH_SAMPLE\`)` : ''}, ${thousands(target.lines)} lines. Next.js roots (\`settings.next.rootDir\`): ${target.nextRoot.map((root) => `\`${root}\``).join(', ')}.`
    : `${target.label[0].toUpperCase()}${target.label.slice(1)}: ${thousands(target.files)} files, ${thousands(target.lines)} lines.`;
  const passes = options.parsePass
    ? `a parse pass and ${options.passes} timed passes, which reuse its parse results`
    : `${options.passes} timed passes, each parsing every file`;
  const lines = [
    heading,
    '',
    what,
    '',
    `Median of ${options.rounds} timed round(s); one round lints every file ${options.passes + (options.parsePass ? 1 : 0)} times (${passes}): ${seconds(single.wallMs)}, of which ESLint's parse step takes ${seconds(single.parseMs)}${options.parsePass ? ' (the parse itself in the parse pass; building each pass\'s `SourceCode`, and the scope analysis of JS files, in every pass)' : ''}. Whole target, robustness pass included: ${minutes(target.totalMs)}.`,
    '',
    ...ourRulesTable(target),
    '',
    ...peersTable(target),
    '',
  ];
  const reads = readsTable(target);
  if (reads.length > 0) lines.push(...reads, '');
  const where = activeTable(target);
  if (where.length > 0) lines.push('#### Rules that act on some files only', '', ...where, '');
  if (target.doubled) lines.push('#### Scaling', '', ...scalingTable(target), '');
  lines.push('#### Robustness', '', ...robustnessLines(target), '');
  return lines;
}

/** The results section of docs/benchmarks.md, also printed to the console. */
export function renderReport(report) {
  const { machine, versions, targets } = report;
  const summary = summaryTable(report);
  const repos = targets.filter((target) => target.repo);
  const lines = [
    `_Last run: ${report.date.slice(0, 16).replace('T', ' ')} UTC — ${machine.cpu}, ${machine.memory} RAM, ${machine.os}, Node ${machine.node}; ${minutes(report.totalMs)} in all._`,
    '',
    `Versions: ${Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
    '',
    `Measured: ${targets.map((target) => (target.repo ? `${target.repo.name} at \`${target.repo.commit.slice(0, 12)}\` (${thousands(target.files)} files)` : `${target.label} (${thousands(target.files)} files)`)).join('; ')}.${report.notMeasured.length > 0 ? ` **Not measured** (missing or at another commit under \`BENCH_REPOS_DIR\`; \`${report.fetchCommand}\` fetches them): ${report.notMeasured.join(', ')}.` : ''}`,
    '',
    `Per-rule times from ESLint's \`stats\` (the figures \`TIMING=all\` prints), medians of the timed rounds; each of our rules is timed in its own pass with its floor and set-up probe, each peer in its own pass${report.options.parseCache ? `, all passes reusing the parse results of an unmeasured parse pass per chunk of ${targets[0].options.chunk} files` : ', each pass parsing every file (`BENCH_PARSE_CACHE=0`)'}.`,
    '',
    '### Summary',
    '',
    `Targets of the benchmark issue, as ratios of medians within this run: **${summary.met} of ${summary.total} met**.`,
    '',
    ...summary.lines,
    '',
    `Floor selectors (learnt from each rule's \`create()\`): ${targets[0].subjects.map((subject) => `\`${subject.name}\` ${subject.selectors.map((selector) => `\`${selector}\``).join(', ') || '(none)'}`).join('; ')}.`,
    '',
  ];
  for (const target of targets) lines.push(...targetSection(target));
  lines.push('### Memory', '', `Peak resident memory of the whole benchmark process (all ${repos.length > 0 ? 'repositories and corpora' : 'rounds'}): ${report.peakRssMiB.toFixed(0)} MiB.`);
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
