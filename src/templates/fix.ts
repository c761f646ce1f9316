import type { TSESLint } from '@typescript-eslint/utils';
import { templateValueStrings } from './judge';
import { findTemplateAttribute, type TemplateAttribute, type TemplateElement } from './model';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** `rel` tokens the sanctioned component sets itself; others (`nofollow`, `me`…) carry meaning and stay. */
const SECURITY_REL_TOKENS: ReadonlySet<string> = new Set(['noopener', 'noreferrer']);

/** Removes an attribute with the whitespace before it. */
function removeAttribute(fixer: Fixer, sourceCode: SourceCode, attribute: TemplateAttribute): Fix {
  let start = attribute.node.range[0];
  while (start > 0 && /\s/u.test(sourceCode.text[start - 1] ?? '')) start--;
  return fixer.removeRange([start, attribute.node.range[1]]);
}

/** Drops the tokens SafeLink sets from a static `rel`; a dynamic `rel` is left to the author. */
function fixRel(fixer: Fixer, sourceCode: SourceCode, rel: Extract<TemplateAttribute, { kind: 'attribute' }>): Fix | null {
  if (rel.value.kind !== 'text' || rel.value.parts.some((part) => part.type !== 'text')) return null;
  const [text] = templateValueStrings(rel.value) ?? [];
  if (text === undefined) return null;
  const tokens = text.split(/\s+/u).filter((token) => token !== '');
  const kept = tokens.filter((token) => !SECURITY_REL_TOKENS.has(token.toLowerCase()));
  if (kept.length === tokens.length) return null;
  if (kept.length === 0) return removeAttribute(fixer, sourceCode, rel);
  return fixer.replaceText(rel.node, `rel="${kept.join(' ')}"`);
}

/**
 * Rewrites a template `<a …>…</a>` into `<SafeLink …>…</SafeLink>`: both tag
 * names, `target` removed, the `rel` tokens the component sets itself dropped,
 * and the host's import added when the component is not available yet.
 */
export function buildTemplateSafeLinkFix(
  element: TemplateElement,
  component: string,
  sourceCode: SourceCode,
  addImport: ((fixer: Fixer) => Fix) | null,
) {
  return (fixer: Fixer): Fix[] => {
    const fixes = element.nameRanges.map((range) => fixer.replaceTextRange([range[0], range[1]], component));
    const target = findTemplateAttribute(element, 'target');
    if (target) fixes.push(removeAttribute(fixer, sourceCode, target));
    const rel = findTemplateAttribute(element, 'rel');
    const relFix = rel ? fixRel(fixer, sourceCode, rel) : null;
    if (relFix) fixes.push(relFix);
    if (addImport) fixes.push(addImport(fixer));
    return fixes;
  };
}

/**
 * `import { Name } from "source";`, quoted the way the file's last import is; a
 * single-file component (`…/SafeLink.vue`, `.svelte`, `.astro`) is its module's default export.
 */
export function importStatement(name: string, source: string, quote: "'" | '"'): string {
  const quoted = `${quote}${source.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
  return /\.(?:vue|svelte|astro)$/u.test(source) ? `import ${name} from ${quoted};` : `import { ${name} } from ${quoted};`;
}
