import type { TSESTree } from '@typescript-eslint/utils';
import { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, DefinitionType, findVariable } from '../util/ast';
import { getStaticPropertyName, writtenStringText } from './resolve';
import { unwrapExpression } from './unwrap';

type Scope = TSESLint.Scope.Scope;

/** The module a local binding comes from, and under which exported name. */
export interface ImportOrigin {
  /** Module specifier as written: `react`, `pg`, `@prisma/client`. */
  readonly source: string;
  /** Exported name; `default` for default imports, `*` for the whole module (namespace import, `require`). */
  readonly imported: string;
}

/** The module of `require("m")` (possibly wrapped in TS assertions), or null. */
export function requiredModule(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  const call = unwrapExpression(node);
  if (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments.length === 1
  ) {
    return writtenStringText(call.arguments[0]);
  }
  return null;
}

/** The name an import or export specifier gives: `x` in `{ x }`, `a-b` in `{ "a-b" as y }`. */
export function moduleExportName(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.value;
}

/** The property name an identifier is bound to inside an object pattern: `{ a: b }` -> `a`. */
function patternKeyFor(pattern: TSESTree.ObjectPattern, binding: TSESTree.Identifier): string | null {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    let value = property.value;
    if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
    if (value === binding) return getStaticPropertyName(property);
  }
  return null;
}

function originOf(identifier: TSESTree.Identifier, scope: Scope, depth: number): ImportOrigin | null {
  if (depth > 4) return null;
  const variable = findVariable(scope, identifier);
  return variable === null ? null : originOfVariable(variable, scope, depth);
}

function originOfVariable(variable: TSESLint.Scope.Variable, scope: Scope, depth: number): ImportOrigin | null {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return null;

  if (def.type === DefinitionType.ImportBinding) {
    // `import pg = require("pg")`: TypeScript's CommonJS import, the whole module (`import y = N.x` names no module).
    if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = def.node.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? { source: reference.expression.value, imported: '*' } : null;
    }
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const source = declaration.source.value;
    const specifier = def.node;
    switch (specifier.type) {
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return { source, imported: 'default' };
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return { source, imported: '*' };
      case AST_NODE_TYPES.ImportSpecifier:
        return { source, imported: moduleExportName(specifier.imported) };
      default:
        return null;
    }
  }

  if (def.type === DefinitionType.Variable) {
    const declarator = def.node;
    if (def.parent.kind !== 'const' && variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) {
      return null;
    }
    const init = declarator.init ? unwrapExpression(declarator.init) : null;
    if (!init) return null;
    // `const x = require("m")` / `const { a: x } = require("m")`
    const required = requiredModule(init);
    if (required !== null) {
      if (declarator.id === def.name) return { source: required, imported: '*' };
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        const key = patternKeyFor(declarator.id, def.name);
        return key === null ? null : { source: required, imported: key };
      }
      return null;
    }
    // `const { Client } = pg` where `pg` is itself a whole-module binding.
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && init.type === AST_NODE_TYPES.Identifier) {
      const parent = originOf(init, scope, depth + 1);
      if (parent && (parent.imported === '*' || parent.imported === 'default')) {
        const key = patternKeyFor(declarator.id, def.name);
        return key === null ? null : { source: parent.source, imported: key };
      }
    }
    // `const pg = require("pg").default` or `const Client = pg.Client`
    if (declarator.id === def.name && init.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticPropertyName(init);
      const object = unwrapExpression(init.object);
      const parent =
        object.type === AST_NODE_TYPES.Identifier
          ? originOf(object, scope, depth + 1)
          : requiredModule(object) !== null
            ? { source: requiredModule(object) as string, imported: '*' }
            : null;
      if (name !== null && parent && (parent.imported === '*' || parent.imported === 'default')) {
        return { source: parent.source, imported: name === 'default' ? 'default' : name };
      }
    }
  }
  return null;
}

/**
 * Where a local binding was imported from: ES imports, `require` (and
 * TypeScript's `import x = require()`), destructured `require`, and one level
 * of destructuring/member access of a module binding.
 * Null for anything local or unknown.
 */
export function getImportOrigin(identifier: TSESTree.Identifier, scope: Scope): ImportOrigin | null {
  return originOf(identifier, scope, 0);
}

/**
 * `getImportOrigin` for a variable already found, such as one looked up by
 * name in the module scope; `scope` is where names in its initialiser
 * (`React` in `const e = React.createElement`) are resolved from.
 */
export function getVariableImportOrigin(variable: TSESLint.Scope.Variable, scope: Scope): ImportOrigin | null {
  return originOfVariable(variable, scope, 0);
}
