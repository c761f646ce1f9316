import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getImportOrigin } from '../static';
import { jsxNameText } from './names';

type Scope = TSESLint.Scope.Scope;

/** A `linkComponents` option entry. */
export interface LinkComponentOption {
  /** With `source`: the exported name (`default` for a default export). Without: the tag as written. */
  readonly name: string;
  /** The module the component is imported from. */
  readonly source?: string;
  /** The prop holding the destination; `href` when omitted. */
  readonly hrefProp?: string;
}

/** A link component in the form the detector uses. */
export interface LinkComponent {
  readonly name: string;
  /** null: matched by the tag name as written (eslint-plugin-react's `settings.linkComponents`). */
  readonly source: string | null;
  readonly hrefProps: readonly string[];
}

/**
 * Routers whose link component renders a plain `<a>` with the destination it
 * is given. Identified by import source so a local `Link` is never mistaken
 * for one, and an aliased import still is.
 */
export const DEFAULT_LINK_COMPONENTS: readonly LinkComponentOption[] = [
  { name: 'default', source: 'next/link', hrefProp: 'href' },
  { name: 'Link', source: 'react-router', hrefProp: 'to' },
  { name: 'NavLink', source: 'react-router', hrefProp: 'to' },
  { name: 'Link', source: 'react-router-dom', hrefProp: 'to' },
  { name: 'NavLink', source: 'react-router-dom', hrefProp: 'to' },
  { name: 'Link', source: '@remix-run/react', hrefProp: 'to' },
  { name: 'NavLink', source: '@remix-run/react', hrefProp: 'to' },
  { name: 'Link', source: 'gatsby', hrefProp: 'to' },
];

function fromOption(option: LinkComponentOption): LinkComponent {
  return { name: option.name, source: option.source ?? null, hrefProps: [option.hrefProp ?? 'href'] };
}

/**
 * eslint-plugin-react's shared setting: `"Hyperlink"`, `{ name: "Link", linkAttribute: "to" }`
 * or `{ name: "Link", linkAttribute: ["to", "href"] }`. Malformed entries are skipped:
 * a setting written for another plugin must not break this one.
 */
export function readSettingsLinkComponents(settings: Readonly<Record<string, unknown>>): LinkComponent[] {
  const entries = settings.linkComponents;
  if (!Array.isArray(entries)) return [];
  const components: LinkComponent[] = [];
  for (const entry of entries as unknown[]) {
    if (typeof entry === 'string' && entry !== '') {
      components.push({ name: entry, source: null, hrefProps: ['href'] });
    } else if (typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string') {
      const { name, linkAttribute } = entry as { name: string; linkAttribute?: unknown };
      const attributes = (Array.isArray(linkAttribute) ? linkAttribute : [linkAttribute ?? 'href']).filter(
        (attribute): attribute is string => typeof attribute === 'string' && attribute !== '',
      );
      if (attributes.length > 0) components.push({ name, source: null, hrefProps: attributes });
    }
  }
  return components;
}

/** Defaults, then the rule option, then the ecosystem setting: all of them apply. */
export function collectLinkComponents(
  options: readonly LinkComponentOption[] | undefined,
  settings: Readonly<Record<string, unknown>>,
): LinkComponent[] {
  return [...DEFAULT_LINK_COMPONENTS, ...(options ?? [])].map(fromOption).concat(readSettingsLinkComponents(settings));
}

/** `{ source, imported }` of a JSX tag: `<Link>` from its import, `<Router.Link>` from a namespace import. */
function tagOrigin(name: TSESTree.JSXTagNameExpression, scope: Scope): { source: string; imported: string } | null {
  if (name.type === AST_NODE_TYPES.JSXIdentifier) {
    // `getImportOrigin` only reads the name; a JSX identifier binds like an identifier.
    return getImportOrigin(name as unknown as TSESTree.Identifier, scope);
  }
  if (name.type === AST_NODE_TYPES.JSXMemberExpression && name.object.type === AST_NODE_TYPES.JSXIdentifier) {
    const namespace = getImportOrigin(name.object as unknown as TSESTree.Identifier, scope);
    if (namespace && (namespace.imported === '*' || namespace.imported === 'default')) {
      return { source: namespace.source, imported: name.property.name };
    }
  }
  return null;
}

/** The link component a tag refers to, or null. Name-only entries are compared first (no scope work). */
export function matchLinkComponent(
  name: TSESTree.JSXTagNameExpression,
  components: readonly LinkComponent[],
  scope: Scope,
): LinkComponent | null {
  const text = jsxNameText(name);
  const byName = components.find((component) => component.source === null && component.name === text);
  if (byName) return byName;
  if (!components.some((component) => component.source !== null)) return null;
  const origin = tagOrigin(name, scope);
  if (!origin) return null;
  // `require("next/link")` is the default export itself (CommonJS interop).
  const imported = origin.imported === '*' ? 'default' : origin.imported;
  return components.find((component) => component.source === origin.source && component.name === imported) ?? null;
}
