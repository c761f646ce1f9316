import Link from 'next/link';

interface Post {
  slug: string;
  title: string;
  body: string;
  /** Set by editors in the CMS: may point anywhere. */
  canonicalUrl: string;
}

export default function BlogPost({ post }: { post: Post }) {
  return (
    <article>
      <h1>{post.title}</h1>
      <div dangerouslySetInnerHTML={{ __html: post.body }} />
      <p>
        <Link href={`/blog/${post.slug}/comments`}>Comments</Link> ·{' '}
        <a href={post.canonicalUrl}>Originally published here</a>
      </p>
    </article>
  );
}
