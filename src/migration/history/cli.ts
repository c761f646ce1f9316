/**
 * `guardrails-migrations`: write and check the history records outside ESLint
 * (for CI steps, hooks, and adopting the pack on an old repository).
 *
 * Exit codes: 0 all good; 1 problems found (one line each: file, what changed,
 * what to do); 2 bad usage, a missing folder, or a record that cannot be read.
 * Never a stack trace: every failure is a sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { journalFindings, sameVersion, schemeOutlier, type JournalFinding } from './conflicts';
import type { MigrationUnit } from './folder';
import { contentHash } from './hash';
import { folderHistory, type HistoryFinding } from './history';
import { formatRecord, RECORD_FILE_NAME, type RecordEntry } from './record-format';
import { readFolderState, type FolderState, type RecordState } from './state';

export interface CliIo {
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly version: string;
}

export const USAGE = `Usage: guardrails-migrations <command> [options] <dir>...

Keeps a record of the migrations that have shipped, one file per migration
folder (${RECORD_FILE_NAME}: each migration's name and content hash, in run
order), and checks the folder against it. The ESLint rule
guardrails/no-modified-migration reads the same record.

Commands:
  record <dir>...  Write the record of each folder, or add the folder's new
                   migrations at its end. Refuses (exit 1) when a recorded
                   migration was edited, renamed or deleted, or a new one sorts
                   before the last recorded one, unless accepted with --accept.
  check <dir>...   Check each folder against its record without ESLint: edited,
                   renamed, deleted and out-of-order migrations, two migrations
                   with one version, mixed version schemes, and a drizzle
                   journal that disagrees with its files.

Options:
  --accept <file>  (record) Accept the change to this migration, on purpose:
                   an edit (the record takes its new hash; databases that ran
                   the old version will not run the new one), a deletion or a
                   rename (the record forgets the old name), or a new migration
                   that sorts before the last recorded one (runners may run it
                   out of order or refuse it). Repeat for several files.
  -h, --help       Show this help.
  -v, --version    Show the version.

Exit codes: 0 nothing wrong; 1 problems found (one line each); 2 bad usage,
a missing folder, or a record that cannot be read.

Docs: https://github.com/eslint-plugin-guardrails/eslint-plugin-guardrails/blob/main/docs/migration-history.md`;

class UsageError extends Error {}

interface ParsedArgs {
  readonly command: 'record' | 'check' | 'help' | 'version';
  readonly dirs: readonly string[];
  readonly accept: readonly string[];
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const dirs: string[] = [];
  const accept: string[] = [];
  let command: ParsedArgs['command'] | null = null;
  let onlyOperands = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (!onlyOperands && (arg === '-h' || arg === '--help')) return { command: 'help', dirs, accept };
    if (!onlyOperands && (arg === '-v' || arg === '--version')) return { command: 'version', dirs, accept };
    if (!onlyOperands && arg === '--') {
      onlyOperands = true;
    } else if (!onlyOperands && (arg === '--accept' || arg.startsWith('--accept='))) {
      const value = arg === '--accept' ? argv[++index] : arg.slice('--accept='.length);
      if (value === undefined || value === '') throw new UsageError('`--accept` needs a file: `--accept <file>`.');
      accept.push(value);
    } else if (!onlyOperands && arg.startsWith('-')) {
      throw new UsageError(`unknown option \`${arg}\`.`);
    } else if (command === null) {
      if (arg !== 'record' && arg !== 'check') throw new UsageError(`unknown command \`${arg}\` (the commands are \`record\` and \`check\`).`);
      command = arg;
    } else {
      dirs.push(arg);
    }
  }
  if (command === null) throw new UsageError('no command given.');
  if (dirs.length === 0) throw new UsageError(`\`${command}\` needs at least one migration folder: \`guardrails-migrations ${command} <dir>...\`.`);
  if (command === 'check' && accept.length > 0) throw new UsageError('`--accept` belongs to `record`; `check` changes nothing.');
  return { command, dirs, accept };
}

/** Runs the tool; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (args.command === 'version') {
      io.out(io.version);
      return 0;
    }
    return args.command === 'record' ? record(args, io) : check(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`guardrails-migrations: ${error.message}`);
      io.err('Run `guardrails-migrations --help` for usage.');
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    const file = (error as NodeJS.ErrnoException).path;
    io.err(`guardrails-migrations: ${file ? `cannot read \`${file}\` (${code ?? 'error'})` : (error as Error).message}.`);
    return 2;
  }
}

function show(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** Reads every folder, or explains (exit 2) why one cannot be used. */
function loadFolders(args: ParsedArgs, io: CliIo, requireRecord: boolean): FolderState[] | null {
  const states: FolderState[] = [];
  let failed = false;
  for (const dir of args.dirs) {
    const absolute = path.resolve(io.cwd, dir);
    const stats = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) {
      io.err(`guardrails-migrations: \`${dir}\` ${stats ? 'is a file, not a folder' : 'does not exist'}; give the folder that holds the migrations.`);
      failed = true;
      continue;
    }
    const state = readFolderState(absolute);
    if (!describeRecordProblem(state.record, io, requireRecord)) failed = true;
    states.push(state);
  }
  return failed ? null : states;
}

