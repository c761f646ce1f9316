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

/**
 * Classifies a complete href string exactly as a browser resolves it: Node's
 * WHATWG `URL` does the parsing (whitespace and control stripping, `\` as `/`,
 * case folding, IDNA, default ports, userinfo), this function only decides
 * what the parsed result means for the site.
 */
export function classifyHref(href: string, policy: UrlPolicy): HrefVerdict {
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
