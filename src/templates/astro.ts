/**
 * The Astro host. astro-eslint-parser presents the template as JSX (with the
 * frontmatter in the same scope), so Astro runs the JSX path; this module
 * only bridges what Astro adds: `{href}` shorthand and `` href=`…` ``
 * template-literal attributes, and imports that belong in the frontmatter.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';

const ASTRO_ATTRIBUTES: ReadonlySet<string> = new Set(['AstroShorthandAttribute', 'AstroTemplateLiteralAttribute']);

export function isAstroFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (sourceCode.parserServices as { isAstro?: unknown } | undefined)?.isAstro === true;
}

/**
 * The element with Astro's attribute forms presented as the JSX attributes
 * they mean: `{href}` is `href={href}`, `` href=`x` `` is ``href={`x`}``. Both
 * carry `name` and a `JSXExpressionContainer` value already; only the type
 * differs. Returns the element itself when it has neither (the common case).
 */
export function asJsxElement(element: TSESTree.JSXOpeningElement): TSESTree.JSXOpeningElement {
  // Called on every JSX element: a loop, no callback.
  let astro = false;
  for (const attribute of element.attributes) {
    if (ASTRO_ATTRIBUTES.has(attribute.type)) {
      astro = true;
      break;
    }
  }
  if (!astro) return element;
  return {
    ...element,
    attributes: element.attributes.map((attribute) =>
      ASTRO_ATTRIBUTES.has(attribute.type) ? ({ ...attribute, type: AST_NODE_TYPES.JSXAttribute } as TSESTree.JSXAttribute) : attribute,
    ),
  };
}

/**
 * Adds an import to an Astro file that has none yet: inside the frontmatter
 * when there is one, else in a new frontmatter. (After an existing import,
 * the JSX fix's own placement is right.)
 */
export function addAstroImport(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, line: string): TSESLint.RuleFix {
  const frontmatter = /^---[^\S\n]*\r?\n/u.exec(sourceCode.text);
  if (frontmatter) return fixer.insertTextAfterRange([0, frontmatter[0].length], `${line}\n`);
  return fixer.insertTextBeforeRange([0, 0], `---\n${line}\n---\n\n`);
}
