import markdown from '@eslint/markdown';
import { RuleTester as EslintRuleTester } from 'eslint';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as mdxParser from 'eslint-mdx';
import { afterAll, describe, it } from 'vitest';
import rule from '../../src/rules/no-raw-external-anchor';
import { span } from './span';

const external = (href: string, resolved: string) => ({ messageId: 'externalHref' as const, data: { href, resolved, component: 'SafeLink' } });

// ESLint's Markdown language (`@eslint/markdown`, flat config only): Markdown
// links render as raw `<a>`, so they are reported unless `markdownLinks: "ignore"`
// says the site maps `a` to SafeLink. Raw HTML anchors are reported either way.
// ESLint's own RuleTester runs it: typescript-eslint's does not take a `language`.
EslintRuleTester.describe = describe;
EslintRuleTester.it = it;
EslintRuleTester.itOnly = it.only;
const markdownTester = new EslintRuleTester({ plugins: { markdown }, language: 'markdown/commonmark' });

const md = {
  links: 'See [the docs](https://evil.com/x), [home](/home) and <https://auto.example>.\n',
  reference: 'Read [the guide][g].\n\n[g]: HTTPS://guide.example/x\n',
  html: 'Raw <a href="&#104;ttps://raw.example">anchor</a> and <a href="/ok">ok</a>.\n',
  evasions: String.raw`[a]( //evil.com) [b](/\evil.com) [c](javascript:alert(1))` + '\n',
};

markdownTester.run('no-raw-external-anchor (Markdown)', rule as never, {
  valid: [
    { name: 'relative links, fragments, allowed schemes, images, code', code: '[a](/x) [b](#y) [c](mailto:a@b.c) ![img](https://evil.com/x.png)\n\n```\n[x](https://evil.com)\n```\n\n`[y](https://evil.com)`\n' },
    { name: 'allowlisted host', code: '[a](https://docs.example.com/x)\n', options: [{ allowedHosts: ['docs.example.com'] }] },
    { name: 'the site maps `a` to SafeLink', code: md.links + md.reference, options: [{ markdownLinks: 'ignore' }] },
    { name: 'an unused definition renders nothing', code: '[g]: https://evil.com\n' },
  ],
  invalid: [
    {
      name: 'inline link and autolink',
      code: md.links,
      errors: [
        { ...external('https://evil.com/x', 'https://evil.com/x'), ...span(md.links, '[the docs](https://evil.com/x)') },
        { ...external('https://auto.example', 'https://auto.example/'), ...span(md.links, '<https://auto.example>') },
      ],
    },
    {
      name: 'reference link: reported where it is used, with the definition URL',
      code: md.reference,
      errors: [{ ...external('HTTPS://guide.example/x', 'https://guide.example/x'), ...span(md.reference, '[the guide][g]') }],
    },
    {
      name: 'raw HTML anchors, also when Markdown links are mapped',
      code: md.html,
      options: [{ markdownLinks: 'ignore' }],
      errors: [{ ...external('https://raw.example', 'https://raw.example/'), ...span(md.html, '<a href="&#104;ttps://raw.example">') }],
    },
    {
      name: 'leading space, slash-backslash, script URL',
      code: md.evasions,
      errors: [
        { ...external('//evil.com', 'https://evil.com/'), ...span(md.evasions, '[a]( //evil.com)') },
        { ...external('/\\evil.com', 'https://evil.com/'), ...span(md.evasions, String.raw`[b](/\evil.com)`) },
        { messageId: 'forbiddenScheme', data: { href: 'javascript:alert(1)', scheme: 'javascript' }, ...span(md.evasions, '[c](javascript:alert(1))') },
      ],
    },
  ],
});

// MDX through eslint-mdx: its AST holds the JSX and ESM of the file, so JSX
// works as in TSX (the Markdown syntax itself is not in that AST).
RuleTester.afterAll = afterAll;
const mdxTester = new RuleTester({ languageOptions: { parser: mdxParser } });
const mdx = {
  page: `import { Callout } from './Callout'\nexport const DOCS = 'https://docs.evil.com'\n\n# Title\n\n<a href={DOCS}>Docs</a> and <a href=" //evil.com">jobs</a>\n`,
};

mdxTester.run('no-raw-external-anchor (MDX)', rule, {
  valid: [
    { name: 'internal JSX links and SafeLink', filename: 'post.mdx', code: `import { SafeLink } from './SafeLink'\n\n<a href="/x">x</a> <SafeLink href="https://evil.com">y</SafeLink>\n` },
  ],
  invalid: [
    {
      name: 'JSX anchors with an exported constant and a leading space; the import joins the ESM',
      filename: 'post.mdx',
      options: [{ importSource: './SafeLink' }],
      code: mdx.page,
      output: null,
      errors: [
        {
          ...external('https://docs.evil.com', 'https://docs.evil.com/'),
          ...span(mdx.page, '{DOCS}'),
          suggestions: [
            {
              messageId: 'useSafeLink',
              data: { element: 'a', component: 'SafeLink' },
              output: mdx.page.replace("from './Callout'", "from './Callout'\nimport { SafeLink } from './SafeLink'").replace('<a href={DOCS}>Docs</a>', '<SafeLink href={DOCS}>Docs</SafeLink>'),
            },
          ],
        },
        {
          ...external(' //evil.com', 'https://evil.com/'),
          ...span(mdx.page, '" //evil.com"'),
          suggestions: [
            {
              messageId: 'useSafeLink',
              data: { element: 'a', component: 'SafeLink' },
              output: mdx.page.replace("from './Callout'", "from './Callout'\nimport { SafeLink } from './SafeLink'").replace('<a href=" //evil.com">jobs</a>', '<SafeLink href=" //evil.com">jobs</SafeLink>'),
            },
          ],
        },
      ],
    },
  ],
});
