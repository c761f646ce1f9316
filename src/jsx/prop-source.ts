import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { readConstObjectProperty } from '../static';
import { jsxAttributeName } from './names';

type Scope = TSESLint.Scope.Scope;

/** Where the value of one prop comes from, after reading attributes and spreads in order. */
export type PropSource =
  /** Not set by anything on the element. */
  | { readonly kind: 'absent' }
  /** A written attribute; `value` is null for a bare `<a href>`. */
  | { readonly kind: 'attribute'; readonly attribute: TSESTree.JSXAttribute; readonly value: TSESTree.Node | null }
  /** A property of a spread object whose contents are known (`{...{ href: "x" }}`, `{...LINK}`). */
  | { readonly kind: 'spread'; readonly spread: TSESTree.JSXSpreadAttribute; readonly value: TSESTree.Node }
  /** A spread we cannot read comes after (or instead of) every known source. */
  | { readonly kind: 'unknownSpread'; readonly spread: TSESTree.JSXSpreadAttribute };

/**
 * Reads the prop `name` the way React merges props: left to right, the last
 * writer wins. A known spread object is looked into; a spread we cannot read
 * may set the prop, so it makes the value unknown unless a later attribute
 * overrides it.
 */
export function findPropSource(
  attributes: readonly (TSESTree.JSXAttribute | TSESTree.JSXSpreadAttribute)[],
  name: string,
  scope: Scope,
): PropSource {
  let source: PropSource = { kind: 'absent' };
  for (const attribute of attributes) {
    if (attribute.type === AST_NODE_TYPES.JSXAttribute) {
      if (jsxAttributeName(attribute) === name) source = { kind: 'attribute', attribute, value: attribute.value };
      continue;
    }
    const value = readConstObjectProperty(attribute.argument, name, scope);
    if (value === undefined) source = { kind: 'unknownSpread', spread: attribute };
    else if (value !== null) source = { kind: 'spread', spread: attribute, value };
  }
  return source;
}

/** Whether a spread attribute comes before `attribute` on the same element. */
export function hasSpreadBefore(
  attributes: readonly (TSESTree.JSXAttribute | TSESTree.JSXSpreadAttribute)[],
  attribute: TSESTree.JSXAttribute,
): boolean {
  for (const candidate of attributes) {
    if (candidate === attribute) return false;
    if (candidate.type === AST_NODE_TYPES.JSXSpreadAttribute) return true;
  }
  return false;
}
