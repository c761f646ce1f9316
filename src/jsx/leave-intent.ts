import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { evaluateString, getConstantInit, getStaticPropertyName, readConstObjectProperty, staticStringText, unwrapExpression } from '../static';
import { findPropSource, type PropSource } from './prop-source';

type Scope = TSESLint.Scope.Scope;

/**
 * Whether the code says a link whose destination is unknown is meant to leave
 * the site. Measured on real code (see docs/precision.md): unknown
 * destinations are mostly app routes (`/${slug}/settings`), navigation data
 * (`item.url`), forwarded props and route helpers; the ones worth a report
 * open a new browsing context or carry a name that says "another site".
 */

/** `target` values that keep the link in the current browsing context. */
const SAME_CONTEXT_TARGETS: ReadonlySet<string> = new Set(['', '_self', '_parent', '_top']);
/** `rel` tokens written for links to other sites. */
const EXTERNAL_REL_TOKENS: ReadonlySet<string> = new Set(['noopener', 'noreferrer', 'external', 'nofollow', 'ugc', 'sponsored']);
/**
 * Words in a value's name that say it holds another site's address:
 * `externalUrl`, `user.website`, `links.github`, `post.canonicalUrl`.
 */
export const EXTERNAL_NAME_WORDS: ReadonlySet<string> = new Set([
  'external',
  'website',
  'homepage',
  'outbound',
  'offsite',
  'thirdparty',
  'canonical',
  'social',
  'twitter',
  'github',
  'gitlab',
  'linkedin',
  'facebook',
  'instagram',
  'youtube',
  'discord',
  'mastodon',
  'bluesky',
  'tiktok',
  'repo',
  'repository',
]);
const MAX_DEPTH = 6;

/** `externalURL` → external, url; `third_party-link` → third, party, link, thirdparty, partylink. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .split(/[^A-Za-z0-9]+/u)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  const pairs = words.slice(1).map((word, index) => `${words[index] ?? ''}${word}`);
  return [...words, ...pairs];
}

/** Any word of `EXTERNAL_NAME_WORDS` inside a lower-case text. */
const EXTERNAL_WORD_INSIDE = new RegExp([...EXTERNAL_NAME_WORDS].join('|'), 'u');

/**
 * Whether a name (`user.website`, `externalURL`, `third_party_link`) says
 * "another site". Every word and pair of `nameWords` is a piece of the name's
 * letters and digits, lower-cased: most names (`href`, `url`, `item`) hold no
 * such word there and are rejected by one pattern, before they are split.
 */
export function nameSaysExternal(name: string): boolean {
  if (!EXTERNAL_WORD_INSIDE.test(name.replace(/[^A-Za-z0-9]+/gu, '').toLowerCase())) return false;
  return nameWords(name).some((word) => EXTERNAL_NAME_WORDS.has(word));
}

/**
 * Whether a name in the expression that gives the destination says it is
 * another site's address: identifiers (followed to their constant value),
 * member names along the chain, called functions, every branch and hole.
 */
export function valueNameSaysExternal(node: TSESTree.Node, scope: Scope, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.JSXExpressionContainer:
      return value.expression.type !== AST_NODE_TYPES.JSXEmptyExpression && valueNameSaysExternal(value.expression, scope, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      if (nameSaysExternal(value.name)) return true;
      const init = getConstantInit(value, scope);
      return init !== null && valueNameSaysExternal(init, scope, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const property = getStaticPropertyName(value);
      return (property !== null && nameSaysExternal(property)) || valueNameSaysExternal(value.object, scope, depth + 1);
    }
    case AST_NODE_TYPES.ChainExpression:
      return valueNameSaysExternal(value.expression, scope, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return valueNameSaysExternal(value.callee, scope, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return valueNameSaysExternal(value.consequent, scope, depth + 1) || valueNameSaysExternal(value.alternate, scope, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return valueNameSaysExternal(value.left, scope, depth + 1) || valueNameSaysExternal(value.right, scope, depth + 1);
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.some((expression) => valueNameSaysExternal(expression, scope, depth + 1));
    case AST_NODE_TYPES.SpreadElement:
      return valueNameSaysExternal(value.argument, scope, depth + 1);
    default:
      return false;
  }
}

/** Whether some value the attribute may hold opens another browsing context or marks an external link. */
export function attributeSaysExternal(value: TSESTree.Node | null, scope: Scope, isExternal: (text: string) => boolean): boolean {
  if (!value) return false;
  return evaluateString(value, scope).some((alternative) => {
    const text = staticStringText(alternative);
    return text !== null && isExternal(text);
  });
}

export const targetLeaves = (text: string): boolean => !SAME_CONTEXT_TARGETS.has(text.trim().toLowerCase());
export const relSaysExternal = (text: string): boolean =>
  text
    .toLowerCase()
    .split(/\s+/u)
    .some((token) => EXTERNAL_REL_TOKENS.has(token));

function sourceValue(source: PropSource): TSESTree.Node | null {
  return source.kind === 'attribute' || source.kind === 'spread' ? source.value : null;
}

/**
 * Whether a JSX element says its link leaves the site: `target="_blank"` (any
 * target other than the current context, in any branch), `rel="noopener"` and
 * the other rel tokens written for external links, or a destination whose name
 * says it (`href={user.website}`).
 */
export function elementSaysExternal(element: TSESTree.JSXOpeningElement, destination: TSESTree.Node | null, scope: Scope): boolean {
  const target = sourceValue(findPropSource(element.attributes, 'target', scope));
  if (attributeSaysExternal(target, scope, targetLeaves)) return true;
  const rel = sourceValue(findPropSource(element.attributes, 'rel', scope));
  if (attributeSaysExternal(rel, scope, relSaysExternal)) return true;
  return destination !== null && valueNameSaysExternal(destination, scope);
}

/** The same signals for `createElement("a", props)`. */
export function callPropsSayExternal(props: TSESTree.Node | undefined, destination: TSESTree.Node | null, scope: Scope): boolean {
  if (props && props.type !== AST_NODE_TYPES.SpreadElement) {
    const target = readConstObjectProperty(props, 'target', scope) ?? null;
    if (attributeSaysExternal(target, scope, targetLeaves)) return true;
    const rel = readConstObjectProperty(props, 'rel', scope) ?? null;
    if (attributeSaysExternal(rel, scope, relSaysExternal)) return true;
  }
  return destination !== null && valueNameSaysExternal(destination, scope);
}
