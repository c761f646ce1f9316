import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-raw-external-anchor';

const testedRule = rule;

// Cases are grouped as the issue lists them; each invalid case pins the message
// data, the full location and every suggestion's output. Locations point at the
// href value, or at the spread or props argument the href comes from.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  defaultFilenames: { ts: 'apps/web/file.ts', tsx: 'apps/web/page.tsx' },
});

ruleTester.run('no-raw-external-anchor', testedRule, {
  valid: [
    {
      name: "relative paths and fragments",
      code: `<><a href="/about">a</a><a href="about">b</a><a href="./x">c</a><a href="../x">d</a><a href="#x">e</a><a href="?q">f</a><a href="">g</a></>;`,
    },
    {
      name: "redirect query and encoded backslash",
      code: `<><a href="/redirect?to=https://x">a</a><a href="/%5Cevil.com">b</a><a href="/%2F/evil.com">c</a></>;`,
    },
    {
      name: "same scheme without slashes is a path",
      code: `<a href="https:evil.com">a</a>;`,
    },
    {
      name: "allowed schemes",
      code: `<><a href="mailto:team@example.com">a</a><a href="TEL:+123">b</a><a href="sms:+123">c</a></>;`,
    },
    {
      name: "fixed first segment",
      code: "declare const id: string, q: string, h: string;\n<><a href={`/users/${id}`}>a</a><a href={`?q=${q}`}>b</a><a href={`#${h}`}>c</a><a href={\"/users/\" + id}>d</a></>;",
    },
    {
      name: "allowlisted hosts in any case and with default ports",
      code: `<><a href="https://EXAMPLE.com/">a</a><a href="https://example.com:443/x">b</a><a href="http://Example.COM:80">c</a><a href="https://docs.trusted.org/">d</a><a href="http://localhost:3000/">e</a></>;`,
      options: [{"allowedHosts":["example.com","*.trusted.org","localhost:3000"]}],
    },
    {
      name: "allowlisted host with a path hole",
      code: "declare const p: string;\n<a href={`https://example.com/${p}`}>a</a>;",
      options: [{"allowedHosts":["example.com"]}],
    },
    {
      name: "SafeLink",
      code: `import { SafeLink } from "@/components/SafeLink";
import * as ui from "@/ui";
<><SafeLink href="https://evil.com">a</SafeLink><ui.SafeLink href="//evil.com">b</ui.SafeLink><SafeLink as="a" href={x}>c</SafeLink></>;
declare const x: string;`,
    },
    {
      name: "custom component name",
      code: `<ExternalLink href="https://evil.com">a</ExternalLink>;`,
      options: [{"component":"ExternalLink"}],
    },
    {
      name: "SafeLink implementation: function",
      code: `export function SafeLink({ href, ...rest }: { href: string }) {
  return <a href={href} rel="noopener noreferrer" target="_blank" {...rest} />;
}`,
    },
    {
      name: "SafeLink implementation: forwardRef arrow",
      code: `import { forwardRef, memo } from "react";
export const SafeLink = memo(forwardRef<HTMLAnchorElement, { href: string }>((props, ref) => {
  const render = () => <a ref={ref} {...props} />;
  return render();
}));`,
    },
    {
      name: "SafeLink implementation: class",
      code: `import { Component, createElement } from "react";
export class SafeLink extends Component<{ href: string }> {
  render() { return createElement("a", { href: this.props.href }); }
}`,
    },
    {
      name: "not links",
      code: `<><link rel="stylesheet" href="https://evil.com/x.css" /><img src="https://evil.com/x.png" /><script src="https://evil.com/x.js" /><iframe src="https://evil.com" /><div href="https://evil.com" /><form action="https://evil.com" /><p>https://evil.com</p></>;`,
    },
    {
      name: "internal next/link",
      code: `import Link from "next/link";
<><Link href="/about">a</Link><Link href={{ pathname: "/about", query: { a: 1 } }}>b</Link><Link href={{ query: { a: 1 } }}>c</Link></>;`,
    },
    {
      name: "internal router links",
      code: `import { Link, NavLink } from "react-router-dom";
<><Link to="/about">a</Link><NavLink to="settings">b</NavLink></>;`,
    },
    {
      name: "a local Link is not a router link",
      code: `function Link(props: { href: string }) { return null; }
<Link href="https://evil.com">a</Link>;`,
    },
    {
      name: "polymorphic non-anchors",
      code: `import { Box } from "@acme/ui";
<><Box as="button" href="https://evil.com" /><Box href="https://evil.com" /></>;`,
    },
    {
      name: "aliases of what is no element factory",
      code: `import { ui } from "./ui";
import React from "react";
const e = ui.createElement;
const m = React.memo;
const { createElement: make } = globalThis.React;
e("a", { href: "https://evil.com" });
m("a", { href: "https://evil.com" });
make("a", { href: "https://evil.com" });`,
    },
    {
      // A string tag makes any callee worth resolving; what it resolves to decides.
      name: "local functions called with a string tag",
      code: `import { ui } from "./ui";
function render(h: (tag: string, props: object) => unknown) {
  const e = (tag: string, props: object) => [tag, props];
  const make = ui.createElement;
  h("a", { href: "https://evil.com" });
  e("a", { href: "https://evil.com" });
  make("A", { href: "https://evil.com" });
}`,
    },
    {
      // The file binds \`e\` to a factory in one function; each call resolves through its own scope.
      name: "a factory alias's name reused for other functions, and other exports of factory modules",
      code: `import React from "react";
const tag = "a";
function One() {
  const e = React.createElement;
  return e("div", {});
}
function Two(e: (tag: string, props: object) => null) {
  const m = React.memo;
  const { useState: u } = require("react");
  m(tag, { href: "https://evil.com" });
  u(tag, { href: "https://evil.com" });
  return e(tag, { href: "https://evil.com" });
}`,
    },
    {
      name: "tag variable that is not an anchor",
      code: `const Tag = "button";
<Tag href="https://evil.com" />;`,
    },
    {
      name: "no href",
      code: `<><a>a</a><a name="top" /><a href>b</a><a href={undefined}>c</a></>;`,
    },
    {
      name: "conditional internal or nothing",
      code: `declare const c: boolean;
<a href={c ? "/a" : undefined}>a</a>;`,
    },
    {
      name: "attribute after the last unknown spread wins",
      code: `export const A = (props: object) => <a {...props} href="/home">a</a>;`,
    },
    {
      name: "known spreads without href",
      code: `const EXTRA = { target: "_blank" };
<a {...EXTRA} {...{ className: "x" }} href="/x">a</a>;`,
    },
    {
      name: "conditional and logical spreads whose branches cannot hold href (strict setting)",
      code: `declare const c: boolean, className: string, extra: { rel: string } | null;
<><a href="/x" {...(c ? { target: "_blank" } : {})}>a</a><a href="/x" {...(c && { className })}>b</a><a href="/x" {...(c ? { rel: "noopener" } : null)}>c</a><a href="/x" {...(c ? { ...{ id: "y" } } : undefined)}>d</a></>;`,
      options: [{"unknownHref":"report"}],
    },
    {
      name: "default (likely-external): app routes, navigation data, forwarded props, route helpers and spreads stay silent",
      code: `declare const workspaceSlug: string, item: { url: string }, routes: { project(id: string): string }, id: string;
export const A = ({ href, ...props }: { href: string }) => <>
  <a href={\`/\${workspaceSlug}/settings\`}>a</a>
  <a href={item.url}>b</a>
  <a href={href}>c</a>
  <a href={routes.project(id)}>d</a>
  <a {...props}>e</a>
  <a href={item.url} target="_self" rel="">f</a>
  <a href={\`/\${workspaceSlug}/program/\${item.url}\`} target="_blank">g</a>
  <a href={\`/\${workspaceSlug}\`} target="_blank" rel="noopener">h</a>
</>;`,
    },
    {
      name: "unknown hrefs ignored on request",
      code: `export const A = ({ url, ...p }: { url: string }) => <><a href={url}>a</a><a {...p}>b</a></>;`,
      options: [{"unknownHref":"ignore"}],
    },
    {
      name: "calls that are not element factories",
      code: `function h(tag: string, props: object) { return null; }
h("a", { href: "https://evil.com" });
import { createElement } from "react";
createElement("div", { href: "https://evil.com" });
document.createElement("a");`,
    },
    {
      // The module scope names the alias, but the call resolves to the local parameter.
      name: "an aliased factory import shadowed by a local function",
      code: `import { jsx as _jsx } from "react/jsx-runtime";
export function render(_jsx: (tag: string, props: object) => null) { return _jsx("a", { href: "https://evil.com" }); }`,
    },
  ],
  invalid: [
    {
      name: "plain https",
      code: `<a href="https://evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: "upper-case scheme",
      code: `<a href="HTTPS://evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "HTTPS://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: "leading space",
      code: `<a href=" //evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: " //evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: "concatenated scheme",
      code: `<a href={"https:" + "//evil.com"}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: "tab between slashes",
      code: String.raw`<a href={"/\t/evil.com"}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "/\\t/evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      name: "two backslashes",
      code: String.raw`<a href="\\evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "\\\\evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "slash backslash",
      code: String.raw`<a href="/\evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "/\\evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "entity-encoded slashes",
      code: `<a href="&#x2F;&#x2F;evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: "https with backslashes",
      code: String.raw`<a href="https:\\evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https:\\\\evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: "http without slashes",
      code: `<a href="http:evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "http:evil.com", resolved: "http://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: "three slashes",
      code: `<a href="///evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "///evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: "template literal spelling",
      code: "<a href={`https://evil.com`}>Docs</a>;",
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "as / satisfies / non-null",
      code: `declare const s: string | undefined;
<a href={("https://evil.com" as string)}>a</a>;
<a href={"//evil.com" satisfies string}>b</a>;
<a href={(s ?? "//evil.com")!}>c</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 41,
          suggestions: [],
        },
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 9, endLine: 3, endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 4, column: 9, endLine: 4, endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: "const",
      code: `const DOCS = "https://evil.com/docs";
export const x = <a href={DOCS}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com/docs", resolved: "https://evil.com/docs", component: "SafeLink" },
          line: 2, column: 26, endLine: 2, endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: "never-reassigned let",
      code: `let docs = "https://evil.com/docs";
export const x = <a href={docs}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com/docs", resolved: "https://evil.com/docs", component: "SafeLink" },
          line: 2, column: 26, endLine: 2, endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: "const object member",
      code: `const LINKS = { docs: "https://evil.com/docs" } as const;
export const x = <a href={LINKS.docs}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com/docs", resolved: "https://evil.com/docs", component: "SafeLink" },
          line: 2, column: 26, endLine: 2, endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: "template with static head",
      code: "declare const path: string;\n<a href={`https://evil.com/${path}`}>Docs</a>;",
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com/${path}", resolved: "https://evil.com/…", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "template with unknown host",
      code: "declare const host: string;\n<a href={`https://${host}`}>Docs</a>;",
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://${host}", resolved: "https://…", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      name: "join",
      code: `<a href={["https:", "", "evil.com"].join("/")}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 47,
          suggestions: [],
        },
      ],
    },
    {
      name: "conditional",
      code: `declare const c: boolean;
<a href={c ? "/home" : "https://evil.com"}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      name: "nullish",
      code: `declare const custom: string | undefined;
<a href={custom ?? "https://evil.com"}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: "logical or",
      code: `declare const custom: string;
<a href={custom || "//evil.com"}>Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: "allowlist is not a prefix",
      code: `<a href="https://example.com.evil.net/">Docs</a>;`,
      options: [{"allowedHosts":["example.com"]}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://example.com.evil.net/", resolved: "https://example.com.evil.net/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      name: "allowlist needs the port",
      code: `<a href="https://example.com:8443/">Docs</a>;`,
      options: [{"allowedHosts":["example.com"]}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://example.com:8443/", resolved: "https://example.com:8443/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "subdomain entry does not cover the apex",
      code: `<a href="https://example.com/">Docs</a>;`,
      options: [{"allowedHosts":["*.example.com"]}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://example.com/", resolved: "https://example.com/", component: "SafeLink" },
          line: 1, column: 9, endLine: 1, endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: "multi-line element",
      code: `<a
  className="link"
  href={
    "https://evil.com"
  }
>
  Docs
</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 8, endLine: 5, endColumn: 4,
          suggestions: [],
        },
      ],
    },
    {
      name: "javascript",
      code: `<a href="javascript:void(0)">Click</a>;`,
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: "javascript:void(0)", scheme: "javascript" },
          line: 1, column: 9, endLine: 1, endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "obfuscated javascript",
      code: String.raw`<a href={" Java\tScript:alert(1)"}>Click</a>;`,
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: " Java\\tScript:alert(1)", scheme: "javascript" },
          line: 1, column: 9, endLine: 1, endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      name: "data",
      code: `<a href="data:text/html,<script>alert(1)</script>">Click</a>;`,
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: "data:text/html,<script>alert(1)</script>", scheme: "data" },
          line: 1, column: 9, endLine: 1, endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      name: "vbscript template",
      code: "declare const code: string;\n<a href={`vbscript:${code}`}>Click</a>;",
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: "vbscript:${code}", scheme: "vbscript" },
          line: 2, column: 9, endLine: 2, endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "javascript in SafeLink",
      code: `import { SafeLink } from "@/components/SafeLink";
<SafeLink href="javascript:alert(1)">Click</SafeLink>;`,
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: "javascript:alert(1)", scheme: "javascript" },
          line: 2, column: 16, endLine: 2, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "javascript even if allowed",
      code: `<a href="javascript:x">Click</a>;`,
      options: [{"allowedSchemes":["javascript","mailto"]}],
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: "javascript:x", scheme: "javascript" },
          line: 1, column: 9, endLine: 1, endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: "prop href",
      code: `export function Card({ url }: { url: string }) {
  return <a href={url}>Open</a>;
}`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "url", component: "SafeLink" },
          line: 2, column: 18, endLine: 2, endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: "prop href with binding in scope",
      code: `import { SafeLink } from "@/components/SafeLink";
export function Card({ url }: { url: string }) {
  return <a href={url}>Open</a>;
}`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "url", component: "SafeLink" },
          line: 3, column: 18, endLine: 3, endColumn: 23,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "SafeLink" }, output: `import { SafeLink } from "@/components/SafeLink";
export function Card({ url }: { url: string }) {
  return <SafeLink href={url}>Open</SafeLink>;
}` },
          ],
        },
      ],
    },
    {
      name: "slash then hole",
      code: "declare const slug: string;\n<a href={`/${slug}`}>Open</a>;",
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "/${slug}", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "slash plus path",
      code: `declare const path: string;
<a href={"/" + path}>Open</a>;`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "/${path}", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "scheme still open",
      code: "declare const rest: string;\n<a href={`javascript${rest}`}>Open</a>;",
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "javascript${rest}", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: "allowlisted host with an open end",
      code: "declare const rest: string;\n<a href={`https://example.com${rest}`}>Open</a>;",
      options: [{"unknownHref":"report","allowedHosts":["example.com"]}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "https://example.com${rest}", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: "call",
      code: `declare function buildUrl(): string;
<a href={buildUrl()}>Open</a>;`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "buildUrl()", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "default: an unknown destination opened in a new tab",
      code: `export const A = ({ url }: { url: string }) => <a href={url} target="_blank">a</a>;`,
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "url", component: "SafeLink" },
          line: 1, column: 56, endLine: 1, endColumn: 61,
          suggestions: [],
        },
      ],
    },
    {
      name: "default: rel tokens written for external links",
      code: `export const A = ({ url }: { url: string }) => <a href={url} rel="noopener noreferrer">a</a>;`,
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "url", component: "SafeLink" },
          line: 1, column: 56, endLine: 1, endColumn: 61,
          suggestions: [],
        },
      ],
    },
    {
      name: "default: a name that says another site",
      code: `declare const user: { website: string };
<a href={user.website}>a</a>;`,
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "user.website", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: "default: target _blank in one branch",
      code: `declare const url: string, ext: boolean;
<a href={url} target={ext ? "_blank" : undefined}>a</a>;`,
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "url", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: "default: an unknown spread on a new-tab link",
      code: `export const A = (props: object) => <a {...props} target="_blank">a</a>;`,
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "{...props}", component: "SafeLink" },
          line: 1, column: 40, endLine: 1, endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      name: "default: createElement props with target _blank",
      code: `import { createElement } from 'react';
declare const url: string;
createElement('a', { href: url, target: '_blank' });`,
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "url", component: "SafeLink" },
          line: 3, column: 28, endLine: 3, endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: "unknown spread only",
      code: `export const A = (props: object) => <a {...props}>Open</a>;`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "{...props}", component: "SafeLink" },
          line: 1, column: 40, endLine: 1, endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      name: "unknown spread after href",
      code: `export const A = (props: object) => <a href="/home" {...props}>Open</a>;`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "{...props}", component: "SafeLink" },
          line: 1, column: 53, endLine: 1, endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: "known spread object",
      code: `<a {...{ href: "https://evil.com" }}>Open</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 4, endLine: 1, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "known spread constant",
      code: `const LINK = { href: "//evil.com", rel: "noopener" };
