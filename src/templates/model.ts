import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Scope = TSESLint.Scope.Scope;

/**
 * A template node (Vue `VAttribute`, Svelte `SvelteAttribute`…) seen as
 * something ESLint can report at and fix: all it needs is `range` and `loc`.
 * The hosts cast their parser's nodes to this; nothing reads their type.
 */
export type TemplateNode = TSESTree.Node;

/** One piece of an attribute's text: a literal run, or a `{mustache}` expression. */
export type TemplateTextPart =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'expression'; readonly expression: TSESTree.Node; readonly scope: Scope };

/** What an attribute holds, in the host's own syntax reduced to three shapes. */
export type TemplateValue =
  /** `<a href>`: the empty string, a relative link. */
  | { readonly kind: 'bare' }
  /** Attribute text, entities already decoded by the parser, maybe with mustaches (`href="https://{host}/x"`). */
  | { readonly kind: 'text'; readonly parts: readonly TemplateTextPart[] }
  /** A script expression: `:href="url"`, `href={url}`, `{href}`. */
  | { readonly kind: 'expression'; readonly expression: TSESTree.Node; readonly scope: Scope };

export type TemplateAttribute =
  | {
      readonly kind: 'attribute';
      /** The prop it sets, as the renderer sees it: `href` for `href`, `:href` and `v-bind:href`. */
      readonly name: string;
      /** The whole attribute, for removal. */
      readonly node: TemplateNode;
      /** Where a finding about its value points. */
      readonly valueNode: TemplateNode;
      readonly value: TemplateValue;
    }
  /** `v-bind="obj"`, `{...obj}`; `expression` is null when the host cannot name the object (`:[key]="x"`). */
  | { readonly kind: 'spread'; readonly node: TemplateNode; readonly expression: TSESTree.Node | null; readonly scope: Scope };

/** An element of a template, as every host presents it to the rule. */
export interface TemplateElement {
  /** The tag as written: `a`, `SafeLink`, `safe-link`, `svelte:element`, `ui.SafeLink`. */
  readonly tag: string;
  readonly attributes: readonly TemplateAttribute[];
  /** Source ranges of the tag name in the start tag and in the end tag (absent when self-closing or void). */
  readonly nameRanges: readonly (readonly [number, number])[];
  /** Whether the element sits inside an `<svg>`, where the HTML component would not render. */
  readonly insideSvg: boolean;
  /**
   * The attribute that picks the rendered element (`<component :is>`, `<svelte:element this>`),
   * when the tag is such a dynamic element.
   */
  readonly dynamicTag?: string;
}

/** The attribute named `name`, if written directly on the element. */
export function findTemplateAttribute(element: TemplateElement, name: string): Extract<TemplateAttribute, { kind: 'attribute' }> | undefined {
  for (const attribute of element.attributes) {
    if (attribute.kind === 'attribute' && attribute.name === name) return attribute;
  }
  return undefined;
}
