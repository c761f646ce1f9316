import { describe, expect, it } from 'vitest';
import type { StaticString } from '../../src/static';
import { evaluateString, staticStringText, textPartSourceIndex } from '../../src/static';
import { withProbe } from './harness';

/** Renders alternatives compactly: text as-is, holes as ⟨source⟩. */
function show(code: string): string[] {
  return withProbe(code, (node, scope, source) =>
    evaluateString(node, scope).map((alternative: StaticString) =>
      alternative.map((part) => (part.type === 'text' ? part.value : `⟨${source.slice(...part.node.range)}⟩`)).join(''),
    ),
  );
}

describe('evaluateString', () => {
  it.each([
    ['const probe = "x";', ['x']],
    ['const probe = `a${1}b`;', ['a1b']],
    ['const probe = ("x" as const);', ['x']],
    ['const probe = "x" satisfies string;', ['x']],
    ['declare const s: string | null; const probe = s!;', ['⟨s⟩']],
    ['const probe = "https:" + "//x";', ['https://x']],
    ['const a = "https://"; const b = a + "x"; const probe = b;', ['https://x']],
    ['let a = "ok"; const probe = a;', ['ok']],
    ['let a = "ok"; a = "changed"; const probe = a;', ['⟨a⟩']],
    ['var a = "v"; const probe = a;', ['v']],
    ['function f(p: string) { const probe = p; }', ['⟨p⟩']],
    ['const o = { url: "https://x" } as const; const probe = o.url;', ['https://x']],
    ['const o = { url: "a" }; const probe = o["url"];', ['a']],
    ['const base = { url: "a" }; const o = { ...base }; const probe = o.url;', ['a']],
    ['const o = { url: "a", ...other }; const probe = o.url;', ['⟨o.url⟩']],
    ['const probe = ["ALTER", "TABLE", t].join(" ");', ['ALTER TABLE ⟨t⟩']],
    ['const parts = ["a", "b"]; const probe = parts.join();', ['a,b']],
    ['const probe = "a".concat("b", c);', ['ab⟨c⟩']],
    ['const probe = String.raw`a\\b${c}`;', ['a\\b⟨c⟩']],
    ['const probe = String["raw"]`a\\b`;', ['a\\b']],
    ['const probe = sql`CREATE TABLE x`;', ['⟨sql`CREATE TABLE x`⟩']],
    ['const probe = `https://${host}/x`;', ['https://⟨host⟩/x']],
    ['const probe = c ? "a" : "b";', ['a', 'b']],
    ['const probe = a ?? "b";', ['⟨a⟩', 'b']],
    ['const probe = a || "b";', ['⟨a⟩', 'b']],
    ['const probe = a && "b";', ['b']],
    ['const probe = String(42);', ['42']],
    ['const probe = f();', ['⟨f()⟩']],
    ['const probe = "abc".toUpperCase();', ['ABC']],
    ['const probe = /re/;', ['⟨/re/⟩']],
    ['const probe = <a />;', ['⟨<a />⟩']],
  ])('%s', (code, expected) => {
    expect(show(code)).toEqual(expected);
  });

  it('treats more alternatives than the cap as unknown', () => {
    const code = 'const probe = (a ? "1" : "2") + (b ? "1" : "2") + (c ? "1" : "2") + (d ? "1" : "2");';
    expect(show(code)).toEqual(['⟨(a ? "1" : "2") + (b ? "1" : "2") + (c ? "1" : "2") + (d ? "1" : "2")⟩']);
  });

  it('survives cycles', () => {
    const [only, ...rest] = show('const a = b; const b = a; const probe = a;');
    expect(rest).toEqual([]);
    expect(only).toMatch(/^⟨[ab]⟩$/);
  });
});

describe('source positions', () => {
  it('maps text of a literal without escapes to the source', () => {
    withProbe('const probe = "ALTER TABLE x";', (node, scope, source) => {
      const [part] = evaluateString(node, scope)[0] ?? [];
      if (part?.type !== 'text') throw new Error('expected text');
      const index = textPartSourceIndex(part, 6);
      expect(index).not.toBeNull();
      expect(source.slice(index ?? 0, (index ?? 0) + 5)).toBe('TABLE');
    });
  });

  it('has no position inside a literal with escapes', () => {
    withProbe('const probe = "a\\tb";', (node, scope) => {
      const [part] = evaluateString(node, scope)[0] ?? [];
      expect(part).toMatchObject({ type: 'text', value: 'a\tb', start: null });
    });
  });

  it('maps each piece of a concatenation to its own literal', () => {
    withProbe('const probe = "SELECT 1;" +\n  " DROP TABLE x";', (node, scope, source) => {
      const [part] = evaluateString(node, scope)[0] ?? [];
      if (part?.type !== 'text') throw new Error('expected text');
      const offset = part.value.indexOf('DROP');
      const index = textPartSourceIndex(part, offset) ?? -1;
      expect(source.slice(index, index + 4)).toBe('DROP');
    });
  });

  it('maps multi-line template text', () => {
    withProbe('const probe = `\n  ALTER TABLE ${t}\n  DROP x`;', (node, scope, source) => {
      const alternative = evaluateString(node, scope)[0] ?? [];
      const last = alternative[alternative.length - 1];
      if (last?.type !== 'text') throw new Error('expected text');
      const index = textPartSourceIndex(last, last.value.indexOf('DROP')) ?? -1;
      expect(source.slice(index, index + 4)).toBe('DROP');
      expect(staticStringText(alternative)).toBeNull();
    });
  });
});
