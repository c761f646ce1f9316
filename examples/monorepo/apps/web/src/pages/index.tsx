import Link from 'next/link';

const DOCS_URL = 'https://docs.acme-partner.example/getting-started';

export default function Home({ slug }: { slug: string }) {
  return (
    <main>
      <h1>Create table of contents for your team wiki</h1>
      <p>
        Read the <Link href={`/guides/${slug}`}>guide</Link> or jump to <a href="/pricing">pricing</a>.
      </p>
      <p>
        New here? Follow the{' '}
        <a href={DOCS_URL} target="_blank" rel="noopener noreferrer">
          getting-started docs
        </a>
        .
      </p>
      <p>
        We are hiring: <a href="//jobs.acme-partner.example">see open roles</a>.
      </p>
    </main>
  );
}
