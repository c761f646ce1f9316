import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { FactoryLookup, mayCreateLink } from '../../src/jsx/element-calls';
import { isAnchorTagValue } from '../../src/jsx/identify-jsx-link';
import { AST_NODE_TYPES } from '../../src/util/ast';

/** The names among `names` that `code`'s top level binds to an element factory, asked inside a real Linter (TypeScript parser). */
function factoriesIn(
  code: string,
  names: readonly string[],
  sourceType: 'module' | 'script' | 'commonjs' = 'module',
  ask: 'isTopLevelFactory' | 'mayNameFactory' = 'isTopLevelFactory',
  globals: Record<string, 'readonly'> = {},
): string[] {
  let found: string[] = [];
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType, globals },
        plugins: {
          probe: {
            rules: {
              factories: {
                create: (context) => {
                  const lookup = new FactoryLookup(context.sourceCode as unknown as TSESLint.SourceCode);
                  found = names.filter((name) => lookup[ask](name));
                  // Asked twice: the answer kept for a name is the answer.
                  expect(names.filter((name) => lookup[ask](name))).toEqual(found);
                  return {};
                },
              },
            },
          },
        },
        rules: { 'probe/factories': 'error' },
      },
    ],
    { filename: 'x.ts' },
  );
  expect(messages).toEqual([]);
  return found.sort();
}

describe('FactoryLookup.isTopLevelFactory', () => {
  it('knows the local names of factory imports, aliases included', () => {
    const code = `import { jsx as _jsx, jsxs as _jsxs, Fragment } from "react/jsx-runtime";
import { jsxDEV } from "react/jsx-dev-runtime";
import { createElement as ce, useState } from "react";
import { h as preactH } from "preact";
import hh from "hyperscript";
import * as hs from "hyperscript";
import { default as hd } from "hyperscript";
import { "h" as quoted } from "vue";
import hq = require("hyperscript");`;
    const names = ['_jsx', '_jsxs', 'Fragment', 'jsxDEV', 'ce', 'useState', 'preactH', 'hh', 'hs', 'hd', 'quoted', 'hq'];
    expect(factoriesIn(code, names)).toEqual(['_jsx', '_jsxs', 'ce', 'hd', 'hh', 'hq', 'hs', 'jsxDEV', 'preactH', 'quoted']);
  });

  it('leaves out the other exports of factory modules, every other module, and globals', () => {
    // Hooks are imported from \`react\` in nearly every component: they must not reach the scope lookup.
    const code = `import React, { useState, forwardRef } from "react";
import * as runtime from "react/jsx-runtime";
import { h } from "./local-h";
import { createElement } from "my-react";
import Vue = require("vue");
export { jsx } from "react/jsx-runtime";
useState(0);`;
    expect(factoriesIn(code, ['React', 'useState', 'forwardRef', 'runtime', 'h', 'createElement', 'Vue', 'jsx', 'document', 'undeclared'])).toEqual([]);
  });

  it('knows top-level constants taken from a whole factory module', () => {
    const code = `import React from "react";
import * as runtime from "react/jsx-runtime";
import { default as P } from "preact";
import { useState } from "react";
import { ui } from "./ui";
const e = React.createElement;
export const { jsx: j, jsxs: js = runtime.jsxs } = runtime;
const pe = (P as any).h;
let { createElement: mutable } = React;
const r = require("react").createElement, other = ui.createElement;
var { h: vh } = require("vue");
const hs = require(\`hyperscript\`);
const s = useState;
const fromUi = ui.createElement;
const local = require("./react");
const [first] = React;
let reassigned = React.createElement;
reassigned = ui.createElement;
function f() { const inner = React.createElement; }`;
    const names = ['e', 'j', 'js', 'pe', 'mutable', 'r', 'other', 'vh', 'hs', 's', 'fromUi', 'local', 'first', 'reassigned', 'inner', 'f'];
    expect(factoriesIn(code, names)).toEqual(['e', 'hs', 'j', 'js', 'mutable', 'pe', 'r', 'vh']);
  });

  it('reads the top level of scripts and CommonJS modules too', () => {
    const code = `const { createElement: make } = require("react");
var h2 = require("hyperscript");
function f() { var inner = require("hyperscript"); }`;
    for (const sourceType of ['script', 'commonjs'] as const) {
      expect(factoriesIn(code, ['make', 'h2', 'inner', 'f'], sourceType), sourceType).toEqual(['h2', 'make']);
    }
  });

  it('reads only the top level, where imports bind', () => {
    expect(factoriesIn(`declare module "x" { import { jsx as inner } from "react/jsx-runtime"; }`, ['inner'])).toEqual([]);
  });
});

