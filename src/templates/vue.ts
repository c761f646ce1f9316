/**
 * The Vue host: reads `<template>` elements through vue-eslint-parser's
 * `defineTemplateBodyVisitor` and hands them to the shared template check.
 * Nothing here imports the parser: its AST is read structurally, typed by the
 * small interfaces below, so the plugin runs without it installed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, findVariable, topLevelScope } from '../util/ast';
import { getConstantInit, getImportOrigin, getVariableImportOrigin } from '../static';
import { checkTemplateElement, type ImportPlan, type TemplateRuleContext } from './check';
import { importStatement } from './fix';
import { isCandidateTag, type TemplateHost } from './identify';
import { shadowingScope, staticScope } from './scopes';
import type { TemplateAttribute, TemplateElement, TemplateNode } from './model';


type Scope = TSESLint.Scope.Scope;
type RuleListener = TSESLint.RuleListener;

interface VNode {
  readonly type: string;
  readonly range: [number, number];
  readonly parent?: VNode | null;
}
interface VIdentifier extends VNode {
  readonly type: 'VIdentifier';
  readonly name: string;
  readonly rawName: string;
}
interface VExpressionContainer extends VNode {
  readonly type: 'VExpressionContainer';
  readonly expression: TSESTree.Node | null;
}
interface VLiteral extends VNode {
  readonly type: 'VLiteral';
  readonly value: string;
}
interface VAttribute extends VNode {
  readonly type: 'VAttribute';
  readonly directive: boolean;
  readonly key:
    | VIdentifier
    | { readonly type: 'VDirectiveKey'; readonly name: VIdentifier; readonly argument: VIdentifier | VExpressionContainer | null };
  readonly value: VLiteral | VExpressionContainer | null;
}
interface VElement extends VNode {
  readonly type: 'VElement';
  readonly name: string;
  readonly rawName: string;
  readonly namespace: string;
  readonly startTag: VNode & { readonly attributes: readonly VAttribute[] };
  readonly endTag: VNode | null;
  readonly variables: readonly { readonly id: { readonly name: string } }[];
  readonly children: readonly VNode[];
}
interface VueServices {
  defineTemplateBodyVisitor(templateVisitor: Record<string, (node: never) => void>, scriptVisitor?: RuleListener): RuleListener;
  getDocumentFragment?: () => { readonly children: readonly VNode[] } | null;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** `safe-link` → `SafeLink`: Vue resolves a kebab-case tag to the PascalCase component. */
function pascalCase(tag: string): string {
  if (!tag.includes('-')) return tag;
  return tag
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Router links Vue apps register globally: `app.use(router)` and Nuxt both do. */
const VUE_LINKS = [
  { name: 'RouterLink', sources: ['vue-router'], hrefProps: ['to', 'href'] },
  { name: 'NuxtLink', sources: ['#app', '#components', '#imports', 'nuxt/app'], hrefProps: ['to', 'href'] },
];

function vueServices(sourceCode: Readonly<TSESLint.SourceCode>): VueServices | null {
  const services = sourceCode.parserServices as Partial<VueServices> | undefined;
  return typeof services?.defineTemplateBodyVisitor === 'function' ? (services as VueServices) : null;
}

function scriptBlocks(services: VueServices): VElement[] {
  const fragment = services.getDocumentFragment?.();
  return (fragment?.children ?? []).filter((node): node is VElement => node.type === 'VElement' && (node as VElement).name === 'script');
}

function hasAttribute(element: VElement, name: string): boolean {
  return element.startTag.attributes.some((attribute) => !attribute.directive && (attribute.key as VIdentifier).name === name);
}

/** The names `v-for` and slot scopes bind around (and on) an element: they hide script bindings. */
function templateLocals(element: VElement): Set<string> {
  const names = new Set<string>();
  for (let node: VNode | null | undefined = element; node?.type === 'VElement'; node = node.parent) {
    for (const variable of (node as VElement).variables) names.add(variable.id.name);
  }
  return names;
}

/** Modules `computed` comes from; unbound, it is Nuxt's auto-import. */
const COMPUTED_SOURCES: ReadonlySet<string> = new Set(['vue', '#imports', '@vue/reactivity', '@vue/runtime-core']);

/**
 * What a template name bound to `computed(() => value)` reads as: the template
 * unwraps the ref, so `:href="docsUrl"` is the getter's value. Only an arrow
 * getter with one returned expression, whose `computed` is Vue's; anything
 * else stays the name (unknown).
 */
function unwrapComputed(expression: TSESTree.Node, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): { expression: TSESTree.Node; scope: Scope } | null {
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const init = getConstantInit(expression, scope);
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'computed') return null;
  const [getter] = init.arguments;
  if (getter?.type !== AST_NODE_TYPES.ArrowFunctionExpression || getter.params.length > 0) return null;
  const callScope = sourceCode.getScope(init);
  const origin = getImportOrigin(init.callee, callScope);
  // A global without a definition (Nuxt's auto-import, declared in `globals` or not) is Vue's.
  const bound = Boolean(findVariable(callScope, init.callee)?.defs.length);
  if (origin ? !COMPUTED_SOURCES.has(origin.source) || origin.imported !== 'computed' : bound) return null;
  let body: TSESTree.Node | null = getter.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const [only] = body.body;
    body = body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null;
  }
  return body ? { expression: body, scope: sourceCode.getScope(body) } : null;
}

