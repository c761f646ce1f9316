import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { trackOutbound } from '../lib/analytics';

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

interface SafeLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  children: ReactNode;
}

/**
 * The only sanctioned way to link off-site: it checks the URL, opens a new tab
 * without leaking `window.opener` or the referrer, and records the click.
 * The raw <a> below is the implementation itself, so the rule leaves it alone.
 */
export function SafeLink({ href, children, ...rest }: SafeLinkProps) {
  const url = new URL(href, 'https://acme.example');
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return <span>{children}</span>;
  }
  return (
    <a
      {...rest}
      href={url.toString()}
      target="_blank"
      rel="noopener noreferrer"
      onClick={() => trackOutbound(url.hostname)}
    >
      {children}
    </a>
  );
}