describe('FactoryLookup.mayNameFactory', () => {
  const code = `import React from "react";
import * as runtime from "react/jsx-runtime";
import { useState } from "react";
import { ui } from "./ui";
const top = React.createElement;
function Page() {
  const e = React.createElement;
  const { jsx: j, jsxs: js = runtime.jsxs } = runtime;
  const pe = (require("preact") as any).h;
  const hs = require(\`hyperscript\`);
  const { default: R } = require("react");
  const fromDefault = R.createElement;
  const Rd = require("react").default;
  const fromRd = Rd.createElement;
  const notFactory = ui.createElement;
  const s = useState;
  const whole = React;
  const local = require("./react");
  return () => { const deep = runtime.jsx; };
}`;
  const names = ['top', 'e', 'j', 'js', 'pe', 'hs', 'R', 'fromDefault', 'Rd', 'fromRd', 'deep', 'notFactory', 's', 'whole', 'local', 'Page', 'React'];
  // Every name bound from a factory module, whatever it is (\`R\` is React itself): worth resolving, no more.
  const bound = ['R', 'Rd', 'deep', 'e', 'fromDefault', 'fromRd', 'hs', 'j', 'js', 'pe', 'top'];

  it('knows the names bound from factory modules inside functions, through require and through top-level imports', () => {
    expect(factoriesIn(code, names, 'module', 'mayNameFactory')).toEqual(bound);
  });

  it('finds require whether it is unresolved or a configured global, in modules and CommonJS', () => {
    expect(factoriesIn(code, names, 'module', 'mayNameFactory', { require: 'readonly' })).toEqual(bound);
    const commonjs = `function Page() { const { createElement: make } = require("react"); const h2 = require("hyperscript"); const other = require("./x").h; }`;
    for (const sourceType of ['script', 'commonjs'] as const) {
      expect(factoriesIn(commonjs, ['make', 'h2', 'other', 'Page'], sourceType, 'mayNameFactory'), sourceType).toEqual(['h2', 'make']);
    }
  });

  it("follows TypeScript's import = require and a default import by name", () => {
    const ts = `import R = require("react");
import { default as D } from "preact";
import { type h as T } from "vue";
function f() { const e = R.createElement; const { h: ph } = D; const vh = (T as any).h; }`;
    expect(factoriesIn(ts, ['e', 'ph', 'vh', 'f'], 'module', 'mayNameFactory')).toEqual(['e', 'ph']);
  });

  it('finds a require spelled with escapes', () => {
    expect(factoriesIn(`function f() { const h = req\\u0075ire("hyperscript"); }`, ['h', 'f'], 'module', 'mayNameFactory')).toEqual(['h']);
  });

  it('knows nothing in a file that takes nothing from a factory module', () => {
    expect(factoriesIn(`import { ui } from "./ui"; function f() { const e = ui.createElement; const h = require("./h"); }`, ['e', 'h', 'f'], 'module', 'mayNameFactory')).toEqual([]);
  });
});

/** Each call of `code` (in source order): its text, its argument count, `mayCreateLink`, and whether its first argument evaluates to `a`/`area` through scope. */
function callsIn(code: string): { text: string; args: number; may: boolean; anchorType: boolean }[] {
  const found: { text: string; args: number; may: boolean; anchorType: boolean }[] = [];
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        plugins: {
          probe: {
            rules: {
              calls: {
                create: (context) => ({
                  CallExpression(node: TSESTree.CallExpression) {
                    const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
                    const type = node.arguments[0];
                    found.push({
                      text: sourceCode.getText(node),
                      args: node.arguments.length,
                      may: mayCreateLink(node),
                      anchorType: type !== undefined && type.type !== AST_NODE_TYPES.SpreadElement && isAnchorTagValue(type, sourceCode.getScope(node)),
                    });
                  },
                }),
              },
            },
          },
        },
        rules: { 'probe/calls': 'error' },
      },
    ],
    { filename: 'x.js' },
  );
  expect(messages).toEqual([]);
  return found;
}

describe('mayCreateLink', () => {
  it('passes calls whose type may be an anchor and that have props', () => {
    const calls = callsIn(`const tag = "a";
const TAGS = { link: "area" };
h("a", { href: x });
h("area", props);
h("A", props);
h("aReA", props);
h(tag, props);
h(TAGS.link, props);
h(cond ? "a" : "div", props);
h(\`a\`, props);
h(...args, props);
h("a", ...rest);`);
    expect(calls.map(({ text, may }) => [text, may])).toEqual([
      ['h("a", { href: x })', true],
      ['h("area", props)', true],
      ['h("A", props)', true],
      ['h("aReA", props)', true],
      ['h(tag, props)', true],
      ['h(TAGS.link, props)', true],
      ['h(cond ? "a" : "div", props)', true],
      ['h(`a`, props)', true],
      ['h(...args, props)', true],
      ['h("a", ...rest)', true],
    ]);
  });

  it('rejects calls without props, and types that are never an anchor', () => {
    const calls = callsIn(`h("a");
h(tag);
h();
h("div", { href: x });
h("abbr", { href: x });
h(1, { href: x });
h(null, props);
h(/a/, props);
h({ a: 1 }, props);
h(["a"], props);
h(() => "a", props);
h(function () { return "a"; }, props);
h(class {}, props);`);
    expect(calls.every(({ may }) => !may)).toBe(true);
    expect(calls).toHaveLength(13);
  });

  it('never rejects a call whose type evaluates to an anchor and that has props', () => {
    // The evaluator is the judge: every type expression it reads as `a` or `area` passes the syntax check.
    const calls = callsIn(`const tag = "a";
const parts = ["a"];
h(tag, p); h("a", p); h("A", p); h("AREA", p); h("area", p); h(\`a\`, p); h("a" + "", p); h(parts.join(""), p); h(["a"].join(""), p);
h(String("a"), p); h(x ? "a" : "b", p); h(x ?? "a", p); h(("a"), p);
h({ a: 1 }, p); h(["a"], p); h(() => "a", p); h("div", p); h(1, p); h(tag); h();`);
    for (const call of calls) if (call.anchorType && call.args >= 2) expect(call, call.text).toMatchObject({ may: true });
    expect(calls.filter((call) => call.anchorType).length).toBeGreaterThan(5);
  });
});
