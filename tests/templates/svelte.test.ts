import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import svelteParser from 'svelte-eslint-parser';
import rule from '../../src/rules/no-raw-external-anchor';
import { span } from './span';

// Svelte 5 components through the real svelte-eslint-parser. Locations point at
// the attribute text, the mustache's expression, or the whole attribute when the
// text mixes literal runs and mustaches.
const ruleTester = new RuleTester({
  languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } },
});

const external = (href: string, resolved: string) => ({ messageId: 'externalHref' as const, data: { href, resolved, component: 'SafeLink' } });
const unknown = (href: string) => ({ messageId: 'unknownHref' as const, data: { href, component: 'SafeLink' } });
const rename = (output: string) => [{ messageId: 'useSafeLink' as const, data: { element: 'a', component: 'SafeLink' }, output }];
const filename = 'src/routes/+page.svelte';
const SCRIPT = `<script lang="ts">\n\timport SafeLink from '$lib/SafeLink.svelte';\n\tconst host = 'evil.com';\n\tlet { href, attrs, items } = $props();\n</script>\n\n`;

ruleTester.run('no-raw-external-anchor (Svelte)', rule, {
  valid: [
    { name: 'relative paths, fragments, allowed schemes, bare href', filename, code: '<a href="/about">a</a><a href="about">b</a><a href="#x">c</a><a href="?q">d</a><a href="tel:+1">e</a><a href>f</a>' },
    { name: 'mustache with a fixed first segment', filename, code: `${SCRIPT}<a href="/users/{href}">a</a><a href={\`/blog/\${href}\`}>b</a>` },
    { name: 'allowlisted host', filename, code: `${SCRIPT}<a href="https://{host}/x">a</a>`, options: [{ allowedHosts: ['evil.com'] }] },
    { name: 'SafeLink', filename, code: `${SCRIPT}<SafeLink href="https://evil.com">a</SafeLink>` },
    { name: 'svelte:element that is not an anchor', filename, code: '<svelte:element this="button" href="https://evil.com">a</svelte:element><svelte:element this={"div"} href="https://evil.com" />' },
    { name: 'not links', filename, code: '<link rel="stylesheet" href="https://evil.com/x.css"><img src="https://evil.com/x.png" alt=""><div data-href="https://evil.com"></div>' },
    { name: 'unknown hrefs ignored on request', filename, code: `${SCRIPT}<a {href}>a</a><a {...attrs}>b</a>`, options: [{ unknownHref: 'ignore' }] },
    {
      name: "SafeLink's own implementation (SafeLink.svelte)",
      filename: 'src/lib/SafeLink.svelte',
      code: `<script>\n\tlet { href, children } = $props();\n</script>\n<a {href} target="_blank" rel="noopener noreferrer">{@render children()}</a>`,
    },
    {
      name: '$derived reads as its value (found on svelte.dev: a breadcrumb link)',
      filename,
      code: `<script>\n\tlet { words, depth } = $props();\n\tconst up = $derived(depth === 0 ? '/' : \`/docs/\${words[0]}\`);\n</script>\n<a href={up}>Up</a>`,
    },
    { name: 'an each-block item shadows the script constant', filename, code: `${SCRIPT}{#each items as host}<a href="/u/{host}">a</a>{/each}` },
  ],
  invalid: [
    (() => {
      const code = `<script>\n\tlet { item } = $props();\n\tconst url = $derived(item.domain ? item.url : \`https://news.ycombinator.com/item?id=\${item.id}\`);\n</script>\n<a href={url}>{item.title}</a>`;
      return {
        name: '$derived: the worst branch decides',
        filename,
        code,
        output: null,
        errors: [{ ...external('https://news.ycombinator.com/item?id=${item.id}', 'https://news.ycombinator.com/…'), ...span(code, 'url', 2), suggestions: [] }],
      };
    })(),
    (() => {
      const code = `${SCRIPT}<a href="https://{host}/x" target="_blank" rel="noopener noreferrer">Docs</a>`;
      return {
        name: 'attribute text with a mustache resolved through the script constant; SafeLink already imported',
        filename,
        code,
        output: null,
        errors: [
          {
            ...external('https://evil.com/x', 'https://evil.com/x'),
            ...span(code, 'href="https://{host}/x"'),
            suggestions: rename(`${SCRIPT}<SafeLink href="https://{host}/x">Docs</SafeLink>`),
          },
        ],
      };
    })(),
    (() => {
      const code = String.raw`<a href=" //evil.com">a</a><a href="/\evil.com">b</a><a href="HTTPS://evil.com">c</a><a href="&#x2F;&#x2F;evil.com">d</a>`;
      return {
        name: 'leading space, slash-backslash, upper-case scheme, entities (no binding, no importSource: no suggestion)',
        filename,
        code,
        output: null,
        errors: [
          { ...external(' //evil.com', 'https://evil.com/'), ...span(code, ' //evil.com'), suggestions: [] },
          { ...external('/\\evil.com', 'https://evil.com/'), ...span(code, String.raw`/\evil.com`), suggestions: [] },
          { ...external('HTTPS://evil.com', 'https://evil.com/'), ...span(code, 'HTTPS://evil.com'), suggestions: [] },
          { ...external('//evil.com', 'https://evil.com/'), ...span(code, '&#x2F;&#x2F;evil.com'), suggestions: [] },
        ],
      };
    })(),
    (() => {
      const code = `<script lang="ts">\n\timport { page } from '$app/state';\n\tconst DOCS = 'https://docs.evil.com';\n</script>\n\n<a href={DOCS}>Docs</a>`;
      return {
        name: '`href={…}` constant; the suggestion adds the import to the instance script',
        filename,
        options: [{ importSource: '$lib/SafeLink.svelte' }],
        code,
        output: null,
        errors: [
          {
            ...external('https://docs.evil.com', 'https://docs.evil.com/'),
            ...span(code, 'DOCS', 1),
            suggestions: rename(code.replace("from '$app/state';", "from '$app/state';\n\timport SafeLink from '$lib/SafeLink.svelte';").replace('<a href={DOCS}>Docs</a>', '<SafeLink href={DOCS}>Docs</SafeLink>')),
          },
        ],
      };
    })(),
    (() => {
      const code = '<a href="//evil.com">x</a>';
      return {
        name: 'no script: the suggestion adds one with the import',
        filename,
        options: [{ importSource: '$lib/components' }],
        code,
        output: null,
        errors: [
          {
            ...external('//evil.com', 'https://evil.com/'),
            ...span(code, '//evil.com'),
            suggestions: rename(`<script>\n\timport { SafeLink } from '$lib/components';\n</script>\n\n<SafeLink href="//evil.com">x</SafeLink>`),
          },
        ],
      };
    })(),
    (() => {
      const code = `${SCRIPT}<a {href}>a</a><a {...attrs}>b</a><a {...{ href: 'https://evil.com' }}>c</a>`;
      return {
        name: 'shorthand, unknown spread, known spread',
        // Unknown destinations are reported here as the strict setting does (the default, `likely-external`, wants a sign the link leaves).
        options: [{ unknownHref: 'report' as const }],
        filename,
        code,
        output: null,
        errors: [
          { ...unknown('href'), ...span(code, 'href', 1), suggestions: rename(`${SCRIPT}<SafeLink {href}>a</SafeLink><a {...attrs}>b</a><a {...{ href: 'https://evil.com' }}>c</a>`) },
          { ...unknown('attrs'), ...span(code, '{...attrs}'), suggestions: [] },
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, "{...{ href: 'https://evil.com' }}"), suggestions: [] },
        ],
      };
    })(),
    (() => {
      const code = `${SCRIPT}{#each items as host}<a href="https://{host}/y">a</a>{/each}`;
      return {
        name: 'an each-block item is unknown, but the scheme and slashes are not',
        filename,
        code,
        output: null,
        errors: [{ ...external('https://${host}/y', 'https://…'), ...span(code, 'href="https://{host}/y"'), suggestions: rename(`${SCRIPT}{#each items as host}<SafeLink href="https://{host}/y">a</SafeLink>{/each}`) }],
      };
    })(),
    (() => {
      const code = `<svelte:element this="a" href="https://evil.com">a</svelte:element><svelte:element this={'A'} href="//evil.com" />`;
      return {
        name: '<svelte:element this="a"> renders an anchor (no suggestion: the tag is dynamic)',
        filename,
        code,
        output: null,
        errors: [
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, 'https://evil.com'), suggestions: [] },
          { ...external('//evil.com', 'https://evil.com/'), ...span(code, '//evil.com', 1), suggestions: [] },
        ],
      };
    })(),
    (() => {
      const code = `${SCRIPT}<SafeLink href="javascript:alert(1)">x</SafeLink>`;
      return {
        name: 'SafeLink itself: only script URLs',
        filename,
        code,
        output: null,
        errors: [{ messageId: 'forbiddenScheme' as const, data: { href: 'javascript:alert(1)', scheme: 'javascript' }, ...span(code, 'javascript:alert(1)'), suggestions: [] }],
      };
    })(),
  ],
});
