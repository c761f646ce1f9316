import { FORBIDDEN_SCHEMES, isAllowedHost, type UrlPolicy } from './policy';
import type { HrefVerdict } from './verdict';

/**
 * Placeholder page URLs. A relative href is resolved against both: it stays on
 * the site exactly when it keeps each base's host. Two bases mean that an href
 * that happens to spell one placeholder host still counts as leaving. Both are
 * https because production pages are, and the scheme decides how `http:h`
 * (another origin) and `https:h` (a relative path) parse.
 */
const BASES = [new URL('https://page.guardrails.invalid/dir/'), new URL('https://other.guardrails.invalid/dir/')] as const;

function tryParse(href: string, base: URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function isSameOrigin(url: URL, base: URL): boolean {
  return url.protocol === base.protocol && url.host === base.host;
}

const HASH = 0x23;
const QUESTION = 0x3f;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Hrefs that stay on the page's origin whatever follows, decided without
 * building a URL (most hrefs in real code are like this): `#…`, `?…`, and a
 * path-absolute `/x…`. A second character of `/` or `\` starts a host, and a
 * tab or newline there is removed by the parser, so those take the full path.
 */
function isTriviallyInternal(href: string): boolean {
  const first = href.charCodeAt(0);
  if (first === HASH || first === QUESTION) return true;
  if (first !== SLASH) return false;
  const second = href.charCodeAt(1);
  return second !== SLASH && second !== BACKSLASH && second !== TAB && second !== LF && second !== CR;
}

/**
 * Classifies a complete href string exactly as a browser resolves it: Node's
 * WHATWG `URL` does the parsing (whitespace and control stripping, `\` as `/`,
 * case folding, IDNA, default ports, userinfo), this function only decides
 * what the parsed result means for the site.
 */
export function classifyHref(href: string, policy: UrlPolicy): HrefVerdict {
  if (isTriviallyInternal(href)) return { kind: 'internal' };
  const [first, second] = BASES;
  const url = tryParse(href, first);
  if (!url) return { kind: 'invalid' };
  if (isSameOrigin(url, first)) {
    const again = tryParse(href, second);
    if (again && isSameOrigin(again, second)) return { kind: 'internal' };
  }
  const scheme = url.protocol.slice(0, -1);
  if (FORBIDDEN_SCHEMES.has(scheme)) return { kind: 'forbiddenScheme', scheme, resolved: url.href };
  if (policy.schemes.has(scheme) || isAllowedHost(url, policy)) return { kind: 'allowed' };
  return { kind: 'external', resolved: url.href };
}
