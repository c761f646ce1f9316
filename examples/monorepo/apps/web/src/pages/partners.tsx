import Link from 'next/link';

const partners = [
  { name: 'Globex', slug: 'globex' },
  { name: 'Initech', slug: 'initech' },
];

export default function Partners() {
  return (
    <section>
      <h2>Partners</h2>
      <ul>
        {partners.map((partner) => (
          <li key={partner.name}>
            <Link href={`/partners/${partner.slug}`}>{partner.name}</Link>
          </li>
        ))}
      </ul>
      <Link href="https://partners.globex.example/apply">Become a partner</Link>
    </section>
  );
}