<a {...LINK}>Open</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 4, endLine: 2, endColumn: 13,
          suggestions: [],
        },
      ],
    },
    {
      name: "href after unknown spread",
      code: `export const A = (props: object) => <a {...props} href="https://evil.com">Open</a>;`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 56, endLine: 1, endColumn: 74,
          suggestions: [],
        },
      ],
    },
    {
      name: "a conditional spread without href does not downgrade a known external href",
      code: `declare const c: boolean;
<a href="https://evil.com" {...(c ? { target: "_blank" } : {})}>Open</a>;`,
      options: [{"unknownHref":"ignore"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: "a conditional spread that may hold href stays unknown (strict setting)",
      code: `declare const c: boolean;
<a href="/home" {...(c ? { href: "/other" } : {})}>Open</a>;`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "{...(c ? { href: \"/other\" } : {})}", component: "SafeLink" },
          line: 2, column: 17, endLine: 2, endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      name: "known spread overrides href",
      code: `<a href="/home" {...{ href: "//evil.com" }}>Open</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 17, endLine: 1, endColumn: 44,
          suggestions: [],
        },
      ],
    },
    {
      name: "suggestion adds the import after the last import",
      code: `import React from "react";
import { Card } from "./card";

export const x = <a href="https://evil.com" target="_blank" rel="noopener noreferrer">Docs</a>;`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 4, column: 26, endLine: 4, endColumn: 44,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "SafeLink" }, output: `import React from "react";
import { Card } from "./card";
import { SafeLink } from "@/components/SafeLink";

export const x = <SafeLink href="https://evil.com">Docs</SafeLink>;` },
          ],
        },
      ],
    },
    {
      name: "suggestion keeps other rel tokens",
      code: `import { SafeLink } from "@/components/SafeLink";
const EXTRA = { className: "y" };
export const x = <a className="x" href="https://evil.com" rel="nofollow noopener" {...EXTRA} target={t}>Docs <b>now</b></a>;
declare const t: string;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 40, endLine: 3, endColumn: 58,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "SafeLink" }, output: `import { SafeLink } from "@/components/SafeLink";
const EXTRA = { className: "y" };
export const x = <SafeLink className="x" href="https://evil.com" rel="nofollow" {...EXTRA}>Docs <b>now</b></SafeLink>;
declare const t: string;` },
          ],
        },
      ],
    },
    {
      name: "suggestion after use client",
      code: `'use client';

export const x = <a href="https://evil.com" rel={"noreferrer"}>Docs</a>;`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 26, endLine: 3, endColumn: 44,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "SafeLink" }, output: `'use client';

import { SafeLink } from "@/components/SafeLink";

export const x = <SafeLink href="https://evil.com">Docs</SafeLink>;` },
          ],
        },
      ],
    },
    {
      name: "suggestion merges into an existing import",
      code: `import { Button } from "@/components/SafeLink";
export const x = <a href="https://evil.com"/>;`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 26, endLine: 2, endColumn: 44,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "SafeLink" }, output: `import { Button, SafeLink } from "@/components/SafeLink";
export const x = <SafeLink href="https://evil.com"/>;` },
          ],
        },
      ],
    },
    {
      name: "suggestion follows the file style",
      code: `import Link from 'next/link'

export const x = (
  <a
    href="https://evil.com"
    target="_blank"
    rel="noopener noreferrer"
  >
    Docs
  </a>
)`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 5, column: 10, endLine: 5, endColumn: 28,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "SafeLink" }, output: `import Link from 'next/link'
import { SafeLink } from '@/components/SafeLink'

export const x = (
  <SafeLink
    href="https://evil.com"
  >
    Docs
  </SafeLink>
)` },
          ],
        },
      ],
    },
    {
      name: "suggestion without imports",
      code: `export const x = <a href="https://evil.com">Docs</a>;`,
      options: [{"importSource":"@/ui","component":"ExternalLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "ExternalLink" },
          line: 1, column: 26, endLine: 1, endColumn: 44,
          suggestions: [
            { messageId: 'useSafeLink', data: { element: "a", component: "ExternalLink" }, output: `import { ExternalLink } from "@/ui";
export const x = <ExternalLink href="https://evil.com">Docs</ExternalLink>;` },
          ],
        },
      ],
    },
    {
      name: "React.createElement",
      code: `import React from "react";
React.createElement("a", { href: "https://evil.com" }, "Docs");`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 34, endLine: 2, endColumn: 52,
          suggestions: [],
        },
      ],
    },
    {
      name: "createElement alias",
      code: `import { createElement as ce } from "react";
ce("a", { className: "x", href: "//evil.com" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 33, endLine: 2, endColumn: 45,
          suggestions: [],
        },
      ],
    },
    {
      name: "jsx runtime alias",
      code: `import { jsx as _jsx } from "react/jsx-runtime";
_jsx("a", { href: "https://evil.com", children: "Docs" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 19, endLine: 2, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      // Imports bind before any code runs: an alias imported below its call still names the factory.
      name: "jsx runtime alias imported after the call",
      code: `_jsx("a", { href: "https://evil.com", children: "Docs" });
import { jsx as _jsx } from "react/jsx-runtime";`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 19, endLine: 1, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "jsxDEV",
      code: `import * as dev from "react/jsx-dev-runtime";
dev.jsxDEV("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 25, endLine: 2, endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      // The file imports no factory: the `require` (here spelled with an escape) is the only way to one.
      name: "hyperscript through an escaped require",
      code: `const h = r\\u0065quire("hyperscript");
h("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 16, endLine: 2, endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: "createElement through a whole-module default import",
      code: `import { default as R } from "react";
const { createElement } = R;
createElement("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 28, endLine: 3, endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      // React's own "without JSX" pattern: \`const e = React.createElement;\`.
      name: "factory aliases declared at the top level",
      code: `import React from "react";
const e = React.createElement;
const { createElement: make } = React;
const { jsx: j } = require("react/jsx-runtime");
const ce = require("react").createElement;
e("a", { href: "https://evil.com" });
make("a", { href: "https://evil.com" });
j("a", { href: "https://evil.com" });
ce("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 6, column: 16, endLine: 6, endColumn: 34, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 7, column: 19, endLine: 7, endColumn: 37, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 8, column: 16, endLine: 8, endColumn: 34, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 9, column: 17, endLine: 9, endColumn: 35, suggestions: [] },
      ],
    },
    {
      name: "createElement through TypeScript's import = require",
      code: `import React = require("react");
React.createElement("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 2, column: 34, endLine: 2, endColumn: 52, suggestions: [] },
      ],
    },
    {
      name: "factories renamed inside a function, called with a string tag",
      code: `import React from "react";
function Page() {
  const e = React.createElement;
  const { jsx: j } = require("react/jsx-runtime");
  e("a", { href: "https://evil.com" });
  return j(\`AREA\`, { href: "https://evil.com" });
}`,
      output: null,
      errors: [
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 5, column: 18, endLine: 5, endColumn: 36, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 6, column: 28, endLine: 6, endColumn: 46, suggestions: [] },
      ],
    },
    {
      // Neither the name nor the tag is written at the call: the file's aliases of factory modules tell.
      name: "factories renamed inside a function, called with the tag from a variable",
      code: `import React from "react";
import * as Runtime from "react/jsx-runtime";
const AREA = "area";
function Page() {
  const tag = "a";
  const e = React.createElement;
  const { jsx: j } = require("react/jsx-runtime");
  const hs = require("hyperscript");
  const { default: R } = require("react");
  const made = R.createElement;
  const js = (Runtime as any).jsxs;
  e(tag, { href: "https://evil.com" });
  j(AREA, { href: "https://evil.com" });
  hs(tag, { href: "https://evil.com" });
  made(tag, { href: "https://evil.com" });
  return js(tag, { href: "https://evil.com" });
}`,
      output: null,
      errors: [
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 12, column: 18, endLine: 12, endColumn: 36, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 13, column: 19, endLine: 13, endColumn: 37, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 14, column: 19, endLine: 14, endColumn: 37, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 15, column: 21, endLine: 15, endColumn: 39, suggestions: [] },
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 16, column: 26, endLine: 16, endColumn: 44, suggestions: [] },
      ],
    },
    {
      // The local name is no factory's own name, so only the file's binding tells.
      name: "hyperscript renamed through TypeScript's import = require",
      code: `import make = require("hyperscript");
make("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        { messageId: 'externalHref', data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" }, line: 2, column: 19, endLine: 2, endColumn: 37, suggestions: [] },
      ],
    },
    {
      name: "preact h",
      code: `import { h } from "preact";
h("area", { href: "https://evil.com" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 19, endLine: 2, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "vue h",
      code: `import { h } from "vue";\nh("a", { href: "https://evil.com" });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 16, endLine: 2, endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: "hyperscript",
      code: `import h from "hyperscript";
h("a", { href: "https://evil.com" }, "Docs");`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 16, endLine: 2, endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: "createElement with unknown props",
      code: `import { createElement } from "react";
export const make = (props: object) => createElement("a", props);`,
      options: [{"unknownHref":"report"}],
      output: null,
      errors: [
        {
          messageId: 'unknownHref',
          data: { href: "props", component: "SafeLink" },
          line: 2, column: 59, endLine: 2, endColumn: 64,
          suggestions: [],
        },
      ],
    },
    {
      name: "createElement with a props constant",
      code: `import { createElement } from "react";
const PROPS = { href: "https://evil.com" };
createElement("a", PROPS);`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 20, endLine: 3, endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      name: "polymorphic as",
      code: `import { Box } from "@acme/ui";
<Box as="a" href="https://evil.com">Docs</Box>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 18, endLine: 2, endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "polymorphic component",
      code: `import { Button } from "@mui/material";
<Button component={"a"} href="//evil.com">Docs</Button>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 30, endLine: 2, endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      name: "polymorphic custom prop",
      code: `import { Text } from "@acme/ui";
<Text renderAs="a" href="//evil.com">Docs</Text>;`,
      options: [{"polymorphicProps":["renderAs"]}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 25, endLine: 2, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "tag variable",
      code: `const Tag = "a";
<Tag href="https://evil.com">Docs</Tag>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 11, endLine: 2, endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // document.createElement lowercases a tag name in an HTML document, and a browser parses server-rendered `<A>` as `<a>`.
      name: "tag names in any case",
      code: `import { createElement } from "react";
import { Box } from "@acme/ui";
const Tag = "AREA";
createElement("A", { href: "https://evil.com" });
<Box as="A" href="https://evil.com">Docs</Box>;
<Tag href="https://evil.com" />;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 4, column: 28, endLine: 4, endColumn: 46,
          suggestions: [],
        },
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 5, column: 18, endLine: 5, endColumn: 36,
          suggestions: [],
        },
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 6, column: 11, endLine: 6, endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "next/link",
      code: `import Link from "next/link";
<Link href="https://evil.com">Docs</Link>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 12, endLine: 2, endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: "next/link url object",
      code: `import Link from "next/link";
<Link href={{ pathname: "//evil.com" }}>Docs</Link>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 12, endLine: 2, endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      name: "react-router-dom aliased NavLink",
      code: `import { NavLink as Nav } from "react-router-dom";
<Nav to="//evil.com">Docs</Nav>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 9, endLine: 2, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "react-router namespace",
      code: `import * as Router from "react-router";
<Router.Link to="https://evil.com">Docs</Router.Link>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 17, endLine: 2, endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      name: "remix",
      code: `import { Link } from "@remix-run/react";
<Link to="https://evil.com">Docs</Link>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 10, endLine: 2, endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      name: "gatsby",
      code: `import { Link } from "gatsby";
<Link to={"https://evil.com"}>Docs</Link>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 10, endLine: 2, endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: "option link component",
      code: `import { ExternalLink } from "@acme/ui";
<ExternalLink url="https://evil.com">Docs</ExternalLink>;`,
      options: [{"linkComponents":[{"name":"ExternalLink","source":"@acme/ui","hrefProp":"url"}]}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 19, endLine: 2, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "settings link components",
      code: `<Hyperlink href="https://evil.com">a</Hyperlink>;
<Anchor to="//evil.com">b</Anchor>;
<Anchor href="//evil.com">c</Anchor>;`,
      settings: {"linkComponents":["Hyperlink",{"name":"Anchor","linkAttribute":["to","href"]}]},
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 17, endLine: 1, endColumn: 35,
          suggestions: [],
        },
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 2, column: 12, endLine: 2, endColumn: 24,
          suggestions: [],
        },
        {
          messageId: 'externalHref',
          data: { href: "//evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 3, column: 14, endLine: 3, endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      name: "svg xlinkHref",
      code: `<svg><a xlinkHref="https://evil.com"><text>x</text></a></svg>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 19, endLine: 1, endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "svg xlink:href",
      code: `<svg><a xlink:href="https://evil.com"><text>x</text></a></svg>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 20, endLine: 1, endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: "svg href",
      code: `<svg><a href="https://evil.com"><text>x</text></a></svg>;`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 14, endLine: 1, endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: "area",
      code: `<map name="m"><area href="https://evil.com" alt="x" /></map>;`,
      options: [{"importSource":"@/components/SafeLink"}],
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: "https://evil.com", resolved: "https://evil.com/", component: "SafeLink" },
          line: 1, column: 26, endLine: 1, endColumn: 44,
          suggestions: [],
        },
      ],
    },
  ],
});

// Plain JavaScript and JSX through ESLint's default parser: no TypeScript needed.
const espreeTester = new RuleTester({
  languageOptions: { parser: espree, parserOptions: { ecmaFeatures: { jsx: true } } },
  defaultFilenames: { ts: 'apps/web/file.js', tsx: 'apps/web/page.jsx' },
});

espreeTester.run('no-raw-external-anchor (espree)', testedRule, {
  valid: [
    { name: 'internal JSX link', code: `<a href="/about">About</a>;` },
    { name: 'SafeLink in JSX', code: `import { SafeLink } from "./safe-link";\n<SafeLink href="https://example.com">x</SafeLink>;` },
    { name: 'createElement of a div', code: `import React from "react";\nReact.createElement("div", { href: "https://evil.com" });` },
  ],
  invalid: [
    {
      name: 'slash backslash in JSX',
      code: String.raw`<a href="/\evil.com">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: String.raw`/\evil.com`, resolved: 'https://evil.com/', component: 'SafeLink' },
          line: 1, column: 9, endLine: 1, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: 'entity-encoded slashes with a suggestion',
      code: `import { SafeLink } from "./safe-link";\nexport const x = <a href="&#x2F;&#x2F;evil.com" target="_blank">Docs</a>;`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: '//evil.com', resolved: 'https://evil.com/', component: 'SafeLink' },
          line: 2, column: 26, endLine: 2, endColumn: 48,
          suggestions: [
            {
              messageId: 'useSafeLink',
              data: { element: 'a', component: 'SafeLink' },
              output: `import { SafeLink } from "./safe-link";\nexport const x = <SafeLink href="&#x2F;&#x2F;evil.com">Docs</SafeLink>;`,
            },
          ],
        },
      ],
    },
    {
      name: 'require-d React.createElement with a const',
      code: `const React = require("react");\nconst HOME = "HTTPS://Evil.com";\nReact.createElement("a", { href: HOME });`,
      output: null,
      errors: [
        {
          messageId: 'externalHref',
          data: { href: 'HTTPS://Evil.com', resolved: 'https://evil.com/', component: 'SafeLink' },
          line: 3, column: 34, endLine: 3, endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'tag variable and javascript: in JSX',
      code: `const Tag = "a";\n<Tag href="javascript:alert(1)">x</Tag>;`,
      output: null,
      errors: [
        {
          messageId: 'forbiddenScheme',
          data: { href: 'javascript:alert(1)', scheme: 'javascript' },
          line: 2, column: 11, endLine: 2, endColumn: 32,
          suggestions: [],
        },
      ],
    },
  ],
});

