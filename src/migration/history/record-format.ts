/**
 * The history record: one small text file per migration folder listing the
 * migrations that have shipped, in the order they run, each with its content
 * hash and a chain hash (see docs/migration-history.md).
 *
 * ```text
 * # guardrails-migrations record v1
 * # …two lines of explanation…
 * 001_create_users.ts 2f7a…(64 hex) 9c1d0e7f3b2a4c55
 * ```
 *
 * Pure string work; reading and writing files is `record-file.ts`'s job.
 */
import { CHAIN_LENGTH, CHAIN_START, chainHash } from './hash';

/** The record's file name inside the migration folder. A dot file: runners that load every file (node-pg-migrate) skip dot files. */
export const RECORD_FILE_NAME = '.guardrails.sum';

export const RECORD_FORMAT_VERSION = 1;
const HEADER = `# guardrails-migrations record v${RECORD_FORMAT_VERSION}`;
const HEADER_PREFIX = '# guardrails-migrations record v';
const EXPLANATION = [
  '# Shipped migrations of this folder, in run order: name, SHA-256 of the content (CRLF read as LF), chain hash.',
  '# Written by `guardrails-migrations record`; never edit by hand (see docs/migration-history.md).',
];

export interface RecordEntry {
  /** The migration's name in the folder: a file name, or a folder name for `<name>/migration.sql` layouts. */
  readonly name: string;
  /** `contentHash` of the migration's text when it was recorded. */
  readonly hash: string;
}

export interface ParsedEntry extends RecordEntry {
  readonly chain: string;
  /** 1-based line in the record file. */
  readonly line: number;
}

/** Why a record cannot be used. `line` is 1-based, 0 for the file as a whole. */
export interface RecordError {
  readonly line: number;
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly entries: readonly ParsedEntry[] } | { readonly ok: false; readonly error: RecordError };

const HASH = /^[0-9a-f]{64}$/;
const CHAIN = new RegExp(`^[0-9a-f]{${CHAIN_LENGTH}}$`);

/** The record's text for these entries, in this order (LF line endings, final newline). */
export function formatRecord(entries: readonly RecordEntry[]): string {
  const lines = [HEADER, ...EXPLANATION];
  let chain = CHAIN_START;
  for (const entry of entries) {
    chain = chainHash(chain, entry.name, entry.hash);
    lines.push(`${entry.name} ${entry.hash} ${chain}`);
  }
  return `${lines.join('\n')}\n`;
}

function fail(line: number, message: string): ParseResult {
  return { ok: false, error: { line, message } };
}

/** Reads a record's text; any deviation from what `formatRecord` writes (except CRLF and a BOM) is an error. */
export function parseRecord(text: string): ParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const first = lines[0] ?? '';
  if (first !== HEADER) {
    if (first.startsWith(HEADER_PREFIX)) {
      return fail(1, `it is format ${first.slice(HEADER_PREFIX.length)}, which this version of eslint-plugin-guardrails does not read (it reads v${RECORD_FORMAT_VERSION}); upgrade the plugin`);
    }
    return fail(1, `it does not start with \`${HEADER}\`, so it is not a record this tool wrote`);
  }
  const entries: ParsedEntry[] = [];
  const seen = new Set<string>();
  let chain = CHAIN_START;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('#')) continue;
    if (/^(<{7}|={7}|>{7}|\|{7})( |$)/.test(line)) {
      return fail(lineNumber, 'it holds an unresolved merge conflict');
    }
    const chainStart = line.lastIndexOf(' ');
    const hashStart = chainStart > 0 ? line.lastIndexOf(' ', chainStart - 1) : -1;
    const name = hashStart > 0 ? line.slice(0, hashStart) : '';
    const hash = line.slice(hashStart + 1, chainStart);
    const lineChain = line.slice(chainStart + 1);
    if (name === '' || name.trim() !== name || !HASH.test(hash) || !CHAIN.test(lineChain)) {
      return fail(lineNumber, 'the line is not `<name> <64 hex digits> <16 hex digits>`');
    }
    if (seen.has(name)) return fail(lineNumber, `\`${name}\` is listed twice`);
    seen.add(name);
    chain = chainHash(chain, name, hash);
    if (chain !== lineChain) {
      return fail(lineNumber, 'its chain hash does not follow from the lines above it (a line was edited, moved, inserted or removed by hand, or a merge kept lines from both sides)');
    }
    entries.push({ name, hash, chain, line: lineNumber });
  }
  return { ok: true, entries };
}
