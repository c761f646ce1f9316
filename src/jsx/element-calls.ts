import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, DefinitionType, ScopeType } from '../util/ast';
import { getImportOrigin, getStaticPropertyName, unwrapExpression } from '../static';

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

const FACTORY_NAMES: ReadonlySet<string> = new Set(
  Object.values(ELEMENT_FACTORIES)
    .flat()
    .filter((name) => name !== 'default' && name !== '*'),
);

/** Per-file lookups of `isElementFactoryCall`, made once per file rather than a closure per call. */
export interface FactoryLookup {
  readonly sourceCode: { getScope(node: TSESTree.Node): Scope };
  /** The module scope's variables (see `moduleVariables`), read on first use. */
  moduleVariables(): ReadonlyMap<string, TSESLint.Scope.Variable> | null;
}

/**
 * The module scope's variables of a file (where ES imports bind), or null for a
 * script. Read once per file, on the first call that needs it.
 */
export function moduleVariables(sourceCode: { readonly scopeManager: TSESLint.Scope.ScopeManager | null }): ReadonlyMap<string, TSESLint.Scope.Variable> | null {
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) return null;
  for (const scope of global.childScopes) if (scope.type === ScopeType.module) return scope.set;
  return null;
}

/**
 * Whether a name not among the factories' own names may still call one: it is
 * bound at module level by an ES import from a factory module
 * (`import { jsx as _jsx } from "react/jsx-runtime"`, `import h from "hyperscript"`).
 * One map lookup, no scope walk, for every other call.
 */
function mayBeImportedFactory(name: string, variables: ReadonlyMap<string, TSESLint.Scope.Variable> | null): boolean {
  const def = variables?.get(name)?.defs[0];
  if (def?.type !== DefinitionType.ImportBinding) return false;
  const declaration = def.parent;
  return declaration.type === AST_NODE_TYPES.ImportDeclaration && Object.hasOwn(ELEMENT_FACTORIES, declaration.source.value);
}

function isFactory(origin: { source: string; imported: string } | null): boolean {
  if (!origin || !Object.hasOwn(ELEMENT_FACTORIES, origin.source)) return false;
  return ELEMENT_FACTORIES[origin.source]?.includes(origin.imported) ?? false;
}

/**
 * Whether `callee` is one of the element factories: checked by name first
 * (a factory's own name, or a module-level import from a factory module),
 * then through the binding it resolves to, so a local function called `h`
 * is not one.
 */
export function isElementFactoryCall(call: TSESTree.CallExpression, file: FactoryLookup): boolean {
  // A factory call names its element type first; most calls are rejected by name below, with no scope work.
  if (call.arguments.length === 0) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!FACTORY_NAMES.has(callee.name) && !mayBeImportedFactory(callee.name, file.moduleVariables())) return false;
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
