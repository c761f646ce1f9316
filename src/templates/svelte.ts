/**
 * The Svelte host: reads elements of svelte-eslint-parser's AST (which puts
 * the markup in the main tree, with template expressions in its scope
 * manager) and hands them to the shared template check. The parser is never
 * imported: its nodes are read structurally.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, findVariable, topLevelScope } from '../util/ast';
import { getConstantInit, getVariableImportOrigin } from '../static';
import { checkTemplateElement, type ImportPlan, type TemplateRuleContext } from './check';
import { importStatement } from './fix';
import { isCandidateTag, type TemplateHost } from './identify';
import type { TemplateAttribute, TemplateElement, TemplateNode, TemplateTextPart } from './model';


type Scope = TSESLint.Scope.Scope;
type RuleListener = TSESLint.RuleListener;

interface SNode {
  readonly type: string;
  readonly range: [number, number];
  readonly parent?: SNode | null;
}
interface SvelteMustacheTag extends SNode {
  readonly type: 'SvelteMustacheTag';
  readonly expression: TSESTree.Node;
}
interface SvelteLiteral extends SNode {
  readonly type: 'SvelteLiteral';
  readonly value: string;
}
type SvelteAttributeNode =
  | (SNode & { readonly type: 'SvelteAttribute'; readonly key: { readonly name: string }; readonly boolean: boolean; readonly value: readonly (SvelteLiteral | SvelteMustacheTag)[] })
  | (SNode & { readonly type: 'SvelteShorthandAttribute'; readonly key: { readonly name: string }; readonly value: TSESTree.Node })
  | (SNode & { readonly type: 'SvelteSpreadAttribute'; readonly argument: TSESTree.Node })
  | (SNode & { readonly type: 'SvelteSpecialDirective'; readonly kind: string; readonly expression: TSESTree.Node | null })
  | (SNode & { readonly type: 'SvelteDirective' | 'SvelteStyleDirective' | 'SvelteAttachTag' | 'SvelteGenericsDirective' });
interface SvelteElementNode extends SNode {
  readonly type: 'SvelteElement';
  readonly kind: 'html' | 'component' | 'special';
  readonly name: SNode & { readonly name?: string };
  readonly startTag: SNode & { readonly attributes: readonly SvelteAttributeNode[] };
  readonly endTag: SNode | null;
}
interface SvelteScriptElement extends SNode {
  readonly type: 'SvelteScriptElement';
  readonly startTag: SNode & { readonly attributes: readonly SvelteAttributeNode[] };
  readonly body: readonly TSESTree.ProgramStatement[];
}

function isSvelteFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (sourceCode.parserServices as { isSvelte?: unknown } | undefined)?.isSvelte === true;
}

function textParts(values: readonly (SvelteLiteral | SvelteMustacheTag)[], sourceCode: Readonly<TSESLint.SourceCode>): TemplateTextPart[] {
  return values.map((part) =>
    part.type === 'SvelteLiteral'
      ? { type: 'text', value: part.value }
      : { type: 'expression', expression: part.expression, scope: sourceCode.getScope(part.expression) },
  );
}

/**
 * An expression value, with a name bound to `$derived(value)` read as `value`:
 * the rune is the value itself in the template. `$derived` is a compiler rune,
 * so only a `$derived` the file does not define itself counts.
 */
function expressionValue(expression: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): { kind: 'expression'; expression: TSESTree.Node; scope: Scope } {
  const scope = sourceCode.getScope(expression);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = getConstantInit(expression, scope);
    if (
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === '$derived' &&
      init.arguments.length === 1 &&
      init.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement
    ) {
      const value = init.arguments[0] as TSESTree.Expression;
      const valueScope = sourceCode.getScope(value);
      // The parser declares the runes as globals without a definition.
      if (!findVariable(valueScope, init.callee)?.defs.length) return { kind: 'expression', expression: value, scope: valueScope };
    }
  }
  return { kind: 'expression', expression, scope };
}

