/**
 * What a project allows besides same-origin links: a host allowlist and a few
 * harmless schemes. Entries are normalised once, through the same WHATWG parser
 * that classifies hrefs, so `EXAMPLE.com:443` and `bücher.de` compare the way a
 * browser would compare them.
 */

/** Schemes that run code or smuggle content in the link itself; no option can allow them. */
export const FORBIDDEN_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

export const DEFAULT_ALLOWED_SCHEMES: readonly string[] = ['mailto', 'tel', 'sms'];

/**
 * JSON-schema `pattern` for an `allowedHosts` entry: optional `*.`, a host
 * (no scheme, path, userinfo or wildcard elsewhere; IPv6 in brackets), optional
 * `:port`. Anything the pattern lets through is still parsed by `parseHostEntry`.
 */
export const ALLOWED_HOST_PATTERN = String.raw`^(\*\.)?([^\s/\\?#@:*\[\]%]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$`;

/** JSON-schema `pattern` for an `allowedSchemes` entry: a scheme name without the colon. */
export const SCHEME_PATTERN = '^[A-Za-z][A-Za-z0-9+.-]*$';

export interface HostRule {
  /** The entry as written in the config (for error messages). */
  readonly entry: string;
  /** Lower-cased, IDNA-mapped host name (brackets kept for IPv6). */
  readonly hostname: string;
  /** `true` for `*.example.com`: any subdomain, never the apex. */
  readonly subdomains: boolean;
  /** The explicit port, or `''` for "the scheme's default port only". */
  readonly port: string;
}

export interface UrlPolicy {
  readonly hosts: readonly HostRule[];
  /** Lower-case scheme names without the colon. Never contains a forbidden scheme. */
  readonly schemes: ReadonlySet<string>;
}

export interface UrlPolicyOptions {
  readonly allowedHosts?: readonly string[];
  readonly allowedSchemes?: readonly string[];
}

/**
 * Turns one `allowedHosts` entry into a `HostRule`, or throws an error naming
 * the entry. Running the entry through `URL` catches what the schema pattern
 * cannot (labels that fail IDNA, ports above 65535).
 */
export function parseHostEntry(entry: string): HostRule {
  const fail = (why: string): never => {
    throw new Error(`Invalid \`allowedHosts\` entry ${JSON.stringify(entry)}: ${why}.`);
  };
  if (!new RegExp(ALLOWED_HOST_PATTERN, 'u').test(entry)) {
    const host = hostOfUrl(entry);
    fail(
      `${host === null ? '' : `entries are hosts, not URLs: write ${JSON.stringify(host)}. `}Expected a host such as \`example.com\`, \`*.example.com\` (subdomains only) or \`example.com:8443\`, without scheme, path, query or wildcard elsewhere`,
    );
  }
  const subdomains = entry.startsWith('*.');
  const hostAndPort = subdomains ? entry.slice(2) : entry;
  let url: URL;
  try {
    url = new URL(`https://${hostAndPort}/`);
  } catch {
    return fail('browsers cannot parse this host');
  }
  const explicitPort = /:([0-9]+)$/u.exec(hostAndPort)?.[1];
  // `URL` drops a port equal to the https default; keep what the entry meant.
  const port = explicitPort === undefined ? '' : String(Number(explicitPort));
  return { entry, hostname: url.hostname, subdomains, port };
}

/** The host (and port) of an entry written as a URL (`https://x.com/path` → `x.com`), else null. */
function hostOfUrl(entry: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//u.test(entry)) return null;
  try {
    const { host } = new URL(entry);
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

export function createUrlPolicy(options: UrlPolicyOptions = {}): UrlPolicy {
  const hosts = (options.allowedHosts ?? []).map(parseHostEntry);
  const schemes = new Set<string>();
  for (const scheme of options.allowedSchemes ?? DEFAULT_ALLOWED_SCHEMES) {
    if (!new RegExp(SCHEME_PATTERN, 'u').test(scheme.replace(/:$/u, ''))) {
      throw new Error(`Invalid \`allowedSchemes\` entry ${JSON.stringify(scheme)}: expected a scheme name such as \`mailto\` or \`tel\` (a letter, then letters, digits, \`+\`, \`-\` or \`.\`; the colon is optional).`);
    }
    const name = scheme.toLowerCase().replace(/:$/u, '');
    if (!FORBIDDEN_SCHEMES.has(name)) schemes.add(name);
  }
  return { hosts, schemes };
}

function defaultPort(protocol: string): string {
  return protocol === 'http:' ? '80' : protocol === 'https:' ? '443' : '';
}

/**
 * Whether a parsed http(s) URL points at an allowlisted host. Compares the
 * parsed host name exactly (or as a dot-separated suffix for `*.`), never as a
 * prefix or substring, so `example.com.evil.net` is not `example.com`.
 */
export function isAllowedHost(url: URL, policy: UrlPolicy): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const hostname = url.hostname;
  const port = url.port === '' ? '' : url.port;
  return policy.hosts.some((rule) => {
    const hostMatches = rule.subdomains
      ? hostname.endsWith(`.${rule.hostname}`) && hostname.length > rule.hostname.length + 1
      : hostname === rule.hostname;
    if (!hostMatches) return false;
    // An entry without a port means the default port; `example.com:443` and
    // `example.com` are the same thing for https.
    return rule.port === '' || rule.port === defaultPort(url.protocol) ? port === '' : port === rule.port;
  });
}
