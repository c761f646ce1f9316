import Link from 'next/link';
import { SafeLink } from '@/components/SafeLink';

const STATUS_PAGE = 'https://status.acme-partner.example';

export function Footer() {
  return (
    <footer>
      <nav aria-label="Company">
        <Link href="/about">About</Link>
        <Link href="/careers">Careers</Link>
        <a href="/privacy">Privacy</a>
        <a href="#top">Back to top</a>
        <a href="mailto:support@acme.example">Contact support</a>
      </nav>
      <SafeLink href={STATUS_PAGE}>Service status</SafeLink>
      <SafeLink href="https://github.com/acme">GitHub</SafeLink>
    </footer>
  );
}