describe('options are validated when the config loads', () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: 'flat' }).verify(
      '<a href="/x">x</a>;',
      [
        {
          files: ['**/*.jsx'],
          languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { guardrails: { rules: { 'no-raw-external-anchor': rule as never } } },
          rules: { 'guardrails/no-raw-external-anchor': ['error', options] },
        },
      ],
      'page.jsx',
    );

  // Host and scheme entries are checked when the rule starts, with a message
  // that says the form (a schema pattern would print its regex).
  it.each([
    [{ allowedHosts: ['https://example.com/path'] }, 'Invalid `allowedHosts` entry "https://example.com/path": entries are hosts, not URLs: write "example.com".'],
    [{ allowedHosts: ['example.com/path'] }, 'Invalid `allowedHosts` entry "example.com/path": Expected a host such as `example.com`'],
    [{ allowedHosts: ['ex*ample.com'] }, 'Invalid `allowedHosts` entry "ex*ample.com"'],
    [{ allowedSchemes: ['mail to'] }, 'Invalid `allowedSchemes` entry "mail to": expected a scheme name such as `mailto`'],
  ])('rejects %j with a message that says the form', (options, message) => {
    expect(() => lint(options)).toThrow(message);
  });

  it('accepts a scheme written with its colon', () => {
    expect(lint({ allowedSchemes: ['mailto:'] })).toEqual([]);
  });

  it.each([
    { allowedHosts: [''] },
    { unknownHref: 'warn' },
    { component: 'ui.SafeLink' },
    { linkComponents: [{ name: 'X', href: 'to' }] },
    { extra: true },
  ])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/Key "guardrails\/no-raw-external-anchor"/u);
  });

  it('accepts a full configuration', () => {
    expect(
      lint({
        component: 'ExternalLink',
        importSource: '@/ui',
        allowedHosts: ['example.com', '*.example.com', 'localhost:3000', '[::1]:8080', 'bücher.de'],
        allowedSchemes: ['mailto', 'tel', 'sms', 'ftp'],
        linkComponents: [{ name: 'default', source: 'next/link' }, { name: 'Hyperlink' }, { name: 'L', source: 'x', hrefProp: 'to' }],
        polymorphicProps: ['as'],
        unknownHref: 'likely-external',
      }),
    ).toEqual([]);
  });
});