function readAttribute(attribute: VAttribute, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): TemplateAttribute | null {
  const node = attribute as unknown as TemplateNode;
  if (!attribute.directive) {
    const key = attribute.key as VIdentifier;
    const value = attribute.value as VLiteral | null;
    return value
      ? { kind: 'attribute', name: key.rawName, node, valueNode: value as unknown as TemplateNode, value: { kind: 'text', parts: [{ type: 'text', value: value.value }] } }
      : { kind: 'attribute', name: key.rawName, node, valueNode: node, value: { kind: 'bare' } };
  }
  const key = attribute.key as Extract<VAttribute['key'], { type: 'VDirectiveKey' }>;
  if (key.name.name !== 'bind') return null;
  const container = attribute.value as VExpressionContainer | null;
  const expression = container?.expression ?? null;
  // `v-bind="obj"`, or `:[name]="x"` whose name is only known at run time.
  if (key.argument === null || key.argument.type === 'VExpressionContainer') {
    return { kind: 'spread', node, expression: key.argument === null ? expression : null, scope };
  }
  // `:href` without a value is shorthand for `:href="href"` (Vue 3.4).
  const value = expression ?? (container ? null : ({ type: 'Identifier', name: key.argument.name, range: key.argument.range, loc: (key.argument as unknown as TemplateNode).loc } as unknown as TSESTree.Node));
  if (!value) return null; // an empty or unparsable expression: the parser reports it
  const computed = unwrapComputed(value, scope, sourceCode);
  return { kind: 'attribute', name: key.argument.rawName, node, valueNode: value, value: { kind: 'expression', ...(computed ?? { expression: value, scope }) } };
}

function toTemplateElement(element: VElement, baseScope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): TemplateElement {
  const locals = templateLocals(element);
  const scope = locals.size === 0 ? baseScope : shadowingScope(locals, baseScope);
  const attributes: TemplateAttribute[] = [];
  for (const attribute of element.startTag.attributes) {
    const read = readAttribute(attribute, scope, sourceCode);
    if (read) attributes.push(read);
  }
  const nameLength = element.rawName.length;
  const nameRanges: [number, number][] = [[element.startTag.range[0] + 1, element.startTag.range[0] + 1 + nameLength]];
  if (element.endTag) nameRanges.push([element.endTag.range[0] + 2, element.endTag.range[0] + 2 + nameLength]);
  return {
    tag: element.rawName,
    attributes,
    nameRanges,
    insideSvg: element.namespace === SVG_NAMESPACE,
    ...(element.name === 'component' ? { dynamicTag: 'is' } : {}),
  };
}

/**
 * Where the suggestion gets the component from: a binding in the script
 * (nothing to add), a new import in `<script setup>` (or a new `<script setup>`
 * when the file has no script), or Vue's global registration (Nuxt
 * auto-imports, `app.component`) when no `importSource` is configured.
 */
function planVueImport(services: VueServices, rule: TemplateRuleContext, moduleScope: Scope | null): ImportPlan {
  if (moduleScope?.set.has(rule.component)) return null;
  if (rule.importSource === null) return null;
  const source = rule.importSource;
  const scripts = scriptBlocks(services);
  const setup = scripts.find((script) => hasAttribute(script, 'setup'));
  const { sourceCode } = rule;
  if (setup) {
    const [start, end] = setup.range;
    const imports = sourceCode.ast.body.filter(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === AST_NODE_TYPES.ImportDeclaration && statement.range[0] >= start && statement.range[1] <= end,
    );
    const last = imports[imports.length - 1];
    const quote = last?.source.raw.startsWith('"') ? '"' : "'";
    const line = importStatement(rule.component, source, quote);
    return last ? (fixer) => fixer.insertTextAfter(last, `\n${line}`) : (fixer) => fixer.insertTextAfterRange([0, setup.startTag.range[1]], `\n${line}`);
  }
  if (scripts.length === 0) {
    return (fixer) => fixer.insertTextBeforeRange([0, 0], `<script setup>\n${importStatement(rule.component, source, "'")}\n</script>\n\n`);
  }
  // An Options API `<script>`: the import alone would not register it; rename only.
  return null;
}

/**
 * The rule's listeners with the Vue template visitor merged in, or null when
 * the file was not parsed by vue-eslint-parser (the JSX path then runs alone).
 */
export function withVueTemplate(rule: TemplateRuleContext, scriptListeners: RuleListener): RuleListener | null {
  const services = vueServices(rule.sourceCode);
  if (!services) return null;
  const { scopeManager } = rule.sourceCode;
  const moduleScope = topLevelScope(scopeManager);
  // Only `<script setup>` exposes its top-level bindings to the template; with the
  // Options API, a template name means a component property, unknown here.
  const hasSetup = scriptBlocks(services).some((script) => hasAttribute(script, 'setup'));
  const baseScope = hasSetup && moduleScope ? moduleScope : staticScope();
  const host: TemplateHost = {
    componentName: pascalCase,
    originOf(name) {
      const variable = moduleScope?.set.get(name);
      if (!variable || !moduleScope) return undefined;
      return getVariableImportOrigin(variable, moduleScope);
    },
    builtinLinks: VUE_LINKS,
  };
  return services.defineTemplateBodyVisitor(
    {
      VElement(element: VElement) {
        if (!isCandidateTag(element.rawName)) return;
        checkTemplateElement(toTemplateElement(element, baseScope, rule.sourceCode), host, rule, () => planVueImport(services, rule, moduleScope));
      },
    },
    scriptListeners,
  );
}
