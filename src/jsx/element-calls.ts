import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, findVariable, topLevelScope } from '../util/ast';
import {
  getImportOrigin,
  getStaticPropertyName,
  getVariableImportOrigin,
  moduleExportName,
  outermostWrapper,
  requiredModule,
  unwrapExpression,
  writtenStringText,
} from '../static';
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

/** Whether a module exports element factories (`react`, `hyperscript`, …). */
function isFactoryModule(source: string | null): boolean {
  return source !== null && FACTORIES_BY_MODULE.has(source);
}

const NO_BINDINGS: readonly TSESTree.Node[] = [];

/**
 * The bindings of a top-level statement that hold a whole factory module:
 * `import React from "react"`, `import * as runtime from "react/jsx-runtime"`,
 * `import { default as R } from "react"`, `import h = require("hyperscript")`.
 * The module is read first: most imports are of other modules.
 */
function wholeFactoryImports(statement: TSESTree.ProgramStatement): readonly TSESTree.Node[] {
  if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = statement.moduleReference;
    return reference.type === AST_NODE_TYPES.TSExternalModuleReference && isFactoryModule(reference.expression.value) ? [statement] : NO_BINDINGS;
  }
  if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !isFactoryModule(statement.source.value)) return NO_BINDINGS;
  return statement.specifiers.filter(
    (specifier) => specifier.type !== AST_NODE_TYPES.ImportSpecifier || moduleExportName(specifier.imported) === 'default',
  );
}

/**
 * The names a file binds, at any depth, from a whole element-factory module:
 * `const e = React.createElement`, `const { jsx: j } = require("react/jsx-runtime")`,
 * `const h = require("hyperscript")`, `const { default: R } = require("react")`
 * and what is taken from `R` in turn: the shapes `getImportOrigin` follows.
 * Found from the module's uses, not from a walk of the file: each `require`
 * of a factory module, and each reference to a top-level namespace or
 * default import of one. A superset: a name here is only worth resolving, and
 * the call is resolved through its own scope afterwards.
 */
function factoryAliasNames(scopeManager: TSESLint.Scope.ScopeManager, top: Scope): Set<string> {
  const names = new Set<string>();
  /** `module` evaluates to a whole factory module (or its default export): record what is bound from it. */
  const visit = (module: TSESTree.Node, depth: number): void => {
    const expression = outermostWrapper(module);
    const parent = expression.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === expression) {
      // `const x = M.createElement`; `const R = M.default` is a whole module again.
      const member = outermostWrapper(parent);
      const declarator = member.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init === member) {
        names.add(declarator.id.name);
        if (getStaticPropertyName(parent) === 'default') visitBinding(declarator, depth);
      }
      return;
    }
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== expression) return;
    if (parent.id.type === AST_NODE_TYPES.Identifier) {
      // `const x = require(m)`: a whole module bound to a name (`const x = M` is no alias `getImportOrigin` reads).
      if (expression.type !== AST_NODE_TYPES.Identifier) {
        names.add(parent.id.name);
        visitBinding(parent, depth);
      }
      return;
    }
    if (parent.id.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of parent.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type !== AST_NODE_TYPES.Identifier) continue;
      names.add(value.name);
      if (getStaticPropertyName(property) === 'default') visitBinding(parent, depth);
    }
  };
  /** The references to the names a declarator binds from a whole module. */
  const visitBinding = (declarator: TSESTree.VariableDeclarator, depth: number): void => {
    if (depth >= 4) return;
    for (const variable of scopeManager.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) if (reference.identifier !== declarator.id) visit(reference.identifier, depth + 1);
    }
  };

  const global = scopeManager.globalScope;
  // `require` is either unresolved (a module without Node's globals) or a configured global; the
  // references carry the name as the parser read it, escapes (`req\u0075ire`) included.
  if (global) {
    const visitRequire = (reference: TSESLint.Scope.Reference): void => {
      const call = reference.identifier.parent;
      if (reference.identifier.name === 'require' && call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) {
        if (isFactoryModule(requiredModule(call))) visit(call, 0);
      }
    };
    global.through.forEach(visitRequire);
    global.set.get('require')?.references.forEach(visitRequire);
  }
  // Imports are top-level statements: reading the statements skips every other top-level name.
  const program = top.block;
  if (program.type === AST_NODE_TYPES.Program) {
    for (const statement of program.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration && statement.type !== AST_NODE_TYPES.TSImportEqualsDeclaration) continue;
      for (const binding of wholeFactoryImports(statement)) {
        for (const variable of scopeManager.getDeclaredVariables(binding)) {
          for (const reference of variable.references) visit(reference.identifier, 0);
        }
      }
    }
  }
  return names;
}

