import { describe, expect, it } from 'vitest';
import { describeHref, describeResolved, truncate } from '../../src/url/display';
import { combineVerdicts } from '../../src/url/verdict';

describe('describeHref', () => {
  it('makes invisible characters visible and marks holes', () => {
    expect(describeHref([{ type: 'text', value: '/\t/x\n\u0000' }])).toBe('/\\t/x\\n\\x00');
    expect(describeHref([{ type: 'text', value: '/' }, { type: 'hole' }])).toBe('/${…}');
    expect(describeHref([{ type: 'text', value: '/' }, { type: 'hole' }], () => 'slug')).toBe('/${slug}');
  });

  it('keeps messages short without splitting a character', () => {
    const long = `https://example.com/${'a'.repeat(100)}`;
    expect(truncate(long)).toHaveLength(60);
    expect(truncate(long).endsWith('…')).toBe(true);
    expect(truncate(`${'a'.repeat(58)}😀tail`)).toBe(`${'a'.repeat(58)}…`);
    expect(describeResolved('https://x/\u007f')).toBe('https://x/\\x7f');
  });
});

describe('combineVerdicts', () => {
  it('lets the most alarming alternative win', () => {
    const external = { kind: 'external', resolved: 'https://x/' } as const;
    const forbidden = { kind: 'forbiddenScheme', scheme: 'javascript', resolved: 'javascript:x' } as const;
    expect(combineVerdicts([{ kind: 'internal' }, external, { kind: 'unknown' }])).toBe(external);
    expect(combineVerdicts([external, forbidden])).toBe(forbidden);
    expect(combineVerdicts([{ kind: 'invalid' }, { kind: 'allowed' }])).toEqual({ kind: 'allowed' });
    expect(combineVerdicts([])).toEqual({ kind: 'unknown' });
  });
});
