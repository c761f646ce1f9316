import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { importedFactoryNames } from '../../src/jsx/element-calls';

const namesIn = (code: string) => [...importedFactoryNames(parse(code, { sourceType: 'module', ecmaFeatures: { jsx: true } }))].sort();

describe('importedFactoryNames', () => {
  it('binds the local names of factory imports, aliases included', () => {
    expect(
      namesIn(`import { jsx as _jsx, jsxs as _jsxs, Fragment } from "react/jsx-runtime";
import { jsxDEV } from "react/jsx-dev-runtime";
import { createElement as ce, useState } from "react";
import { h as preactH } from "preact";
import hh from "hyperscript";
import * as hs from "hyperscript";
import { default as hd } from "hyperscript";
import { "h" as quoted } from "vue";`),
    ).toEqual(['_jsx', '_jsxs', 'ce', 'hd', 'hh', 'hs', 'jsxDEV', 'preactH', 'quoted']);
  });

  it('leaves out the other exports of factory modules and every other module', () => {
    // Hooks are imported from `react` in nearly every component: they must not reach the scope lookup.
    expect(namesIn(`import React, { useState, forwardRef } from "react";
import * as runtime from "react/jsx-runtime";
import { h } from "./local-h";
import { createElement } from "my-react";
export { jsx } from "react/jsx-runtime";
useState(0);`)).toEqual([]);
  });

  it('reads only the top level, where imports bind', () => {
    expect(namesIn(`declare module "x" { import { jsx as inner } from "react/jsx-runtime"; }`)).toEqual([]);
  });
});
