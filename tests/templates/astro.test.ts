import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import * as astroParser from 'astro-eslint-parser';
import rule from '../../src/rules/no-raw-external-anchor';
import { span } from './span';

// Astro components through the real astro-eslint-parser 1.4 (the last major that
// runs on Node 20). Astro templates are JSX to the rule; these cases pin what
// Astro adds: frontmatter constants, `{href}` shorthand, `` href=`…` ``
// attributes, imports that belong in the frontmatter, and `SafeLink.astro`.
const ruleTester = new RuleTester({
  languageOptions: { parser: astroParser, parserOptions: { parser: tsParser } },
});

const external = (href: string, resolved: string) => ({ messageId: 'externalHref' as const, data: { href, resolved, component: 'SafeLink' } });
const rename = (output: string) => [{ messageId: 'useSafeLink' as const, data: { element: 'a', component: 'SafeLink' }, output }];
const filename = 'src/pages/index.astro';
const FRONTMATTER = `---\nimport Layout from '../layouts/Layout.astro';\nconst host = 'evil.com';\nconst { href } = Astro.props;\n---\n`;

ruleTester.run('no-raw-external-anchor (Astro)', rule, {
  valid: [
    { name: 'relative paths and allowed schemes', filename, code: `${FRONTMATTER}<a href="/about">a</a><a href={\`/blog/\${href}\`}>b</a><a href="mailto:a@b.c">c</a>` },
    { name: 'allowlisted host through the frontmatter', filename, code: `${FRONTMATTER}<a href=\`https://\${host}/x\`>a</a>`, options: [{ allowedHosts: ['evil.com'] }] },
    { name: 'SafeLink', filename, code: `---\nimport SafeLink from '../components/SafeLink.astro';\n---\n<SafeLink href="https://evil.com">a</SafeLink>` },
    { name: 'unknown shorthand ignored on request', filename, code: `${FRONTMATTER}<a {href}>a</a>`, options: [{ unknownHref: 'ignore' }] },
    {
      name: "SafeLink's own implementation (SafeLink.astro)",
      filename: 'src/components/SafeLink.astro',
      code: `---\nconst { href, ...rest } = Astro.props;\n---\n<a href={href} target="_blank" rel="noopener noreferrer" {...rest}><slot /></a>`,
    },
  ],
  invalid: [
    (() => {
      const code = `${FRONTMATTER}<Layout><a href={\`https://\${host}/x\`} target="_blank" rel="noopener">Docs</a></Layout>`;
      return {
        name: 'template literal through a frontmatter constant; the import goes after the frontmatter imports',
        filename,
        options: [{ importSource: '../components/SafeLink.astro' }],
        code,
        output: null,
        errors: [
          {
            ...external('https://evil.com/x', 'https://evil.com/x'),
            ...span(code, '{`https://${host}/x`}'),
            suggestions: rename(
              code
                .replace("Layout.astro';\n", "Layout.astro';\nimport SafeLink from '../components/SafeLink.astro';\n")
                .replace('<a href={`https://${host}/x`} target="_blank" rel="noopener">Docs</a>', '<SafeLink href={`https://${host}/x`}>Docs</SafeLink>'),
            ),
          },
        ],
      };
    })(),
    (() => {
      const code = `${FRONTMATTER}<a {href}>a</a><a href=\`https://\${host}/y\`>b</a>`;
      return {
        name: 'shorthand and template-literal attributes',
        // Unknown destinations are reported here as the strict setting does (the default, `likely-external`, wants a sign the link leaves).
        options: [{ unknownHref: 'report' as const }],
        filename,
        code,
        output: null,
        errors: [
          { messageId: 'unknownHref' as const, data: { href: 'href', component: 'SafeLink' }, ...span(code, '{href}'), suggestions: [] },
          { ...external('https://evil.com/y', 'https://evil.com/y'), ...span(code, '`https://${host}/y`'), suggestions: [] },
        ],
      };
    })(),
    (() => {
      const code = String.raw`<a href=" //evil.com">a</a><a href="/\evil.com">b</a><a href="HTTPS://evil.com">c</a><a href="&#104;ttps://evil.com">d</a>`;
      return {
        name: 'leading space, slash-backslash, upper-case scheme, entities',
        filename,
        code,
        output: null,
        errors: [
          { ...external(' //evil.com', 'https://evil.com/'), ...span(code, '" //evil.com"'), suggestions: [] },
          { ...external('/\\evil.com', 'https://evil.com/'), ...span(code, String.raw`"/\evil.com"`), suggestions: [] },
          { ...external('HTTPS://evil.com', 'https://evil.com/'), ...span(code, '"HTTPS://evil.com"'), suggestions: [] },
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, '"&#104;ttps://evil.com"'), suggestions: [] },
        ],
      };
    })(),
    (() => {
      const code = `---\nconst title = 'x';\n---\n<a href="//evil.com">x</a>`;
      return {
        name: 'frontmatter without imports: the import opens it',
        filename,
        options: [{ importSource: '@/components/SafeLink.astro' }],
        code,
        output: null,
        errors: [
          {
            ...external('//evil.com', 'https://evil.com/'),
            ...span(code, '"//evil.com"'),
            suggestions: rename(`---\nimport SafeLink from "@/components/SafeLink.astro";\nconst title = 'x';\n---\n<SafeLink href="//evil.com">x</SafeLink>`),
          },
        ],
      };
    })(),
    (() => {
      const code = `<a href="//evil.com">x</a>`;
      return {
        name: 'no frontmatter: the suggestion adds one',
        filename,
        options: [{ importSource: '@/components/SafeLink.astro' }],
        code,
        output: null,
        errors: [
          {
            ...external('//evil.com', 'https://evil.com/'),
            ...span(code, '"//evil.com"'),
            suggestions: rename(`---\nimport SafeLink from "@/components/SafeLink.astro";\n---\n\n<SafeLink href="//evil.com">x</SafeLink>`),
          },
        ],
      };
    })(),
    (() => {
      const code = `<a {...{ href: 'https://evil.com' }}>a</a><SafeLink href="javascript:void(0)">b</SafeLink>`;
      return {
        name: 'known spread; SafeLink with a script URL',
        filename,
        code,
        output: null,
        errors: [
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, "{...{ href: 'https://evil.com' }}"), suggestions: [] },
          { messageId: 'forbiddenScheme' as const, data: { href: 'javascript:void(0)', scheme: 'javascript' }, ...span(code, '"javascript:void(0)"'), suggestions: [] },
        ],
      };
    })(),
  ],
});
