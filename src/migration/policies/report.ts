/**
 * Small pieces every migration policy needs: where a finding on part of a
 * statement is reported, a short label for the part, which way a builder
 * call's step runs, and the dialect/version gate.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { outermostFunction } from '../../migration-runners/migration-functions';
import { HOLE_CHAR } from '../../sql/lexer';
import { getConfiguredDialect } from '../../settings';
import type { Direction, MigrationStatement } from '../model';

interface SourceLike {
  getLocFromIndex(index: number): TSESTree.Position;
}

/** The location of `text[start, end)` in the linted file, or the statement's own location when that part is not verbatim there. */
export function partLoc(statement: MigrationStatement, start: number, end: number, sourceCode: SourceLike): TSESTree.SourceLocation {
  const from = statement.sourceIndex(start);
  const to = end > start ? statement.sourceIndex(end - 1) : null;
  if (from === null || to === null || to < from) return statement.loc;
  return { start: sourceCode.getLocFromIndex(from), end: sourceCode.getLocFromIndex(to + 1) };
}

/** Longest label a message shows. */
const MAX_LABEL = 70;

/** `text[start, end)` with whitespace collapsed, holes as `${…}`, cut to a message-sized label. */
export function label(text: string, start: number, end: number): string {
  const part = text.slice(start, end).split(HOLE_CHAR).join('${…}').replace(/\s+/g, ' ').trim();
  return part.length > MAX_LABEL ? `${part.slice(0, MAX_LABEL - 1)}…` : part;
}

/** Names of rollback steps: `down()` (every runner), `revert` / `rollback` (hand-written runners). */
const DOWN_NAMES: ReadonlySet<string> = new Set(['down', 'revert', 'rollback']);
const UP_NAMES: ReadonlySet<string> = new Set(['up', 'migrate', 'apply']);

/** The name a function is known by: its id, the key or variable it is assigned to. */
function functionName(fn: TSESTree.FunctionLike): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if ((parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition) && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.property.type === AST_NODE_TYPES.Identifier) {
    return parent.left.property.name;
  }
  return null;
}

/** Which way the step around `node` runs: `down` inside `down()`/`revert`, `up` inside `up()`, else null. */
export function directionOf(node: TSESTree.Node): Direction | null {
  const step = outermostFunction(node);
  if (!step) return null;
  const name = functionName(step);
  if (name !== null && DOWN_NAMES.has(name)) return 'down';
  if (name !== null && UP_NAMES.has(name)) return 'up';
  return null;
}

/** The migration rules judge PostgreSQL: on another configured dialect they stay silent. */
export function isPostgres(settings: Readonly<Record<string, unknown>>): boolean {
  return getConfiguredDialect(settings) === 'postgres';
}