function readAttribute(attribute: SvelteAttributeNode, sourceCode: Readonly<TSESLint.SourceCode>): TemplateAttribute | null {
  const node = attribute as unknown as TemplateNode;
  switch (attribute.type) {
    case 'SvelteAttribute': {
      const name = attribute.key.name;
      if (attribute.boolean) return { kind: 'attribute', name, node, valueNode: node, value: { kind: 'bare' } };
      const [only] = attribute.value;
      if (attribute.value.length === 1 && only?.type === 'SvelteMustacheTag') {
        const expression = only.expression;
        return { kind: 'attribute', name, node, valueNode: expression, value: expressionValue(expression, sourceCode) };
      }
      const valueNode = attribute.value.length === 1 && only ? (only as unknown as TemplateNode) : node;
      return { kind: 'attribute', name, node, valueNode, value: { kind: 'text', parts: textParts(attribute.value, sourceCode) } };
    }
    case 'SvelteShorthandAttribute':
      return {
        kind: 'attribute',
        name: attribute.key.name,
        node,
        valueNode: attribute.value,
        value: expressionValue(attribute.value, sourceCode),
      };
    case 'SvelteSpreadAttribute':
      return { kind: 'spread', node, expression: attribute.argument, scope: sourceCode.getScope(attribute.argument) };
    case 'SvelteSpecialDirective':
      // `<svelte:element this={tag}>`
      if (attribute.kind !== 'this' || !attribute.expression) return null;
      return {
        kind: 'attribute',
        name: 'this',
        node,
        valueNode: attribute.expression,
        value: { kind: 'expression', expression: attribute.expression, scope: sourceCode.getScope(attribute.expression) },
      };
    default:
      return null;
  }
}

function insideSvg(element: SvelteElementNode): boolean {
  for (let node = element.parent; node; node = node.parent) {
    if (node.type === 'SvelteElement' && (node as SvelteElementNode).kind === 'html' && (node as SvelteElementNode).name.name === 'svg') return true;
  }
  return false;
}

function toTemplateElement(element: SvelteElementNode, sourceCode: Readonly<TSESLint.SourceCode>): TemplateElement {
  const tag = element.kind === 'component' ? sourceCode.text.slice(element.name.range[0], element.name.range[1]) : (element.name.name ?? '');
  const attributes: TemplateAttribute[] = [];
  for (const attribute of element.startTag.attributes) {
    const read = readAttribute(attribute, sourceCode);
    if (read) attributes.push(read);
  }
  const nameRanges: [number, number][] = [[element.name.range[0], element.name.range[1]]];
  if (element.endTag) nameRanges.push([element.endTag.range[0] + 2, element.endTag.range[0] + 2 + tag.length]);
  return {
    tag,
    attributes,
    nameRanges,
    insideSvg: insideSvg(element),
    ...(tag === 'svelte:element' ? { dynamicTag: 'this' } : {}),
  };
}

/** The instance `<script>` (not `context="module"` / `module`), where a component import belongs. */
function instanceScript(program: TSESTree.Program): SvelteScriptElement | undefined {
  const scripts = (program.body as unknown as SNode[]).filter((node): node is SvelteScriptElement => node.type === 'SvelteScriptElement');
  return scripts.find(
    (script) =>
      !script.startTag.attributes.some(
        (attribute) => attribute.type === 'SvelteAttribute' && (attribute.key.name === 'module' || attribute.key.name === 'context'),
      ),
  );
}

/** Svelte has no global components: the suggestion needs a binding or an `importSource`. */
function planSvelteImport(rule: TemplateRuleContext, moduleScope: Scope | null): ImportPlan {
  if (moduleScope?.set.has(rule.component)) return null;
  if (rule.importSource === null) return false;
  const line = (quote: "'" | '"') => importStatement(rule.component, rule.importSource ?? '', quote);
  const program = rule.sourceCode.ast;
  const script = instanceScript(program);
  if (!script) return (fixer) => fixer.insertTextBeforeRange([0, 0], `<script>\n\t${line("'")}\n</script>\n\n`);
  const imports = script.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const last = imports[imports.length - 1];
  if (last) return (fixer) => fixer.insertTextAfter(last, `\n\t${line(last.source.raw.startsWith('"') ? '"' : "'")}`);
  return (fixer) => fixer.insertTextAfterRange([0, script.startTag.range[1]], `\n\t${line("'")}`);
}

/** The Svelte template listener, or null when the file was not parsed by svelte-eslint-parser. */
export function svelteTemplateListeners(rule: TemplateRuleContext): RuleListener | null {
  if (!isSvelteFile(rule.sourceCode)) return null;
  const { scopeManager } = rule.sourceCode;
  const moduleScope = topLevelScope(scopeManager);
  const host: TemplateHost = {
    componentName: (tag) => tag,
    originOf(name) {
      const variable = moduleScope?.set.get(name.split('.')[0] ?? name);
      if (!variable || !moduleScope) return undefined;
      return getVariableImportOrigin(variable, moduleScope);
    },
    builtinLinks: [],
  };
  const listeners: Record<string, (node: never) => void> = {
    SvelteElement(node: unknown) {
      const element = node as SvelteElementNode;
      if (element.kind === 'special' && element.name.name !== 'svelte:element') return;
      if (element.kind === 'html' && !isCandidateTag(element.name.name ?? '')) return;
      checkTemplateElement(toTemplateElement(element, rule.sourceCode), host, rule, () => planSvelteImport(rule, moduleScope));
    },
  };
  return listeners;
}
