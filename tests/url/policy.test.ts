import { describe, expect, it } from 'vitest';
import { ALLOWED_HOST_PATTERN, createUrlPolicy, isAllowedHost, parseHostEntry } from '../../src/url/policy';

const allowed = (entries: string[], href: string): boolean =>
  isAllowedHost(new URL(href), createUrlPolicy({ allowedHosts: entries }));

describe('parseHostEntry', () => {
  it('normalises case, IDNA and ports through the WHATWG parser', () => {
    expect(parseHostEntry('EXAMPLE.com')).toEqual({ entry: 'EXAMPLE.com', hostname: 'example.com', subdomains: false, port: '' });
    expect(parseHostEntry('*.Bücher.de').hostname).toBe('xn--bcher-kva.de');
    expect(parseHostEntry('*.example.com')).toMatchObject({ hostname: 'example.com', subdomains: true });
    expect(parseHostEntry('example.com:08443').port).toBe('8443');
    expect(parseHostEntry('[::1]:3000')).toMatchObject({ hostname: '[::1]', port: '3000' });
  });

  it.each([
    'https://example.com',
    'example.com/path',
    'user@example.com',
    '*example.com',
    'example.*.com',
    '*.*.example.com',
    'example.com:99999',
    'exa mple.com',
    '',
    'example.com:',
  ])('rejects %j', (entry) => {
    expect(() => parseHostEntry(entry)).toThrow(/Invalid `allowedHosts` entry/u);
  });

  it('uses the same pattern the schema uses', () => {
    const pattern = new RegExp(ALLOWED_HOST_PATTERN, 'u');
    expect(pattern.test('example.com')).toBe(true);
    expect(pattern.test('*.example.com:8080')).toBe(true);
    expect(pattern.test('http://example.com')).toBe(false);
  });
});

describe('isAllowedHost', () => {
  it('matches the exact host in any case and with the default port', () => {
    expect(allowed(['example.com'], 'https://EXAMPLE.COM/')).toBe(true);
    expect(allowed(['example.com'], 'https://example.com:443/x')).toBe(true);
    expect(allowed(['example.com'], 'http://example.com:80/x')).toBe(true);
    expect(allowed(['Example.COM'], 'https://example.com/')).toBe(true);
  });

  it('never matches by prefix or substring', () => {
    expect(allowed(['example.com'], 'https://example.com.evil.net/')).toBe(false);
    expect(allowed(['example.com'], 'https://evilexample.com/')).toBe(false);
    expect(allowed(['example.com'], 'https://www.example.com/')).toBe(false);
    expect(allowed(['example.com'], 'https://example.com@evil.net/')).toBe(false);
  });

  it('matches subdomains for `*.` entries, never the apex', () => {
    expect(allowed(['*.example.com'], 'https://docs.example.com/')).toBe(true);
    expect(allowed(['*.example.com'], 'https://a.b.EXAMPLE.com/')).toBe(true);
    expect(allowed(['*.example.com'], 'https://example.com/')).toBe(false);
    expect(allowed(['*.example.com'], 'https://badexample.com/')).toBe(false);
  });

  it('requires the listed port, and only the default port when none is listed', () => {
    expect(allowed(['example.com:8443'], 'https://example.com:8443/')).toBe(true);
    expect(allowed(['example.com:8443'], 'https://example.com/')).toBe(false);
    expect(allowed(['example.com'], 'https://example.com:8443/')).toBe(false);
    expect(allowed(['example.com:443'], 'https://example.com/')).toBe(true);
    expect(allowed(['localhost:3000'], 'http://localhost:3000/')).toBe(true);
  });

  it('only applies to http and https', () => {
    expect(allowed(['example.com'], 'ftp://example.com/')).toBe(false);
    expect(allowed(['example.com'], 'wss://example.com/')).toBe(false);
  });
});

describe('createUrlPolicy', () => {
  it('defaults to mailto, tel and sms and never allows a forbidden scheme', () => {
    expect([...createUrlPolicy().schemes]).toEqual(['mailto', 'tel', 'sms']);
    expect([...createUrlPolicy({ allowedSchemes: ['FTP', 'javascript', 'Data:'] }).schemes]).toEqual(['ftp']);
  });
});
