import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { evaluateString, getConstantInit, staticStringText } from '../static';
import { type LinkComponent, matchLinkComponent } from './link-components';
import { findPropSource } from './prop-source';
import { jsxAttributeName, jsxLastSegment } from './names';

type Scope = TSESLint.Scope.Scope;

/** Where scopes come from (the file's `SourceCode`): passed instead of a closure, which would be allocated per element. */
export interface ScopeSource {
  getScope(node: TSESTree.Node): Scope;
}

function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Tags that navigate with an `href`. `<link>`, `<img>`, `<script>`, `<iframe>` do not. */
export const ANCHOR_TAGS: ReadonlySet<string> = new Set(['a', 'area']);

/**
 * Whether a tag name given as a string (`createElement("A")`, `as="AREA"`, a
 * template's `is`) makes an anchor. The DOM reads it in any ASCII case:
 * `document.createElement` lowercases it in an HTML document, and an HTML
 * parser does the same with server-rendered `<A>`. (A JSX element name is
 * another matter: `<A>` there is a component.) `toLowerCase` is exact here: no
 * character but `A`, `R` and `E` lowercases to the letters of `a` and `area`.
 */
export function isAnchorTagName(text: string): boolean {
  return text.length <= 4 && ANCHOR_TAGS.has(text.toLowerCase());
}

/** Where an anchor keeps its destination, HTML and SVG spellings included. */
export const ANCHOR_HREF_PROPS: readonly string[] = ['href', 'xlinkHref', 'xlink:href'];

export interface JsxLinkDetection {
  /** The sanctioned component's name (`SafeLink`); `<ui.SafeLink>` counts too. */
  readonly component: string;
  readonly linkComponents: readonly LinkComponent[];
  readonly polymorphicProps: readonly string[];
  /** Every prop that can make a capitalised element a link; see `createJsxLinkDetection`. */
  readonly candidateProps: ReadonlySet<string>;
}

/** Detection settings for one file, with the lookup set built once instead of per element. */
export function createJsxLinkDetection(
  component: string,
  linkComponents: readonly LinkComponent[],
  polymorphicProps: readonly string[],
): JsxLinkDetection {
  const candidateProps = new Set(['href', ...polymorphicProps, ...linkComponents.flatMap((link) => link.hrefProps)]);
  return { component, linkComponents, polymorphicProps, candidateProps };
}

/** What kind of link an element is, and which props carry its destination. */
export type JsxLink =
  | { readonly kind: 'anchor'; readonly tag: string; readonly hrefProps: readonly string[] }
  | { readonly kind: 'tagVariable'; readonly hrefProps: readonly string[] }
  | { readonly kind: 'polymorphic'; readonly prop: string; readonly hrefProps: readonly string[] }
  | { readonly kind: 'linkComponent'; readonly component: LinkComponent; readonly hrefProps: readonly string[] }
  /** The sanctioned component itself: exempt, except for script URLs. */
  | { readonly kind: 'sanctioned'; readonly hrefProps: readonly string[] };

/** Whether an expression is statically the string `a` or `area` (any spelling and ASCII case, through constants). */
export function isAnchorTagValue(node: TSESTree.Node, scope: Scope): boolean {
  return evaluateString(node, scope).some((alternative) => isAnchorTagName(staticStringText(alternative) ?? ''));
}

function polymorphicAnchorProp(element: TSESTree.JSXOpeningElement, props: readonly string[], scope: Scope): string | null {
  for (const prop of props) {
    const source = findPropSource(element.attributes, prop, scope);
    const value = source.kind === 'attribute' ? source.value : source.kind === 'spread' ? source.value : null;
    if (value && isAnchorTagValue(value, scope)) return prop;
  }
  return null;
}

/**
 * Decides whether a JSX element is a link, looking at its name before
 * anything else: lower-case tags other than `a`/`area` cost one set lookup,
 * and scope work only happens for capitalised or dotted tags.
 */
export function identifyJsxLink(
  element: TSESTree.JSXOpeningElement,
  detection: JsxLinkDetection,
  scopes: ScopeSource,
): JsxLink | null {
  const { name } = element;
  // Lower-case first letter: an HTML tag. A char-code test, as this runs on every element.
  if (name.type === AST_NODE_TYPES.JSXIdentifier && isLowerAscii(name.name.charCodeAt(0))) {
    return ANCHOR_TAGS.has(name.name) ? { kind: 'anchor', tag: name.name, hrefProps: ANCHOR_HREF_PROPS } : null;
  }
  if (name.type === AST_NODE_TYPES.JSXNamespacedName) return null;
  if (jsxLastSegment(name) === detection.component) return { kind: 'sanctioned', hrefProps: ['href'] };

  // Every other candidate needs at least one attribute or spread to matter.
  if (element.attributes.length === 0) return null;
  let hasCandidateProp = false;
  for (const attribute of element.attributes) {
    if (attribute.type === AST_NODE_TYPES.JSXSpreadAttribute || detection.candidateProps.has(jsxAttributeName(attribute))) {
      hasCandidateProp = true;
      break;
    }
  }
  if (!hasCandidateProp) return null;

  const scope = scopes.getScope(element);
  const linkComponent = matchLinkComponent(name, detection.linkComponents, scope);
  if (linkComponent) return { kind: 'linkComponent', component: linkComponent, hrefProps: linkComponent.hrefProps };

  const prop = polymorphicAnchorProp(element, detection.polymorphicProps, scope);
  if (prop !== null) return { kind: 'polymorphic', prop, hrefProps: ['href'] };

  // `const Tag = "a"; <Tag href>`
  if (name.type === AST_NODE_TYPES.JSXIdentifier) {
    // A JSX identifier binds like an identifier; only its name is read.
    const init = getConstantInit(name as unknown as TSESTree.Identifier, scope);
    if (init && isAnchorTagValue(init, scope)) return { kind: 'tagVariable', hrefProps: ANCHOR_HREF_PROPS };
  }
  return null;
}
