import { AST_NODE_TYPES as NodeTypes, AST_TOKEN_TYPES as TokenTypes, ASTUtils, TSESLint } from '@typescript-eslint/utils';

/*
 * typescript-eslint's enums, read once when the plugin loads. Its packages
 * re-export them through property getters (`@typescript-eslint/utils` →
 * `typescript-estree` → `types`), and a bundled `import { AST_NODE_TYPES }`
 * stays a live binding, so every `AST_NODE_TYPES.X` in a rule cost a chain of
 * getter calls: on a 4,200-file Next.js monorepo that was about a sixth of the
 * link rule's time. Import these from here, never from the package.
 */
export const AST_NODE_TYPES: typeof NodeTypes = NodeTypes;
export const AST_TOKEN_TYPES: typeof TokenTypes = TokenTypes;
export const DefinitionType: typeof TSESLint.Scope.DefinitionType = TSESLint.Scope.DefinitionType;
export const ScopeType: typeof TSESLint.Scope.ScopeType = TSESLint.Scope.ScopeType;
export const findVariable: typeof ASTUtils.findVariable = ASTUtils.findVariable;
export const getStaticValue: typeof ASTUtils.getStaticValue = ASTUtils.getStaticValue;

/**
 * The scope a file's top-level bindings live in: the module scope (of a
 * module, or of a Vue or Svelte component's script), CommonJS's wrapper
 * function (`globalReturn`), else the global scope of a script. Null without
 * a scope analysis.
 */
export function topLevelScope(scopeManager: TSESLint.Scope.ScopeManager | null | undefined): TSESLint.Scope.Scope | null {
  const global = scopeManager?.globalScope ?? null;
  if (global === null) return null;
  for (const child of global.childScopes) if (child.type === ScopeType.module || child.block === global.block) return child;
  return global;
}
