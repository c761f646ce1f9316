import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, findVariable, topLevelScope } from '../util/ast';
import { getImportOrigin, getStaticPropertyName, getVariableImportOrigin, unwrapExpression, writtenStringText } from '../static';
import { isAnchorTagName } from './identify-jsx-link';

type Scope = TSESLint.Scope.Scope;

/**
 * Functions that create an element from a tag name and a props object, by
 * module. `*` stands for "the module itself is the function" (hyperscript).
 */
const ELEMENT_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  react: ['createElement'],
  'react/jsx-runtime': ['jsx', 'jsxs'],
  'react/jsx-dev-runtime': ['jsxDEV'],
  preact: ['h', 'createElement'],
  'preact/jsx-runtime': ['jsx', 'jsxs', 'jsxDEV'],
  vue: ['h'],
  hyperscript: ['default', '*'],
};

/** `ELEMENT_FACTORIES` as a map: looking a module name up in an object first interns the string. */
const FACTORIES_BY_MODULE: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(ELEMENT_FACTORIES));

const FACTORY_NAMES: ReadonlySet<string> = new Set(
  Object.values(ELEMENT_FACTORIES)
    .flat()
    .filter((name) => name !== 'default' && name !== '*'),
);

/** What `FactoryLookup` reads of a file's `SourceCode`. */
export interface FactorySourceCode {
  getScope(node: TSESTree.Node): Scope;
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
}

/**
 * Per-file lookups of `isElementFactoryCall`: one object per file rather than
 * a closure per call, with the answers kept per name.
 */
export class FactoryLookup {
  private answers: Map<string, boolean> | null = null;
  private top: Scope | null | undefined = undefined;

  constructor(readonly sourceCode: FactorySourceCode) {}

  /**
   * Whether the file's top-level binding of `name` is an element factory: an
   * ES import of one (`import { jsx as _jsx } from "react/jsx-runtime"`,
   * `import h from "hyperscript"`), TypeScript's `import h =
   * require("hyperscript")`, or a constant taken from a whole factory module
   * (`const e = React.createElement`, React's own pattern for code without JSX;
   * `const { jsx: j } = require("react/jsx-runtime")`), as `getImportOrigin`
   * reads them.
   *
   * Asked only for a callee that may create a link and is not itself named
   * like a factory; answered once per name and file, from the module scope,
   * without reading the rest of the file. A name bound by no top-level
   * declaration (a global, or a rename inside a function) is no factory here;
   * a call that writes its tag as `a`/`area` is resolved all the same
   * (`namesAnchorTag`). The call is still resolved through its own scope
   * afterwards, so a local function that shadows the name is not one either.
   */
  isTopLevelFactory(name: string): boolean {
    let known = this.answers?.get(name);
    if (known !== undefined) return known;
    if (this.top === undefined) this.top = topLevelScope(this.sourceCode.scopeManager);
    // No scope analysis to read: the resolution of the call decides alone.
    if (this.top === null) return true;
    const variable = findVariable(this.top, name);
    known = variable !== null && isFactory(getVariableImportOrigin(variable, this.top));
    (this.answers ??= new Map()).set(name, known);
    return known;
  }
}

/**
 * Whether a call's arguments could make a link: an element type that may be
 * `a` or `area`, then a props argument to hold its destination. Reads the
 * arguments' syntax only, so it runs before any name or scope check: a call
 * with fewer than two arguments (no props, so no `href`), or whose first
 * argument is a string other than `a`/`area` (in any case), an object, an
 * array, a function or a class (none of which evaluates to a tag name), cannot.
 */
export function mayCreateLink(call: TSESTree.CallExpression): boolean {
  const args = call.arguments;
  if (args.length < 2) return false;
  const type = args[0] as TSESTree.CallExpressionArgument;
  switch (type.type) {
    case AST_NODE_TYPES.Literal:
      return namesAnchorTag(type);
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return false;
    default:
      return true;
  }
}

/**
 * A first argument that spells `a` or `area` (`"a"`, `` `AREA` ``): calls like
 * that are rare, and worth resolving whatever the callee is named, so that a
 * factory renamed inside a function (`const e = React.createElement; e("a",
 * props)`) is followed too.
 */
function namesAnchorTag(type: TSESTree.CallExpressionArgument | undefined): boolean {
  const text = writtenStringText(type);
  return text !== null && isAnchorTagName(text);
}

function isFactory(origin: { source: string; imported: string } | null): boolean {
  return origin !== null && (FACTORIES_BY_MODULE.get(origin.source)?.includes(origin.imported) ?? false);
}

/**
 * Whether `callee` is one of the element factories: checked by name first
 * (a factory's own name, or a name the file binds to a factory at its top
 * level), unless the tag is written as `a`/`area` at the call, then through
 * the binding it resolves to, so a local function called `h` is not one.
 */
export function isElementFactoryCall(call: TSESTree.CallExpression, file: FactoryLookup): boolean {
  // A factory call names its element type first; most calls are rejected by name below, with no scope work.
  if (call.arguments.length === 0) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!FACTORY_NAMES.has(callee.name) && !namesAnchorTag(call.arguments[0]) && !file.isTopLevelFactory(callee.name)) return false;
    return isFactory(getImportOrigin(callee, file.sourceCode.getScope(call)));
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const method = getStaticPropertyName(callee);
    if (method === null || !FACTORY_NAMES.has(method)) return false;
    // `React.createElement`, `runtime.jsx`: the object is the whole module.
    const namespace = getImportOrigin(callee.object, file.sourceCode.getScope(call));
    if (!namespace || (namespace.imported !== '*' && namespace.imported !== 'default')) return false;
    return isFactory({ source: namespace.source, imported: method });
  }
  return false;
}
