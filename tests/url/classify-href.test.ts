import { describe, expect, it } from 'vitest';
import { classifyHref } from '../../src/url/classify-href';
import { createUrlPolicy } from '../../src/url/policy';

const policy = createUrlPolicy({ allowedHosts: ['example.com', '*.trusted.org', 'localhost:3000'] });
const classify = (href: string) => classifyHref(href, policy);

describe('classifyHref: evasions that leave the site', () => {
  it.each([
    ['https://evil.com', 'https://evil.com/'],
    ['HTTPS://evil.com', 'https://evil.com/'],
    [' //evil.com', 'https://evil.com/'],
    ['\u0000\u001f //evil.com ', 'https://evil.com/'],
    ['//evil.com', 'https://evil.com/'],
    ['///evil.com', 'https://evil.com/'],
    ['\\\\evil.com', 'https://evil.com/'],
    ['/\\evil.com', 'https://evil.com/'],
    ['\\/evil.com', 'https://evil.com/'],
    ['/\t/evil.com', 'https://evil.com/'],
    ['/\n/evil.com', 'https://evil.com/'],
    ['h\ntt\tps://evil.com', 'https://evil.com/'],
    ['https:\\\\evil.com', 'https://evil.com/'],
    ['https:/\\evil.com', 'https://evil.com/'],
    ['http:evil.com', 'http://evil.com/'],
    ['http:/evil.com', 'http://evil.com/'],
    ['http:\\\\\\evil.com', 'http://evil.com/'],
    ['https://example.com@evil.com/', 'https://example.com@evil.com/'],
    ['https://example.com.evil.net/', 'https://example.com.evil.net/'],
    ['https://EXAMPLE.com:8443/', 'https://example.com:8443/'],
    ['https://trusted.org/', 'https://trusted.org/'],
    ['https://ＥＶＩＬ.com/', 'https://evil.com/'],
    ['https://bücher.de', 'https://xn--bcher-kva.de/'],
    ['ftp://example.com/', 'ftp://example.com/'],
    ['foo:bar', 'foo:bar'],
    ['https://page.guardrails.invalid/', 'https://page.guardrails.invalid/'],
    ['//other.guardrails.invalid/', 'https://other.guardrails.invalid/'],
  ])('%j is external (browsers read %j)', (href, resolved) => {
    expect(classify(href)).toEqual({ kind: 'external', resolved });
  });
});

describe('classifyHref: forbidden schemes', () => {
  it.each([
    ['javascript:alert(1)', 'javascript', 'javascript:alert(1)'],
    ['JavaScript:void(0)', 'javascript', 'javascript:void(0)'],
    [' java\tscript:x', 'javascript', 'javascript:x'],
    ['vbscript:msgbox', 'vbscript', 'vbscript:msgbox'],
    ['data:text/html,<b>x</b>', 'data', 'data:text/html,<b>x</b>'],
  ])('%j', (href, scheme, resolved) => {
    expect(classify(href)).toEqual({ kind: 'forbiddenScheme', scheme, resolved });
  });

  it('stays forbidden even when listed in allowedSchemes', () => {
    expect(classifyHref('javascript:x', createUrlPolicy({ allowedSchemes: ['javascript'] })).kind).toBe('forbiddenScheme');
  });
});

describe('classifyHref: near misses that stay on the site', () => {
  it.each([
    '/about',
    'about',
    './a/b',
    '../up',
    '#x',
    '?q',
    '',
    ' ',
    '/redirect?to=https://x',
    '/%5Cevil.com',
    '/%2F/evil.com',
    './/evil.com',
    '/./evil.com',
    'https:evil.com',
    'https:/evil.com',
    '1http://x',
    ':foo',
  ])('%j is internal', (href) => {
    expect(classify(href)).toEqual({ kind: 'internal' });
  });

  it.each([
    'https://EXAMPLE.com/',
    'https://example.com:443/x',
    'http://example.com:80',
    'HTTPS://Example.Com',
    'https://docs.trusted.org/',
    'http://localhost:3000/x',
    'mailto:a@b.c',
    'TEL:+1234',
    'sms:+1234',
  ])('%j is allowed', (href) => {
    expect(classify(href)).toEqual({ kind: 'allowed' });
  });

  it.each(['//', 'https://', 'http:', 'https://exa mple.com', 'http://[::1'])('%j is invalid (no navigation)', (href) => {
    expect(classify(href)).toEqual({ kind: 'invalid' });
  });
});
