import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
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

/**
 * Local names under which a factory may be called in this file: the known
 * names plus the aliases of ES imports from a factory module
 * (`import { jsx as _jsx } from "react/jsx-runtime"`, `import h from "hyperscript"`).
 * Collected once per file so the call visitor can reject calls by name.
 */
export function collectFactoryNames(program: TSESTree.Program): ReadonlySet<string> {
  // Most files import no factory under another name: share the default set.
  let names: Set<string> | null = null;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !Object.hasOwn(ELEMENT_FACTORIES, statement.source.value)) continue;
    const factories = ELEMENT_FACTORIES[statement.source.value] ?? [];
    for (const specifier of statement.specifiers) {
      const imported =
        specifier.type === AST_NODE_TYPES.ImportSpecifier
          ? specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.imported.value
          : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : '*';
      if (factories.includes(imported) && !FACTORY_NAMES.has(specifier.local.name)) {
        names ??= new Set(FACTORY_NAMES);
        names.add(specifier.local.name);
      }
    }
  }
  return names ?? FACTORY_NAMES;
}

function isFactory(origin: { source: string; imported: string } | null): boolean {
  if (!origin || !Object.hasOwn(ELEMENT_FACTORIES, origin.source)) return false;
  return ELEMENT_FACTORIES[origin.source]?.includes(origin.imported) ?? false;
}

/**
 * Whether `callee` is one of the element factories: checked by name first
 * (`candidateNames`), then through the import it is bound to, so a local
 * function called `h` is not one.
 */
export function isElementFactoryCall(call: TSESTree.CallExpression, candidateNames: ReadonlySet<string>, getScope: () => Scope): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!candidateNames.has(callee.name)) return false;
    return isFactory(getImportOrigin(callee, getScope()));
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const method = getStaticPropertyName(callee);
    if (method === null || !FACTORY_NAMES.has(method)) return false;
    // `React.createElement`, `runtime.jsx`: the object is the whole module.
    const namespace = getImportOrigin(callee.object, getScope());
    if (!namespace || (namespace.imported !== '*' && namespace.imported !== 'default')) return false;
    return isFactory({ source: namespace.source, imported: method });
  }
  return false;
}
