import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { addAstroImport, isAstroFile } from '../templates/astro';
import { findJsxAttribute } from './names';
import { writtenStringText } from '../static';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** `rel` tokens SafeLink sets itself; other tokens (`nofollow`, `me`…) carry meaning and stay. */
const SECURITY_REL_TOKENS: ReadonlySet<string> = new Set(['noopener', 'noreferrer']);

/** Removes an attribute together with the whitespace before it. */
function removeAttribute(fixer: Fixer, sourceCode: SourceCode, attribute: TSESTree.JSXAttribute): Fix {
  const before = sourceCode.getTokenBefore(attribute);
  const start = before ? before.range[1] : attribute.range[0];
  return fixer.removeRange([start, attribute.range[1]]);
}

/** The static text of a `rel` value (`rel="x"`, `rel={"x"}`, `` rel={`x`} ``), or null. */
function relText(value: TSESTree.JSXAttribute['value']): string | null {
  let node: TSESTree.Node | null = value;
  if (node?.type === AST_NODE_TYPES.JSXExpressionContainer) node = node.expression;
  return writtenStringText(node);
}

function fixRel(fixer: Fixer, sourceCode: SourceCode, rel: TSESTree.JSXAttribute): Fix | null {
  const text = relText(rel.value);
  if (text === null || !rel.value) return null; // dynamic `rel`: leave it to the author
  const tokens = text.split(/\s+/u).filter((token) => token !== '');
  const kept = tokens.filter((token) => !SECURITY_REL_TOKENS.has(token.toLowerCase()));
  if (kept.length === tokens.length) return null;
  if (kept.length === 0) return removeAttribute(fixer, sourceCode, rel);
  return fixer.replaceText(rel.value, JSON.stringify(kept.join(' ')));
}

/**
 * Adds `import { Name } from "source"`: into an existing named import from the
 * same module when there is one, else after the last import, else after the
 * directive prologue (`'use client'`), else at the top.
 */
function addImport(fixer: Fixer, program: TSESTree.Program, sourceCode: SourceCode, name: string, source: string): Fix {
  let lastImport: TSESTree.ImportDeclaration | undefined;
  let lastDirective: TSESTree.ExpressionStatement | undefined;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      lastImport = statement;
      const named = statement.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
      const lastNamed = named[named.length - 1];
      const hasNamespace = statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
      if (statement.source.value === source && statement.importKind !== 'type' && lastNamed && !hasNamespace) {
        return fixer.insertTextAfter(lastNamed, `, ${name}`);
      }
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined && !lastImport) {
      lastDirective = statement;
    }
  }
  const line = importLine(name, source, lastImport, sourceCode);
  const anchor = lastImport ?? lastDirective;
  if (anchor) return fixer.insertTextAfter(anchor, `\n${anchor === lastDirective ? '\n' : ''}${line}`);
  if (isAstroFile(sourceCode)) return addAstroImport(fixer, sourceCode, line);
  return fixer.insertTextBeforeRange([0, 0], `${line}\n`);
}

/** `import { Name } from "source";`, in the quote and semicolon style of the file's last import. */
function importLine(name: string, source: string, lastImport: TSESTree.ImportDeclaration | undefined, sourceCode: SourceCode): string {
  const quote = lastImport?.source.raw.startsWith("'") ? "'" : '"';
  const semicolon = lastImport && !sourceCode.getText(lastImport).endsWith(';') ? '' : ';';
  const quoted = quote + source.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`) + quote;
  // A single-file component (`SafeLink.astro`, `.vue`, `.svelte`) is its module's default export.
  if (/\.(?:vue|svelte|astro)$/u.test(source)) return `import ${name} from ${quoted}${semicolon}`;
  return `import { ${name} } from ${quoted}${semicolon}`;
}

export interface SafeLinkFixInput {
  readonly element: TSESTree.JSXElement;
  readonly component: string;
  /** Set when the component must be imported; null when a binding of that name is in scope. */
  readonly importSource: string | null;
  readonly program: TSESTree.Program;
  readonly sourceCode: SourceCode;
}

/**
 * Rewrites `<a …>…</a>` into `<SafeLink …>…</SafeLink>`, keeping every other
 * attribute, spread and child, dropping `target` and the `rel` tokens the
 * component sets itself, and importing the component when needed.
 */
export function buildSafeLinkFix({ element, component, importSource, program, sourceCode }: SafeLinkFixInput) {
  return (fixer: Fixer): Fix[] => {
    const fixes: Fix[] = [fixer.replaceText(element.openingElement.name, component)];
    if (element.closingElement) fixes.push(fixer.replaceText(element.closingElement.name, component));
    const target = findJsxAttribute(element.openingElement, 'target');
    if (target) fixes.push(removeAttribute(fixer, sourceCode, target));
    const rel = findJsxAttribute(element.openingElement, 'rel');
    const relFix = rel ? fixRel(fixer, sourceCode, rel) : null;
    if (relFix) fixes.push(relFix);
    if (importSource !== null) fixes.push(addImport(fixer, program, sourceCode, component, importSource));
    return fixes;
  };
}