/** What the module scope says of a name: bound to a factory, bound to something else, or not bound there. */
type TopLevelAnswer = 'factory' | 'other' | 'free';

/**
 * Per-file lookups of `isElementFactoryCall`: one object per file rather than
 * a closure per call, with the answers kept per name.
 */
export class FactoryLookup {
  private answers: Map<string, TopLevelAnswer> | null = null;
  private top: Scope | null | undefined = undefined;
  private aliases: Set<string> | null = null;

  constructor(readonly sourceCode: FactorySourceCode) {}

  private topLevelAnswer(name: string): TopLevelAnswer {
    let known = this.answers?.get(name);
    if (known !== undefined) return known;
    if (this.top === undefined) this.top = topLevelScope(this.sourceCode.scopeManager);
    // No scope analysis to read: the resolution of the call decides alone.
    if (this.top === null) return 'factory';
    const variable = findVariable(this.top, name);
    known = variable === null ? 'free' : isFactory(getVariableImportOrigin(variable, this.top)) ? 'factory' : 'other';
    (this.answers ??= new Map()).set(name, known);
    return known;
  }

  /**
   * Whether the file's top-level binding of `name` is an element factory: an
   * ES import of one (`import { jsx as _jsx } from "react/jsx-runtime"`,
   * `import h from "hyperscript"`), TypeScript's `import h =
   * require("hyperscript")`, or a constant taken from a whole factory module
   * (`const e = React.createElement`, React's own pattern for code without JSX;
   * `const { jsx: j } = require("react/jsx-runtime")`), as `getImportOrigin`
   * reads them. Answered once per name and file, from the module scope,
   * without reading the rest of the file.
   */
  isTopLevelFactory(name: string): boolean {
    return this.topLevelAnswer(name) === 'factory';
  }

  /**
   * Whether a call of `name` may call an element factory, asked only for a
   * callee that may create a link and is not itself named like a factory: a
   * top-level factory (`isTopLevelFactory`), or a name the top level does not
   * bind that a function binds from a whole factory module (`function Page()
   * { const e = React.createElement; e(tag, props) }`), found once per file
   * from the module's uses (`factoryAliasNames`). A name the top level binds
   * to something else (an imported `cn`, a local helper) is taken to be that
   * everywhere: a function that shadows it with a factory is missed unless
   * the call writes its tag as `a`/`area` (`namesAnchorTag`), which is
   * resolved whatever the callee is named. The call is still resolved
   * through its own scope afterwards, so a local function that shadows a
   * factory's name is not one either.
   */
  mayNameFactory(name: string): boolean {
    const answer = this.topLevelAnswer(name);
    if (answer !== 'free') return answer === 'factory';
    const top = this.top;
    const scopeManager = this.sourceCode.scopeManager;
    if (!top || !scopeManager) return false;
    return (this.aliases ??= factoryAliasNames(scopeManager, top)).has(name);
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
    if (!FACTORY_NAMES.has(callee.name) && !namesAnchorTag(call.arguments[0]) && !file.mayNameFactory(callee.name)) return false;
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