function describeRecordProblem(recordState: RecordState, io: CliIo, requireRecord: boolean): boolean {
  const file = show(io, recordState.path);
  if (recordState.status === 'broken') {
    const where = recordState.error.line > 0 ? `:${recordState.error.line}` : '';
    io.err(
      `${file}${where}: the record cannot be used: ${recordState.error.message}. Restore it from version control (\`git checkout -- ${file}\`), or delete it and run \`guardrails-migrations record ${show(io, path.dirname(recordState.path))}\` to record the folder as it is now.`,
    );
    return false;
  }
  if (recordState.status === 'absent' && requireRecord) {
    io.err(`${file}: no record in this folder. Start one with \`guardrails-migrations record ${show(io, path.dirname(recordState.path))}\`.`);
    return false;
  }
  return true;
}

function hashesOf(state: FolderState): Map<string, string> {
  return new Map(state.units.map((unit) => [unit.name, contentHash(fs.readFileSync(unit.file, 'utf8'))]));
}

function describeHistory(finding: HistoryFinding, state: FolderState, io: CliIo): string {
  const at = (name: string) => show(io, path.join(state.dir, name));
  switch (finding.kind) {
    case 'edited':
      return `${at(finding.name)}: edited after it shipped (its content no longer matches ${RECORD_FILE_NAME}); databases that ran it never run the change. Undo the edit and add a new migration (or accept it on purpose: \`guardrails-migrations record --accept ${at(finding.name)} ${show(io, state.dir)}\`).`;
    case 'renamed':
      return `${at(finding.name)}: the shipped migration ${finding.from} renamed; runners take it for a new migration and run it again. Restore the name ${finding.from}.`;
    case 'inserted':
      return `${at(finding.name)}: new, but sorts before ${finding.last}, which has shipped; runners run it out of order, refuse it or skip it. Rename it so that it sorts after ${finding.last}.`;
    case 'deleted':
      return `${at(finding.name)}: shipped (listed in ${RECORD_FILE_NAME}) but missing; new databases no longer get its changes and some runners refuse to migrate. Restore it from version control; to undo what it did, add a new migration.`;
  }
}

function describeJournal(finding: JournalFinding, state: FolderState, io: CliIo): string {
  const journal = show(io, path.join(state.dir, 'meta', '_journal.json'));
  switch (finding.kind) {
    case 'journalUnreadable':
      return `${journal}: drizzle's journal cannot be used: ${finding.message}. Regenerate it with drizzle-kit.`;
    case 'journalMissingFile':
      return `${journal}: lists ${finding.tag}, but ${finding.tag}.sql is missing; drizzle's migrator fails. Restore the file or drop the entry with \`drizzle-kit drop\`.`;
    case 'journalUnlisted':
      return `${show(io, path.join(state.dir, finding.name))}: not in drizzle's journal, so drizzle never runs it. Create migrations with \`drizzle-kit generate\`.`;
    case 'journalOutOfOrder':
      return `${show(io, path.join(state.dir, finding.name))}: its journal \`when\` is not later than ${finding.previous}'s; drizzle skips it where ${finding.previous} ran. Regenerate it after merging.`;
  }
}

