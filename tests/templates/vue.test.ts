import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';
import rule from '../../src/rules/no-raw-external-anchor';
import { span } from './span';

// Vue single-file components through the real vue-eslint-parser (with
// typescript-eslint for `<script lang="ts">`). Cases mirror the JSX suite's
// evasions; locations point at the attribute value or the bound expression.
const ruleTester = new RuleTester({
  languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } },
});

const external = (href: string, resolved: string) => ({ messageId: 'externalHref' as const, data: { href, resolved, component: 'SafeLink' } });
const rename = (output: string) => [{ messageId: 'useSafeLink' as const, data: { element: 'a', component: 'SafeLink' }, output }];
const vue = (template: string, script = '') => `${script}<template>\n  ${template}\n</template>\n`;
const filename = 'src/pages/Page.vue';
/** The code with its `nth` `<a …>…</a>` renamed, as the suggestion for that anchor writes it. */
function renameNth(code: string, nth: number): string {
  let index = -1;
  return code.replace(/<a (.*?)<\/a>/gu, (match, inner: string) => (++index === nth ? `<SafeLink ${inner}</SafeLink>` : match));
}

ruleTester.run('no-raw-external-anchor (Vue)', rule, {
  valid: [
    { name: 'relative paths, fragments, allowed schemes', filename, code: vue('<a href="/about">a</a><a href="about">b</a><a href="#x">c</a><a href="?q">d</a><a href="mailto:a@b.c">e</a><a href>f</a>') },
    { name: 'bound internal constant', filename, code: vue('<a :href="HOME">a</a>', `<script setup>\nconst HOME = '/home'\n</script>\n`) },
    { name: 'allowlisted host', filename, code: vue('<a href="https://docs.example.com/x">a</a>'), options: [{ allowedHosts: ['*.example.com'] }] },
    { name: 'SafeLink and safe-link', filename, code: vue('<SafeLink href="https://evil.com">a</SafeLink><safe-link href="//evil.com">b</safe-link>') },
    { name: 'internal router links, object `to`', filename, code: vue(`<RouterLink to="/about">a</RouterLink><router-link :to="{ name: 'home' }">b</router-link><NuxtLink to="/x">c</NuxtLink>`) },
    {
      name: 'a local component named RouterLink is not the router link',
      filename,
      code: vue('<RouterLink to="https://evil.com">a</RouterLink>', `<script setup>\nimport RouterLink from './MyLink.vue'\n</script>\n`),
    },
    { name: 'not links', filename, code: vue('<link rel="stylesheet" href="https://evil.com/x.css"><img src="https://evil.com/x.png"><div href="https://evil.com"></div><component :is="\'button\'" href="https://evil.com" />') },
    {
      name: 'Options API: a template name is a component property, not the module constant',
      filename,
      code: vue('<a :href="url">a</a>', `<script>\nconst url = 'https://evil.com'\nexport default { data: () => ({ url: '/home' }) }\n</script>\n`),
      options: [{ unknownHref: 'ignore' }],
    },
    {
      name: 'a v-for variable hides the script constant of the same name',
      filename,
      code: vue('<a v-for="DOCS in items" :key="DOCS" :href="DOCS">a</a>', `<script setup>\nconst DOCS = 'https://evil.com'\nconst items = ['/a']\n</script>\n`),
      options: [{ unknownHref: 'ignore' }],
    },
    {
      name: "SafeLink's own implementation (SafeLink.vue)",
      filename: 'src/components/SafeLink.vue',
      code: vue('<a :href="href" target="_blank" rel="noopener noreferrer"><slot /></a>', `<script setup>\ndefineProps({ href: String })\n</script>\n`),
    },
    { name: 'internal h() call in a render function', filename, code: `<script>\nimport { h } from 'vue'\nexport default { render: () => h('a', { href: '/x' }) }\n</script>\n` },
    { name: 'unparsable expressions are the parser’s business', filename, code: vue('<a :href="">a</a>') },
    {
      name: 'a computed ref reads as its getter (found on nuxt.com: a login link with a redirect query)',
      filename,
      code: vue(
        '<NuxtLink :to="loginHref">Log in</NuxtLink><a :href="home">Home</a>',
        "<script setup>\nimport { computed } from 'vue'\nconst route = useRoute()\nconst loginHref = computed(() => `/login?redirect=${encodeURIComponent(route.fullPath)}`)\nconst home = computed(() => { return '/' })\n</script>\n",
      ),
    },
    { name: 'a .vue file without a template', filename, code: `<script setup>\nconst x = 1\n</script>\n` },
  ],
  invalid: [
    (() => {
      const code = vue('<a :href="docs">a</a><a :href="other">b</a>', "<script setup>\nconst docs = computed(() => 'https://evil.com/docs')\nfunction computed2(f) { return f }\nconst other = computed2(() => '/x')\n</script>\n");
      return {
        name: 'a computed ref (Nuxt auto-import) is its getter; any other call is unknown',
        // Unknown destinations are reported here as the strict setting does (the default, `likely-external`, wants a sign the link leaves).
        options: [{ unknownHref: 'report' as const }],
        filename,
        code,
        output: null,
        errors: [
          { ...external('https://evil.com/docs', 'https://evil.com/docs'), ...span(code, 'docs', 2), suggestions: rename(renameNth(code, 0)) },
          { messageId: 'unknownHref' as const, data: { href: "computed2(() => '/x')", component: 'SafeLink' }, ...span(code, 'other', 1), suggestions: rename(renameNth(code, 1)) },
        ],
      };
    })(),
    {
      name: 'plain https with target and rel: rename, drop them, keep other rel tokens',
      filename,
      code: vue('<a href="https://evil.com" target="_blank" rel="noopener nofollow">Docs</a>'),
      output: null,
      errors: [
        {
          ...external('https://evil.com', 'https://evil.com/'),
          line: 2, column: 11, endLine: 2, endColumn: 29,
          suggestions: rename(vue('<SafeLink href="https://evil.com" rel="nofollow">Docs</SafeLink>')),
        },
      ],
    },
    (() => {
      const code = vue(String.raw`<a href=" //evil.com">a</a><a href="/\evil.com">b</a><a href="HTTPS://evil.com">c</a><a href="&#104;ttps&colon;//evil.com">d</a>`);
      const renamed = (nth: number) => rename(renameNth(code, nth));
      return {
        name: 'leading space, slash-backslash, upper-case scheme, entities',
        filename,
        code,
        output: null,
        errors: [
          { ...external(' //evil.com', 'https://evil.com/'), ...span(code, '" //evil.com"'), suggestions: renamed(0) },
          { ...external('/\\evil.com', 'https://evil.com/'), ...span(code, String.raw`"/\evil.com"`), suggestions: renamed(1) },
          { ...external('HTTPS://evil.com', 'https://evil.com/'), ...span(code, '"HTTPS://evil.com"'), suggestions: renamed(2) },
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, '"&#104;ttps&colon;//evil.com"'), suggestions: renamed(3) },
        ],
      };
    })(),
    (() => {
      const script = `<script setup lang="ts">\nimport { ref } from 'vue'\nconst DOCS = 'https://docs.evil.com'\n</script>\n`;
      const code = vue('<a :href="DOCS">Docs</a>', script);
      return {
        name: '`:href` bound to a <script setup> constant, with the import added in <script setup>',
        filename,
        options: [{ importSource: '@/components/SafeLink.vue' }],
        code,
        output: null,
        errors: [
          {
            ...external('https://docs.evil.com', 'https://docs.evil.com/'),
            ...span(code, 'DOCS', 1),
            suggestions: rename(vue('<SafeLink :href="DOCS">Docs</SafeLink>', script.replace("from 'vue'\n", "from 'vue'\nimport SafeLink from '@/components/SafeLink.vue';\n"))),
          },
        ],
      };
    })(),
    {
      name: 'no script at all: the suggestion adds a <script setup> with the import',
      filename,
      options: [{ importSource: '@/components' }],
      code: vue('<a href="//evil.com">x</a>'),
      output: null,
      errors: [
        {
          ...external('//evil.com', 'https://evil.com/'),
          line: 2, column: 11, endLine: 2, endColumn: 23,
          suggestions: rename(`<script setup>\nimport { SafeLink } from '@/components';\n</script>\n\n${vue('<SafeLink href="//evil.com">x</SafeLink>')}`),
        },
      ],
    },
    (() => {
      const code = vue('<a v-bind:href="`https://${host}/x`">x</a>');
      return {
        name: '`v-bind:href` template literal with an unknown host',
        filename,
        code,
        output: null,
        errors: [{ ...external('https://${host}/x', 'https://…'), ...span(code, '`https://${host}/x`'), suggestions: rename(vue('<SafeLink v-bind:href="`https://${host}/x`">x</SafeLink>')) }],
      };
    })(),
    {
      name: '`v-bind` spreads: unknown object, known object',
      // Unknown destinations are reported here as the strict setting does (the default, `likely-external`, wants a sign the link leaves).
      options: [{ unknownHref: 'report' as const }],
      filename,
      code: vue(`<a v-bind="attrs">a</a><a v-bind="{ href: 'https://evil.com' }">b</a>`),
      output: null,
      errors: [
        { messageId: 'unknownHref', data: { href: 'attrs', component: 'SafeLink' }, line: 2, column: 6, endLine: 2, endColumn: 20, suggestions: [] },
        { ...external('https://evil.com', 'https://evil.com/'), line: 2, column: 29, endLine: 2, endColumn: 66, suggestions: [] },
      ],
    },
    (() => {
      const code = vue(`<a v-bind="attrs" href="https://evil.com">a</a><a href="/ok" v-bind="attrs">b</a>`);
      return {
        name: 'an attribute after an unknown spread decides; one before it does not',
        // Unknown destinations are reported here as the strict setting does (the default, `likely-external`, wants a sign the link leaves).
        options: [{ unknownHref: 'report' as const }],
        filename,
        code,
        output: null,
        errors: [
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, '"https://evil.com"'), suggestions: [] },
          { messageId: 'unknownHref' as const, data: { href: 'attrs', component: 'SafeLink' }, ...span(code, 'v-bind="attrs"', 1), suggestions: [] },
        ],
      };
    })(),
    (() => {
      const code = vue(`<component :is="'a'" href="https://evil.com">x</component>`);
      return {
        name: '<component :is="\'a\'"> renders an anchor (no suggestion: the tag is dynamic)',
        filename,
        code,
        output: null,
        errors: [{ ...external('https://evil.com', 'https://evil.com/'), ...span(code, '"https://evil.com"'), suggestions: [] }],
      };
    })(),
    (() => {
      const code = vue(
        '<router-link to="https://evil.com">a</router-link><NuxtLink href="//evil.com">b</NuxtLink><RL to="https://evil.com/x">c</RL>',
        `<script setup>\nimport { RouterLink as RL } from 'vue-router'\n</script>\n`,
      );
      return {
        name: 'RouterLink and NuxtLink by global registration, RouterLink by import',
        filename,
        code,
        output: null,
        errors: [
          { ...external('https://evil.com', 'https://evil.com/'), ...span(code, '"https://evil.com"'), suggestions: [] },
          { ...external('//evil.com', 'https://evil.com/'), ...span(code, '"//evil.com"'), suggestions: [] },
          { ...external('https://evil.com/x', 'https://evil.com/x'), ...span(code, '"https://evil.com/x"'), suggestions: [] },
        ],
      };
    })(),
    {
      name: 'h("a", …) in a render function',
      filename,
      code: `<script>\nimport { h } from 'vue'\nexport default { render: () => h('a', { href: 'https://evil.com' }, 'x') }\n</script>\n`,
      output: null,
      errors: [{ ...external('https://evil.com', 'https://evil.com/'), line: 3, column: 47, endLine: 3, endColumn: 65, suggestions: [] }],
    },
    {
      name: 'SafeLink itself: only script URLs',
      filename,
      code: vue('<safe-link href="javascript:alert(1)">x</safe-link>'),
      output: null,
      errors: [{ messageId: 'forbiddenScheme', data: { href: 'javascript:alert(1)', scheme: 'javascript' }, line: 2, column: 19, endLine: 2, endColumn: 40, suggestions: [] }],
    },
    {
      name: 'unknown destination from a prop; inside <svg> no suggestion',
      // Unknown destinations are reported here as the strict setting does (the default, `likely-external`, wants a sign the link leaves).
      options: [{ unknownHref: 'report' as const }],
      filename,
      code: vue('<a :href="href">a</a><svg><a href="https://evil.com">b</a></svg>', `<script setup>\ndefineProps({ href: String })\n</script>\n`),
      output: null,
      errors: [
        { messageId: 'unknownHref', data: { href: 'href', component: 'SafeLink' }, line: 5, column: 13, endLine: 5, endColumn: 17, suggestions: rename(vue('<SafeLink :href="href">a</SafeLink><svg><a href="https://evil.com">b</a></svg>', `<script setup>\ndefineProps({ href: String })\n</script>\n`)) },
        { ...external('https://evil.com', 'https://evil.com/'), line: 5, column: 37, endLine: 5, endColumn: 55, suggestions: [] },
      ],
    },
  ],
});
