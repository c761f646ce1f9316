import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getImportOrigin, getStaticPropertyName, requiredModule, unwrapExpression } from '../static';
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

/** Per-file lookups of `isElementFactoryCall`, made once per file rather than a closure per call. */
export interface FactoryLookup {
  readonly sourceCode: { getScope(node: TSESTree.Node): Scope };
  /** The file's factory imports (see `importedFactoryNames`), read on first use. */
  importedFactoryNames(): ReadonlySet<string>;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The local names a file binds to an element factory at its top level, read
 * once per file, on the first call that needs it:
 *
 * - ES imports of a factory (`import { jsx as _jsx } from "react/jsx-runtime"`,
 *   `import h from "hyperscript"`), from the import declarations (where every
 *   import is);
 * - constants taken from a whole factory module (`const e = React.createElement`,
 *   React's own pattern for code without JSX; `const { jsx: j } =
 *   require("react/jsx-runtime")`), from the top-level variable declarations.
 *
 * A superset: each call with such a callee is still resolved through scope
 * (`getImportOrigin`), which decides. Usually empty: hooks and the other
 * exports of `react` are not factories, so their calls are rejected with one
 * set lookup instead of a scope lookup each. A rename inside a function
 * (`function f() { const e = React.createElement; }`) is not read.
 */
export function importedFactoryNames(program: TSESTree.Program): ReadonlySet<string> {
  let names: Set<string> | null = null;
  // Local names of whole factory modules (`React`, `* as runtime`), for the declarations read next.
  let modules: Set<string> | null = null;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const exported = FACTORIES_BY_MODULE.get(statement.source.value);
    if (!exported) continue;
    for (const specifier of statement.specifiers) {
      const imported =
        specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? 'default'
          : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
            ? '*'
            : specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value;
      if (imported === 'default' || imported === '*') (modules ??= new Set()).add(specifier.local.name);
      if (exported.includes(imported)) (names ??= new Set()).add(specifier.local.name);
    }
  }
  // A second loop, not a list of the declarations met in the first: nothing is allocated for a file without factories.
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.VariableDeclaration
        ? statement
        : statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration
          ? statement.declaration
          : null;
    if (declaration === null) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.init && takesFromFactoryModule(declarator.init, modules)) addBoundNames(declarator.id, (names ??= new Set()));
    }
  }
  return names ?? NO_NAMES;
}

/** `React`, `React.createElement`, `require("react")`, `require("react").createElement`, with `modules` the whole-module imports. */
function takesFromFactoryModule(init: TSESTree.Expression, modules: ReadonlySet<string> | null): boolean {
  let node = unwrapExpression(init);
  if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
  if (node.type === AST_NODE_TYPES.Identifier) return modules?.has(node.name) ?? false;
  const required = requiredModule(node);
  return required !== null && FACTORIES_BY_MODULE.has(required);
}

/** `e` in `const e = …`, `make` and `j` in `const { createElement: make, jsx: j = x } = …`. */
function addBoundNames(id: TSESTree.BindingName, names: Set<string>): void {
  if (id.type === AST_NODE_TYPES.Identifier) {
    names.add(id.name);
    return;
  }
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return;
  for (const property of id.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier) names.add(value.name);
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
      return typeof type.value === 'string' && isAnchorTagName(type.value);
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

function isFactory(origin: { source: string; imported: string } | null): boolean {
  return origin !== null && (FACTORIES_BY_MODULE.get(origin.source)?.includes(origin.imported) ?? false);
}

/**
 * Whether `callee` is one of the element factories: checked by name first
 * (a factory's own name, or a name a factory import binds),
 * then through the binding it resolves to, so a local function called `h`
 * is not one.
 */
export function isElementFactoryCall(call: TSESTree.CallExpression, file: FactoryLookup): boolean {
  // A factory call names its element type first; most calls are rejected by name below, with no scope work.
  if (call.arguments.length === 0) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!FACTORY_NAMES.has(callee.name) && !file.importedFactoryNames().has(callee.name)) return false;
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