function conflictLines(state: FolderState, io: CliIo): string[] {
  const lines: string[] = [];
  const recorded = state.record.status === 'ok' ? state.record.byName : null;
  const shipped = (unit: MigrationUnit) => recorded?.has(unit.name) === true;
  for (const unit of state.units) {
    const same = sameVersion(state, unit);
    if (same.length > 0 && !(shipped(unit) && same.every(shipped))) {
      lines.push(
        `${show(io, unit.file)}: claims version ${unit.version.text}, like ${same.map((other) => other.name).join(', ')}; the order between them is an accident. Give the one that has not shipped a later version.`,
      );
    }
    const usual = schemeOutlier(state, unit);
    if (usual && !shipped(unit)) {
      lines.push(`${show(io, unit.file)}: versioned with ${unit.version.schemeLabel.replace(/`/g, '')}, unlike ${usual.name} (${usual.version.schemeLabel.replace(/`/g, '')}); text and number order disagree. Name it the way the others are named.`);
    }
  }
  for (const finding of journalFindings(state)) lines.push(describeJournal(finding, state, io));
  return lines;
}

function check(args: ParsedArgs, io: CliIo): number {
  const states = loadFolders(args, io, true);
  if (states === null) return 2;
  const problems: string[] = [];
  let recorded = 0;
  for (const state of states) {
    if (state.record.status !== 'ok') continue;
    recorded += state.record.entries.length;
    const hashes = hashesOf(state);
    for (const finding of folderHistory(state, state.record, (unit) => hashes.get(unit.name) as string)) problems.push(describeHistory(finding, state, io));
    problems.push(...conflictLines(state, io));
  }
  for (const line of problems) io.out(line);
  if (problems.length > 0) {
    io.err(`guardrails-migrations: ${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
    return 1;
  }
  io.out(`guardrails-migrations: ${recorded} recorded migration${recorded === 1 ? '' : 's'} in ${states.length} folder${states.length === 1 ? '' : 's'}: all present, unchanged and in order.`);
  return 0;
}

function record(args: ParsedArgs, io: CliIo): number {
  const states = loadFolders(args, io, false);
  if (states === null) return 2;
  const accepted = args.accept.map((value) => ({ value, absolute: path.resolve(io.cwd, value), used: false }));
  const matches = (state: FolderState, name: string): boolean => {
    const candidates = [path.join(state.dir, name), path.join(state.dir, name, 'migration.sql')];
    let found = false;
    for (const accept of accepted) {
      if (candidates.includes(accept.absolute) || accept.value === name) {
        accept.used = true;
        found = true;
      }
    }
    return found;
  };

  const problems: string[] = [];
  const notes: string[] = [];
  const plans: { state: FolderState; entries: RecordEntry[]; added: string[] }[] = [];
  for (const state of states) {
    const hashes = hashesOf(state);
    const previous = state.record.status === 'ok' ? state.record.entries : [];
    const findings = state.record.status === 'ok' ? folderHistory(state, state.record, (unit) => hashes.get(unit.name) as string) : [];
    const renamedTo = new Map<string, string>();
    const dropped = new Set<string>();
    const acceptedEdits = new Set<string>();
    for (const finding of findings) {
      const names = finding.kind === 'renamed' ? [finding.name, finding.from] : [finding.name];
      if (!names.some((name) => matches(state, name))) {
        problems.push(describeHistory(finding, state, io));
        continue;
      }
      const at = show(io, path.join(state.dir, finding.name));
      if (finding.kind === 'edited') {
        acceptedEdits.add(finding.name);
        notes.push(`${at}: accepted the edit; the record now holds its new content. Databases that already ran it keep the old version and will not run the new one.`);
      } else if (finding.kind === 'renamed') {
        renamedTo.set(finding.from, finding.name);
        notes.push(`${at}: accepted the rename from ${finding.from}. Databases that ran ${finding.from} will run it again under its new name unless their runner's table is updated too.`);
      } else if (finding.kind === 'deleted') {
        dropped.add(finding.name);
        notes.push(`${at}: accepted the deletion; the record forgets it. Databases that ran it keep its changes; new databases never get them.`);
      } else {
        notes.push(`${at}: accepted although it sorts before ${finding.last}; it is recorded at the end, and databases that ran ${finding.last} may run it out of order or refuse it.`);
      }
    }
    const entries: RecordEntry[] = [];
    for (const entry of previous) {
      if (dropped.has(entry.name)) continue;
      const name = renamedTo.get(entry.name) ?? entry.name;
      entries.push({ name, hash: acceptedEdits.has(name) ? (hashes.get(name) as string) : entry.hash });
    }
    const known = new Set(entries.map((entry) => entry.name));
    const added: string[] = [];
    for (const unit of state.units) {
      if (known.has(unit.name)) continue;
      entries.push({ name: unit.name, hash: hashes.get(unit.name) as string });
      added.push(unit.name);
    }
    plans.push({ state, entries, added });
  }
  const unused = accepted.filter((accept) => !accept.used);
  if (unused.length > 0) {
    for (const accept of unused) {
      io.err(`guardrails-migrations: \`--accept ${accept.value}\` matches no edited, renamed, deleted or out-of-order migration in the given folders; nothing was written.`);
    }
    return 2;
  }
  if (problems.length > 0) {
    for (const line of problems) io.out(line);
    io.err(`guardrails-migrations: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was written. Fix them, or accept a change on purpose with \`--accept <file>\`.`);
    return 1;
  }
  for (const note of notes) io.out(note);
  for (const { state, entries, added } of plans) {
    const file = path.join(state.dir, RECORD_FILE_NAME);
    const text = formatRecord(entries);
    const before = state.record.status === 'ok' ? fs.readFileSync(file, 'utf8') : null;
    if (before !== text) fs.writeFileSync(file, text);
    const what = added.length === 0 ? 'no new migrations' : `added ${added.join(', ')}`;
    io.out(`${show(io, file)}: ${state.record.status === 'absent' ? 'created' : before === text ? 'up to date' : 'updated'}, ${entries.length} migration${entries.length === 1 ? '' : 's'} recorded (${what}).`);
  }
  return 0;
}
