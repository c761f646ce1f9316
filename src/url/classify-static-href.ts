import { classifyHref } from './classify-href';
import { FORBIDDEN_SCHEMES, type UrlPolicy } from './policy';
import type { HrefVerdict } from './verdict';

/**
 * A string known only in part: text pieces and holes (run-time values that may
 * be any string, empty included). Structurally the `StaticString` of
 * `src/static/string-parts`, restated here so the URL engine has no ESLint types.
 */
export type PartialString = readonly ({ readonly type: 'text'; readonly value: string } | { readonly type: 'hole' })[];

const UNKNOWN: HrefVerdict = { kind: 'unknown' };
const INTERNAL: HrefVerdict = { kind: 'internal' };

const isSlash = (char: string | undefined): boolean => char === '/' || char === '\\';

function stripLeadingC0AndSpace(text: string): string {
  let index = 0;
  while (index < text.length && text.charCodeAt(index) <= 0x20) index++;
  return text.slice(index);
}

/**
 * Classifies an href of which only some pieces are known. The WHATWG parser
 * reads left to right and fixes the scheme and host before anything else, so
 * only the text before the first hole (the head) can decide; the verdict is
 * `unknown` unless every possible hole content leads to the same kind (or to
 * an unparseable URL, which navigates nowhere). The reasoning mirrors the
 * parser's states: scheme start, special relative/authority, relative slash,
 * authority. `tests/url` checks it against Node's `URL` on many substitutions.
 */
export function classifyStaticHref(parts: PartialString, policy: UrlPolicy): HrefVerdict {
  let head = '';
  for (const part of parts) {
    if (part.type === 'hole') return classifyHead(head, policy);
    head += part.value;
  }
  return classifyHref(head, policy);
}

function classifyHead(rawHead: string, policy: UrlPolicy): HrefVerdict {
  // Leading C0 controls and spaces are stripped; if nothing else is known,
  // the hole starts the URL and can be anything.
  const head = stripLeadingC0AndSpace(rawHead).replace(/[\t\n\r]/gu, '');
  if (head === '') return UNKNOWN;

  const schemeMatch = /^[A-Za-z][A-Za-z0-9+.-]*/u.exec(head);
  if (schemeMatch) {
    const afterName = head.slice(schemeMatch[0].length);
    // `javascript${x}`, `http${x}`, `users${x}`: the hole may add the colon.
    if (afterName === '') return UNKNOWN;
    if (afterName.startsWith(':')) return classifyAfterScheme(schemeMatch[0].toLowerCase(), afterName.slice(1), policy);
  }
  return classifyRelative(head, policy);
}

function classifyAfterScheme(scheme: string, rest: string, policy: UrlPolicy): HrefVerdict {
  if (FORBIDDEN_SCHEMES.has(scheme)) return { kind: 'forbiddenScheme', scheme, resolved: `${scheme}:…` };
  // The page's own scheme: the parser treats the rest like a scheme-less
  // reference (`https:/x` is a path, `https:\\h` is another host).
  if (scheme === 'https') return classifyRelative(rest, policy);
  if (policy.schemes.has(scheme)) return { kind: 'allowed' };
  // Another special scheme with a host: every slash is skipped, a host follows.
  if (scheme === 'http') return classifyAuthority(scheme, rest, policy);
  return { kind: 'external', resolved: `${scheme}:…` };
}

/** A reference resolved against an https page (no scheme, or `https:` + rest). */
function classifyRelative(text: string, policy: UrlPolicy): HrefVerdict {
  if (text === '') return UNKNOWN;
  if (!isSlash(text[0])) return INTERNAL; // path, `?query` or `#fragment`
  if (text.length === 1) return UNKNOWN; // `/${slug}`: the hole may start with `/`
  if (isSlash(text[1])) return classifyAuthority('https', text.slice(2), policy);
  return INTERNAL; // a fixed first path segment: `/users/${id}`
}

/** `text` follows `scheme://`; more slashes are skipped, then comes the host. */
function classifyAuthority(scheme: string, text: string, policy: UrlPolicy): HrefVerdict {
  if (policy.schemes.has(scheme)) return { kind: 'allowed' };
  const authority = text.replace(/^[/\\]+/u, '');
  const end = authority.search(/[/\\?#]/u);
  if (end !== -1) {
    // The host (and userinfo and port) ends inside the known text: parse it.
    const verdict = classifyHref(`${scheme}://${authority.slice(0, end + 1)}`, policy);
    return verdict.kind === 'external' ? { kind: 'external', resolved: `${verdict.resolved}…` } : verdict;
  }
  // Any host leaves the site; only an allowlist makes the unknown host matter.
  if (policy.hosts.length > 0) return UNKNOWN;
  return { kind: 'external', resolved: `${scheme}://${authority.toLowerCase()}…` };
}
