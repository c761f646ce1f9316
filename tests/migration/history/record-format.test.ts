import { describe, expect, it } from 'vitest';
import { chainHash, contentHash, normalizeMigrationText } from '../../../src/migration/history/hash';
import { formatRecord, parseRecord } from '../../../src/migration/history/record-format';

const entries = [
  { name: '001_a.ts', hash: contentHash('a\n') },
  { name: '002_b.ts', hash: contentHash('b\n') },
  { name: '003 with spaces.sql', hash: contentHash('c\n') },
];

describe('hash', () => {
  it('is sha256sum of an LF file without a BOM', () => {
    // printf 'hello\n' | sha256sum
    expect(contentHash('hello\n')).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  });

  it('reads CRLF as LF and drops a BOM; keeps every other byte', () => {
    expect(contentHash('a\r\nb\r\n')).toBe(contentHash('a\nb\n'));
    expect(contentHash('\uFEFFa\n')).toBe(contentHash('a\n'));
    expect(normalizeMigrationText('a\rb')).toBe('a\rb');
    expect(contentHash('a\n')).not.toBe(contentHash('a \n'));
    expect(contentHash('a\n')).not.toBe(contentHash('a'));
  });

  it('chains: every line covers the ones before it', () => {
    expect(chainHash('', 'x', 'h')).toMatch(/^[0-9a-f]{16}$/);
    expect(chainHash('', 'x', 'h')).not.toBe(chainHash('0000000000000000', 'x', 'h'));
  });
});

describe('record format', () => {
  it('round-trips, deterministically, with LF endings', () => {
    const text = formatRecord(entries);
    expect(formatRecord(entries)).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const parsed = parseRecord(text);
    expect(parsed.ok && parsed.entries.map(({ name, hash, line }) => ({ name, hash, line }))).toEqual(entries.map((entry, index) => ({ ...entry, line: index + 4 })));
  });

  it('an insertion changes every later line; an append changes none', () => {
    const before = formatRecord(entries).split('\n');
    const inserted = formatRecord([entries[0] as (typeof entries)[number], { name: '001b.ts', hash: contentHash('x') }, ...entries.slice(1)]).split('\n');
    expect(inserted[3]).toBe(before[3]);
    expect(inserted[5]?.split(' ').at(-1)).not.toBe(before[4]?.split(' ').at(-1));
    const appended = formatRecord([...entries, { name: '004_d.ts', hash: contentHash('d') }]).split('\n');
    expect(appended.slice(0, 6)).toEqual(before.slice(0, 6));
  });

  it('reads a CRLF checkout and a BOM, and ignores comments and blank lines', () => {
    const text = formatRecord(entries);
    expect(parseRecord(`\uFEFF${text.replace(/\n/g, '\r\n')}`).ok).toBe(true);
    const lines = text.split('\n');
    expect(parseRecord([...lines.slice(0, 4), '', '# a note', ...lines.slice(4)].join('\n')).ok).toBe(true);
    expect(parseRecord(formatRecord([]))).toEqual({ ok: true, entries: [] });
  });

  it.each([
    ['', 1, 'it does not start with `# guardrails-migrations record v1`, so it is not a record this tool wrote'],
    ['# guardrails-migrations record v2\n', 1, 'it is format 2, which this version of eslint-plugin-guardrails does not read (it reads v1); upgrade the plugin'],
  ])('rejects the header of %j', (text, line, message) => {
    expect(parseRecord(text)).toEqual({ ok: false, error: { line, message } });
  });

  it.each([
    ['a line of the wrong shape', (lines: string[]) => lines.with(4, '002_b.ts deadbeef'), 5, 'the line is not `<name> <64 hex digits> <16 hex digits>`'],
    ['upper-case hex', (lines: string[]) => lines.with(4, String(lines[4]).toUpperCase()), 5, 'the line is not `<name> <64 hex digits> <16 hex digits>`'],
    ['a name listed twice', (lines: string[]) => [...lines.slice(0, 5), String(lines[4]), ...lines.slice(5)], 6, '`002_b.ts` is listed twice'],
    ['swapped lines', (lines: string[]) => [...lines.slice(0, 3), String(lines[4]), String(lines[3]), ...lines.slice(5)], 4, 'its chain hash does not follow from the lines above it (a line was edited, moved, inserted or removed by hand, or a merge kept lines from both sides)'],
    ['a removed line', (lines: string[]) => [...lines.slice(0, 4), ...lines.slice(5)], 5, 'its chain hash does not follow from the lines above it (a line was edited, moved, inserted or removed by hand, or a merge kept lines from both sides)'],
    ['a retyped hash', (lines: string[]) => lines.with(3, String(lines[3]).replace(/ [0-9a-f]/, ' 0')), 4, 'its chain hash does not follow from the lines above it (a line was edited, moved, inserted or removed by hand, or a merge kept lines from both sides)'],
    ['merge conflict markers', (lines: string[]) => [...lines.slice(0, 4), '<<<<<<< HEAD', ...lines.slice(4)], 5, 'it holds an unresolved merge conflict'],
  ])('rejects %s, naming the line', (_what, edit, line, message) => {
    const lines = formatRecord(entries).split('\n');
    expect(parseRecord(edit(lines).join('\n'))).toEqual({ ok: false, error: { line, message } });
  });
});
