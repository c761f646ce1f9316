import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createOptionsResolver } from '../../src/util/options-cache';

const defaults = [{ runner: 'auto', allow: [] as string[], nested: { a: 1, b: 2 } }] as const;

describe('createOptionsResolver', () => {
  const cases: unknown[][] = [
    [],
    [{}],
    [{ runner: 'knex' }],
    [{ allow: ['TRUNCATE'] }],
    [{ nested: { b: 3 } }],
    [{ runner: undefined }],
    [{ runner: 'knex' }, 'second'],
  ];

  it.each(cases.map((options) => [JSON.stringify(options), options]))('merges %s as applyDefault does', (_name, options) => {
    const resolve = createOptionsResolver(defaults);
    expect(resolve(options)).toEqual(ESLintUtils.applyDefault(defaults as never, options as never));
  });

  it('merges each distinct option list once, and tells lists apart by content', () => {
    const resolve = createOptionsResolver(defaults);
    const first = resolve([{ runner: 'knex' }]);
    // A fresh copy with the same content (ESLint 9 merges defaults per file) gets the same merge.
    expect(resolve([{ runner: 'knex' }])).toBe(first);
    expect(resolve([{ runner: 'prisma' }])).not.toBe(first);
    expect(resolve([{ runner: 'prisma' }])).toEqual([{ ...first[0], runner: 'prisma' }]);
    // An explicit `undefined` replaces a default, so it is not the same list as `{}`.
    expect(resolve([{ runner: undefined }])[0]).toEqual({ runner: undefined, allow: [], nested: { a: 1, b: 2 } });
    expect(resolve([{}])[0].runner).toBe('auto');
  });

  it('returns the defaults for no options and for the defaults array itself (ESLint 9 passes meta.defaultOptions)', () => {
    const resolve = createOptionsResolver(defaults);
    expect(resolve(defaults)).toBe(resolve([]));
    expect(resolve([])).toEqual([{ runner: 'auto', allow: [], nested: { a: 1, b: 2 } }]);
  });

  it('freezes what it shares between files, and never touches the defaults or the user options', () => {
    const resolve = createOptionsResolver(defaults);
    const user = { allow: ['GRANT'] };
    const merged = resolve([user]);
    expect(Object.isFrozen(merged)).toBe(true);
    expect(Object.isFrozen(merged[0])).toBe(true);
    expect(Object.isFrozen(merged[0].allow)).toBe(true);
    expect(Object.isFrozen(user)).toBe(false);
    expect(Object.isFrozen(defaults[0])).toBe(false);
  });

  it("never freezes the arrays and objects of the user's config, which the merge would otherwise share", () => {
    const resolve = createOptionsResolver(defaults);
    const allow = ['GRANT'];
    const nested = { b: 5 };
    resolve([{ allow, nested }]);
    expect(Object.isFrozen(allow)).toBe(false);
    expect(Object.isFrozen(nested)).toBe(false);
    // A config that reuses and extends its array later must still be able to.
    expect(() => allow.push('REVOKE')).not.toThrow();
  });

  it('sees a change inside a nested array of the same config object (no stale merge)', () => {
    const resolve = createOptionsResolver(defaults);
    const allow = ['GRANT'];
    expect(resolve([{ allow }])[0].allow).toEqual(['GRANT']);
    allow.push('REVOKE');
    // A fresh copy of the list, as ESLint 9 makes per file, holding the same (now longer) array.
    expect(resolve([{ allow }])[0].allow).toEqual(['GRANT', 'REVOKE']);
  });

  it('reuses one merge for lists equal as data, whatever their key order or copies', () => {
    const resolve = createOptionsResolver(defaults);
    const first = resolve([{ runner: 'knex', allow: ['A', 'B'], nested: { a: 2 } }]);
    expect(resolve([{ nested: { a: 2 }, allow: ['A', 'B'], runner: 'knex' }])).toBe(first);
    expect(resolve([{ runner: 'knex', allow: ['B', 'A'], nested: { a: 2 } }])).not.toBe(first);
    expect(resolve([{ runner: 'knex', allow: ['A', 'B'], nested: { a: 2, b: 2 } }])).not.toBe(first);
    expect(resolve([{ runner: 'knex', allow: ['A', 'B'] }])).not.toBe(first);
    expect(resolve([{ runner: 'knex', allow: ['A', 'B'], nested: { a: 2 } }, 'x'])).not.toBe(first);
    // Each distinct list keeps its own merge: going back to the first finds it again.
    expect(resolve([{ runner: 'knex', allow: ['A', 'B'], nested: { a: 2 } }])).toBe(first);
  });

  it('keeps each config object its own merge when files of two configs alternate', () => {
    const resolve = createOptionsResolver(defaults);
    // Two configs of one run (a web and a scripts workspace): ESLint hands each file its config's own object.
    const web = { runner: 'knex' };
    const scripts = { runner: 'prisma' };
    const first = resolve([web]);
    const second = resolve([scripts]);
    for (let file = 0; file < 4; file++) {
      expect(resolve([web])).toBe(first);
      expect(resolve([scripts])).toBe(second);
      expect(resolve([scripts])).toBe(second);
    }
    expect(first[0].runner).toBe('knex');
    expect(second[0].runner).toBe('prisma');
  });
});
