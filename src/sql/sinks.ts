import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName, unwrapExpression } from '../static';
import { getProvenance, isDatabaseName, receiverName } from './provenance';

type Scope = TSESLint.Scope.Scope;

/**
 * How sure we are that a string is run as SQL:
 * - `sql`: a SQL tag or a method of a database handle (import provenance or a
 *   database-like name) — every DDL statement counts;
 * - `maybe`: a generic method (`query`, `execute`, `exec`, `prepare`)
 *   on an object we know nothing about — DDL counts unless it reads like prose.
 */
export type SinkStrength = 'sql' | 'maybe';

/** Methods that only SQL clients have. */
const SQL_ONLY_METHODS: ReadonlySet<string> = new Set(['$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe']);

/** Methods that run their first argument as SQL when called on a database handle. */
const RUN_METHODS: ReadonlySet<string> = new Set([
  'query', // pg, mysql, mysql2, Sequelize, TypeORM, slonik, @vercel/postgres, Neon
  'execute', // mysql2, Drizzle, MikroORM `em.execute`, libsql
  'exec', // better-sqlite3, node:sqlite, sqlite3
  'run', // sqlite3, Bun
  'prepare', // better-sqlite3, node:sqlite
  'raw', // knex `raw` and `schema.raw`, Drizzle and Kysely `sql.raw`
  'unsafe', // postgres.js, Bun.sql
  'none', // pg-promise
  'any',
  'many',
  'one',
  'oneOrNone',
  'manyOrNone',
  'multi',
  'batch', // libsql (array of statements)
  'executeMultiple', // libsql
  'executeRaw',
]);

/** Methods too generic to mean SQL on an unknown object. */
const HANDLE_ONLY_METHODS: ReadonlySet<string> = new Set(['raw', 'unsafe', 'any', 'one', 'many', 'none', 'multi', 'batch', 'run']);

/** Tags that run (or build) SQL. */
const SQL_TAG_NAMES: ReadonlySet<string> = new Set(['sql', 'SQL', 'ddl', 'DDL', ...SQL_ONLY_METHODS]);

/**
 * Every name a sink call can have (`sql(…)`, `x.query(…)`): a call by any other
 * name (`calleeName`) is no sink, and `isSinkCandidate` need not run.
 */
export const SINK_CALLEE_NAMES: ReadonlySet<string> = new Set([...SQL_TAG_NAMES, ...RUN_METHODS]);

/** Tags that say the template is something else: it is never read as SQL. */
const NON_SQL_TAGS: ReadonlySet<string> = new Set([
  'gql',
  'graphql',
  'html',
  'css',
  'svg',
  'md',
  'markdown',
  'keyframes',
  'createGlobalStyle',
  'injectGlobal',
  'styled',
  't',
  'msg',
  'i18n',
  'trans',
]);

export type TagKind = SinkStrength | 'other' | 'unknown';

/** What a tagged template's tag says about its text. */
export function classifyTag(tag: TSESTree.Node, scope: Scope): TagKind {
  const node = unwrapExpression(tag);
  const name = tagName(node);
  // `styled.div`, `styled(Button)`, `css`…: a style or markup template.
  if (name !== null && NON_SQL_TAGS.has(name)) return 'other';
  const root = rootIdentifier(node);
  if (root !== null && NON_SQL_TAGS.has(root)) return 'other';
  if (name !== null && SQL_TAG_NAMES.has(name)) return 'sql';
  // `const db = postgres(url); db\`…\`` and `import { sql as q } from 'drizzle-orm'`.
  const provenance = getProvenance(node, scope);
  if (provenance === 'sql') return 'sql';
  if (provenance === 'other') return 'other';
  return 'unknown';
}

/**
 * Cheap syntactic test run before `getCallSink`: only calls like `sql(…)` or
 * `x.query(…)`/`x.$executeRaw(…)` can be sinks, so most calls need no scope work.
 */
export function isSinkCandidate(call: TSESTree.CallExpression): boolean {
  // A sink reads its first argument: `db.selectFrom('t').execute()` runs SQL, but none written here.
  if (call.arguments.length === 0) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return SQL_TAG_NAMES.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  return method !== null && (RUN_METHODS.has(method) || SQL_ONLY_METHODS.has(method));
}

/** The call's SQL-carrying argument and how sure we are, or null when the call is not a SQL sink. */
export function getCallSink(call: TSESTree.CallExpression, scope: Scope): { strength: SinkStrength; argument: TSESTree.Node } | null {
  const argument = call.arguments[0];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const callee = unwrapExpression(call.callee);
  // Neon's `sql('…')`. Only by name: resolving every plain call's origin would cost too much.
  if (callee.type === AST_NODE_TYPES.Identifier) return SQL_TAG_NAMES.has(callee.name) ? { strength: 'sql', argument } : null;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  if (method === null) return null;
  const receiver = unwrapExpression(callee.object);
  if (SQL_ONLY_METHODS.has(method)) return { strength: 'sql', argument };
  if (!RUN_METHODS.has(method)) return null;
  // `/re/.exec(s)`, `"…".exec`: never SQL.
  if (receiver.type === AST_NODE_TYPES.Literal || receiver.type === AST_NODE_TYPES.TemplateLiteral) return null;
  const provenance = getProvenance(receiver, scope);
  if (provenance === 'other') return null;
  if (provenance === 'sql' || isDatabaseName(receiverName(receiver)) || isSchemaReceiver(receiver)) {
    return { strength: 'sql', argument };
  }
  if (HANDLE_ONLY_METHODS.has(method)) return null;
  return { strength: 'maybe', argument };
}

/** `knex.schema.raw(…)`, `db.schema.raw`. */
function isSchemaReceiver(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(node) === 'schema';
}

/** The last name of a tag: `sql`, `Prisma.sql` → `sql`, `sql<T>` → `sql`, `styled.div` → `div`. */
function tagName(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(node);
  return null;
}

/** `styled` for `styled.div`, `styled(Button)`, `styled.div.attrs(…)`. */
function rootIdentifier(node: TSESTree.Node): string | null {
  let current = node;
  for (;;) {
    current = unwrapExpression(current);
    if (current.type === AST_NODE_TYPES.Identifier) return current.name;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else return null;
  }
}
