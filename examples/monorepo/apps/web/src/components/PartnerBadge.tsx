import { createElement } from 'react';

interface PartnerBadgeProps {
  partner: string;
}

/** Rendered from a CMS block, hence createElement instead of JSX. */
export function PartnerBadge({ partner }: PartnerBadgeProps) {
  return createElement(
    'a',
    { href: `https://${partner}.partners.acme-partner.example`, className: 'badge' },
    `Certified by ${partner}`,
  );
}
