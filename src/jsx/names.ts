import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';

/** Source-like text of a JSX tag name: `a`, `ui.SafeLink`, `svg:a`. */
export function jsxNameText(name: TSESTree.JSXTagNameExpression): string {
  switch (name.type) {
    case AST_NODE_TYPES.JSXIdentifier:
      return name.name;
    case AST_NODE_TYPES.JSXNamespacedName:
      return `${name.namespace.name}:${name.name.name}`;
    case AST_NODE_TYPES.JSXMemberExpression:
      return `${jsxNameText(name.object)}.${name.property.name}`;
  }
}

/** The last segment of a tag name: `SafeLink` for `<ui.SafeLink>`. */
export function jsxLastSegment(name: TSESTree.JSXTagNameExpression): string {
  switch (name.type) {
    case AST_NODE_TYPES.JSXIdentifier:
      return name.name;
    case AST_NODE_TYPES.JSXNamespacedName:
      return name.name.name;
    case AST_NODE_TYPES.JSXMemberExpression:
      return name.property.name;
  }
}

/** Attribute name as React sees it: `href`, `xlinkHref`, `xlink:href`. */
export function jsxAttributeName(attribute: TSESTree.JSXAttribute): string {
  const { name } = attribute;
  return name.type === AST_NODE_TYPES.JSXNamespacedName ? `${name.namespace.name}:${name.name.name}` : name.name;
}

/** The attribute named `name`, if written directly on the element (spreads are not read here). */
export function findJsxAttribute(element: TSESTree.JSXOpeningElement, name: string): TSESTree.JSXAttribute | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type === AST_NODE_TYPES.JSXAttribute && jsxAttributeName(attribute) === name) return attribute;
  }
  return undefined;
}
