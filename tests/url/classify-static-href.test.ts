import { describe, expect, it } from 'vitest';
import { classifyHref } from '../../src/url/classify-href';
import { classifyStaticHref, type PartialString } from '../../src/url/classify-static-href';
import { createUrlPolicy, type UrlPolicy } from '../../src/url/policy';
import type { HrefVerdictKind } from '../../src/url/verdict';

const HOLE = '${…}';

/** `'/users/${…}'` -> text and hole parts. */
function parse(template: string): PartialString {
  const parts: ({ type: 'text'; value: string } | { type: 'hole' })[] = [];
  template.split(HOLE).forEach((text, index) => {
    if (index > 0) parts.push({ type: 'hole' });
    if (text !== '') parts.push({ type: 'text', value: text });
  });
  return parts;
}

/** Hole contents chosen to hit every parser state: slashes, colons, hosts, controls, nothing. */
const SUBSTITUTIONS = [
  '',
  'x',
  'a1',
  '/',
  '\\',
  '//',
  '\\\\evil.com',
  '/evil.com',
  '//evil.com',
  '/\t/evil.com',
  ':',
  ':x',
  '://evil.com',
  's://evil.com',
  ':alert(1)',
  'evil.com',
  '.evil.net',
  '.evil.net/x',
  '@evil.com',
  '@evil.com/',
  'example.com',
  'docs.trusted.org/',
  ':8443',
  ':443/',
  '?q',
  '#h',
  '%2F',
  ' ',
  '\t',
  '\n//evil.com',
  'mailto:x',
  'javascript:x',
];

function substitute(template: string, value: string): string {
  return template.split(HOLE).join(value);
}

const noAllowlist = createUrlPolicy();
const withAllowlist = createUrlPolicy({ allowedHosts: ['example.com', '*.trusted.org'] });
const policies: Record<string, UrlPolicy> = { 'no allowlist': noAllowlist, allowlist: withAllowlist };

/** What the partial classifier says, for a template. */
const kindOf = (template: string, policy: UrlPolicy): HrefVerdictKind => classifyStaticHref(parse(template), policy).kind;

/** Every kind Node's URL gives over all substitutions (one value in every hole). */
function observedKinds(template: string, policy: UrlPolicy): Set<HrefVerdictKind> {
  const kinds = new Set<HrefVerdictKind>();
  for (const value of SUBSTITUTIONS) kinds.add(classifyHref(substitute(template, value), policy).kind);
  for (const first of ['', '/', 'x', ':']) {
    for (const second of ['', '/evil.com', 'x']) {
      let index = 0;
      kinds.add(classifyHref(template.split(HOLE).reduce((a, b) => a + (index++ === 0 ? first : second) + b), policy).kind);
    }
  }
  return kinds;
}

const TEMPLATES = [
  // decided by the head
  'https://${…}',
  'https://${…}/path',
  'HTTPS://${…}',
  'http://${…}',
  'http:${…}',
  '//${…}',
  '\\\\${…}',
  '/\\${…}',
  '/\t/${…}',
  ' //${…}',
  'https:\\\\${…}',
  'https://evil.com/${…}',
  'https://evil.com?${…}',
  'https://example.com/${…}',
  'https://example.com#${…}',
  'https://example.com:443/${…}',
  'https://EXAMPLE.com\\${…}',
  'https://docs.trusted.org/${…}',
  'https://example.com@evil.com/${…}',
  'https://example.com${…}',
  'https://${…}.trusted.org/',
  'https://${…}.example.com',
  '/users/${…}',
  '/users${…}',
  '/u${…}',
  './${…}',
  '../${…}',
  '#${…}',
  '?${…}',
  '?next=${…}',
  'users/${…}',
  '1${…}',
  '%2F${…}',
  'mailto:${…}',
  'tel:${…}',
  'javascript:${…}',
  'JavaScript:${…}',
  ' java\tscript:${…}',
  'data:${…}',
  'vbscript:${…}',
  'foo:${…}',
  'ftp://${…}',
  'https:/${…}',
  'https:/x${…}',
  'https:x${…}',
  // undecided
  '${…}',
  ' ${…}',
  '\t${…}',
  '/${…}',
  '\\${…}',
  'https:${…}',
  'https${…}',
  'javascript${…}',
  'java${…}script:x',
  'users${…}',
  'a.b${…}',
  '${…}/users',
  '${…}//evil.com',
  '/${…}/${…}',
  'https://${…}/${…}',
];

describe('classifyStaticHref agrees with Node URL on every substitution', () => {
  for (const [policyName, policy] of Object.entries(policies)) {
    describe(policyName, () => {
      it.each(TEMPLATES)('%j', (template) => {
        const kind = kindOf(template, policy);
        const observed = observedKinds(template, policy);
        observed.delete('invalid'); // an unparseable href navigates nowhere: compatible with any verdict
        if (kind === 'unknown') {
          // Unknown only when substitutions really disagree.
          expect(observed.size).toBeGreaterThan(1);
        } else {
          expect([...observed]).toEqual([kind]);
        }
      });
    });
  }
});

describe('classifyStaticHref: the cases named in the issue', () => {
  const policy = noAllowlist;
  it.each([
    ['https://${…}', { kind: 'external', resolved: 'https://…' }],
    ['HTTPS://Evil.com${…}', { kind: 'external', resolved: 'https://evil.com…' }],
    ['https://evil.com/${…}', { kind: 'external', resolved: 'https://evil.com/…' }],
    ['/\\evil.com/${…}', { kind: 'external', resolved: 'https://evil.com/…' }],
    ['http:${…}', { kind: 'external', resolved: 'http://…' }],
    ['foo:${…}', { kind: 'external', resolved: 'foo:…' }],
    ['javascript:${…}', { kind: 'forbiddenScheme', scheme: 'javascript', resolved: 'javascript:…' }],
    ['/users/${…}', { kind: 'internal' }],
    ['?${…}', { kind: 'internal' }],
    ['#${…}', { kind: 'internal' }],
    ['mailto:${…}', { kind: 'allowed' }],
    ['/${…}', { kind: 'unknown' }],
    ['${…}', { kind: 'unknown' }],
    ['javascript${…}', { kind: 'unknown' }],
  ])('%j', (template, verdict) => {
    expect(classifyStaticHref(parse(template), policy)).toEqual(verdict);
  });

  it('needs the host when an allowlist exists', () => {
    const withHosts = withAllowlist;
    expect(classifyStaticHref(parse('https://${…}'), withHosts)).toEqual({ kind: 'unknown' });
    expect(classifyStaticHref(parse('https://example.com/${…}'), withHosts)).toEqual({ kind: 'allowed' });
    expect(classifyStaticHref(parse('https://example.com${…}'), withHosts)).toEqual({ kind: 'unknown' });
  });

  it('treats a string without holes like classifyHref', () => {
    expect(classifyStaticHref([{ type: 'text', value: '/\\evil.com' }], policy)).toEqual({ kind: 'external', resolved: 'https://evil.com/' });
    expect(classifyStaticHref([], policy)).toEqual({ kind: 'internal' });
  });
});
