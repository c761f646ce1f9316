import { ANCHOR_TAGS, isAnchorTagName, type JsxLinkDetection } from '../jsx/identify-jsx-link';
import type { ImportOrigin } from '../static';
import { templateValueStrings } from './judge';
import type { TemplateElement } from './model';

/** Where a template anchor keeps its destination (HTML and SVG spellings). */
export const TEMPLATE_HREF_PROPS: readonly string[] = ['href', 'xlink:href'];

/** A link component a template host knows without configuration (Vue's `RouterLink`, `NuxtLink`). */
export interface HostLinkComponent {
  /** The component name, PascalCase. */
  readonly name: string;
  /** Modules it may be imported from; when the tag is not bound at all, global registration is assumed. */
  readonly sources: readonly string[];
  readonly hrefProps: readonly string[];
}

/** What a template host tells the shared detection about its tags. */
export interface TemplateHost {
  /** The tag as a component name: `safe-link` → `SafeLink` in Vue, the tag itself elsewhere. */
  readonly componentName: (tag: string) => string;
  /** Where a component tag's binding comes from; `undefined` when the tag is not bound in the file's script. */
  readonly originOf: (componentName: string) => ImportOrigin | null | undefined;
  readonly builtinLinks: readonly HostLinkComponent[];
}

export type TemplateLink =
  /** `<a>`, `<area>`, or a dynamic element that renders one (`dynamic`). */
  | { readonly kind: 'anchor'; readonly tag: string; readonly dynamic: boolean; readonly hrefProps: readonly string[] }
  | { readonly kind: 'linkComponent'; readonly hrefProps: readonly string[] }
  /** The sanctioned component: exempt, except for script URLs. */
  | { readonly kind: 'sanctioned'; readonly hrefProps: readonly string[] };

function rendersAnchor(element: TemplateElement, prop: string): boolean {
  const attribute = element.attributes.find((candidate) => candidate.kind === 'attribute' && candidate.name === prop);
  if (attribute?.kind !== 'attribute') return false;
  return (templateValueStrings(attribute.value) ?? []).some(isAnchorTagName);
}

/**
 * Whether a tag can be a link at all, decided from its name alone, so the hosts
 * build no element model for the `div`s and `span`s that make up most markup.
 */
export function isCandidateTag(tag: string): boolean {
  return ANCHOR_TAGS.has(tag) || !/^[a-z][a-z0-9]*$/u.test(tag) || tag === 'component';
}

/**
 * Decides whether a template element is a link. Lower-case HTML tags cost a
 * set lookup; components are matched by name, then by where they come from.
 */
export function identifyTemplateLink(element: TemplateElement, detection: JsxLinkDetection, host: TemplateHost): TemplateLink | null {
  const { tag } = element;
  if (element.dynamicTag !== undefined) {
    return rendersAnchor(element, element.dynamicTag) ? { kind: 'anchor', tag, dynamic: true, hrefProps: TEMPLATE_HREF_PROPS } : null;
  }
  if (ANCHOR_TAGS.has(tag)) return { kind: 'anchor', tag, dynamic: false, hrefProps: TEMPLATE_HREF_PROPS };
  if (/^[a-z][a-z0-9]*$/u.test(tag)) return null; // any other HTML element
  const name = host.componentName(tag);
  const lastSegment = name.slice(name.lastIndexOf('.') + 1);
  if (lastSegment === detection.component) return { kind: 'sanctioned', hrefProps: ['href'] };
  if (element.attributes.length === 0) return null;

  const origin = host.originOf(name);
  for (const builtin of host.builtinLinks) {
    const matches =
      origin === undefined
        ? builtin.name === name
        : origin !== null && builtin.sources.includes(origin.source) && (origin.imported === builtin.name || origin.imported === 'default');
    if (matches) return { kind: 'linkComponent', hrefProps: builtin.hrefProps };
  }
  for (const component of detection.linkComponents) {
    const matches =
      component.source === null
        ? component.name === tag || component.name === name
        : origin?.source === component.source && component.name === origin.imported;
    if (matches) return { kind: 'linkComponent', hrefProps: component.hrefProps };
  }
  for (const prop of detection.polymorphicProps) {
    if (rendersAnchor(element, prop)) return { kind: 'anchor', tag, dynamic: true, hrefProps: ['href'] };
  }
  return null;
}
