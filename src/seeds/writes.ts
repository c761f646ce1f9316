import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { evaluateString, getConstantInit, getImportOrigin, unwrapExpression } from '../static';
import { sqlEffects } from '../sql/dml';
import { getProvenance, isDatabaseName, receiverName } from '../sql/provenance';
import { classifyTag, getCallSink, isSinkCandidate } from '../sql/sinks';
import { joinStaticString } from '../sql/source-map';
import { sqlExpressions } from '../sql/sql-arguments';
import { describeChain, readChain, type Chain } from './chains';
import type { FileFacts } from './file-facts';

type Scope = TSESLint.Scope.Scope;

/** Which library a write goes through: decides the fix the message proposes. */
export type Family = 'prisma' | 'knex' | 'sequelize' | 'typeorm' | 'drizzle' | 'kysely' | 'sql';

/** One call (or SQL tagged template) that writes rows. */
export interface SeedWrite {
  /** Where to report: the callee up to the write method, or the tag. */
  readonly node: TSESTree.Node;
  readonly call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  /** `prisma.user.create`, `knex('users').insert`, `INSERT INTO users`. */
  readonly label: string;
  /** The chain whose root is the client the write goes through. */
  readonly chain: Chain;
  readonly family: Family;
  /**
   * Sequelize: a write joins a transaction only through its options
   * (`{ transaction: t }`), at this argument index. Null for the others,
   * which join through the client they are called on.
   */
  readonly optionsIndex: number | null;
}

/** `BEGIN`/`COMMIT` through a SQL client, or TypeORM's `queryRunner.startTransaction()`/`commitTransaction()`. */
export interface TransactionControl {
  readonly call: TSESTree.CallExpression;
  readonly chain: Chain;
  readonly type: 'begin' | 'end';
}

const PRISMA_METHODS: ReadonlySet<string> = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);
/** knex query-builder writes (`upsert` is knex 3's; `onConflict().merge()` hangs off an `insert`). */
const KNEX_METHODS: ReadonlySet<string> = new Set(['insert', 'update', 'del', 'delete', 'upsert', 'truncate']);
/** Sequelize model statics, with the index of their options argument. */
const SEQUELIZE_MODEL_METHODS: Readonly<Record<string, number>> = {
  create: 1,
  bulkCreate: 1,
  update: 1,
  destroy: 0,
  upsert: 1,
  increment: 1,
  decrement: 1,
  truncate: 0,
  restore: 0,
};
/** Sequelize `queryInterface` bulk writes (what sequelize-cli seeders call), with their options index. */
const QUERY_INTERFACE_METHODS: Readonly<Record<string, number>> = { bulkInsert: 2, bulkUpdate: 3, bulkDelete: 2 };
const TYPEORM_METHODS: ReadonlySet<string> = new Set([
  'save',
  'insert',
  'update',
  'delete',
  'upsert',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'increment',
  'decrement',
  'clear',
]);
const KYSELY_METHODS: ReadonlySet<string> = new Set(['insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'replaceInto']);
/** drizzle's (and knex's, TypeORM manager's) writes called on the client itself. */
const DIRECT_METHODS: ReadonlySet<string> = new Set(['insert', 'update', 'delete']);
const REPOSITORY_CALLS: ReadonlySet<string> = new Set(['getRepository', 'getTreeRepository', 'getCustomRepository', 'withRepository']);
/** knex entry points that start a query on a table. */
const KNEX_TABLE_CALLS: ReadonlySet<string> = new Set(['table', 'from', 'into', 'queryBuilder', 'withSchema']);
const CONTROL_METHODS: Readonly<Record<string, 'begin' | 'end'>> = { startTransaction: 'begin', commitTransaction: 'end', rollbackTransaction: 'end' };
/** Raw methods that run writes whatever their (unreadable) text. */
const EXECUTE_RAW: ReadonlySet<string> = new Set(['$executeRaw', '$executeRawUnsafe']);
/** Globals whose `create`/`update`… are not database writes. */
const BUILTINS: ReadonlySet<string> = new Set(['Object', 'Array', 'Promise', 'Reflect', 'Map', 'Set', 'WeakMap', 'JSON', 'Math', 'Date', 'Symbol', 'Intl', 'React', 'URL', 'Buffer', 'Atomics']);
/** Packages whose `sql` tag builds a query without running it. */
const SQL_BUILDER_PACKAGES: readonly string[] = ['drizzle-orm', 'kysely', 'sql-template-strings', 'sql-template-tag', '@prisma/client', 'slonik'];

const CANDIDATE_METHODS: ReadonlySet<string> = new Set([
  ...PRISMA_METHODS,
  ...KNEX_METHODS,
  ...Object.keys(SEQUELIZE_MODEL_METHODS),
  ...Object.keys(QUERY_INTERFACE_METHODS),
  ...TYPEORM_METHODS,
  ...KYSELY_METHODS,
  ...Object.keys(CONTROL_METHODS),
]);

/** Cheap syntactic test: could this call write or control a transaction? No scope work. */
export function isWriteCandidate(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    if (CANDIDATE_METHODS.has(callee.property.name)) return true;
  }
  return isSinkCandidate(call);
}

function lastMember(chain: Chain): string | null {
  const last = chain.steps.at(-1);
  return last?.type === 'member' ? last.name : null;
}

/** Whether the chain's root is a database client: its name, its import, or a handle the caller already knows. */
function looksLikeClient(chain: Chain, scope: Scope): boolean {
  const root = chain.root;
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    const first = chain.steps[0];
    return first?.type === 'member' && isDatabaseName(first.name);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const provenance = getProvenance(root, scope);
  if (provenance === 'other') return false;
  return provenance === 'sql' || isDatabaseName(root.name);
}

function isRepositoryName(name: string | null): boolean {
  return name !== null && /(?:^repo|Repo|Repository|^manager|Manager|^em)$/.test(name);
}

/** `const repo = ds.getRepository(User)`, followed through constants. */
function isRepositoryRoot(chain: Chain, scope: Scope): boolean {
  if (chain.root.type !== AST_NODE_TYPES.Identifier) return false;
  const init = getConstantInit(chain.root, scope);
  if (!init) return false;
  const inner = readChain(init);
  return inner.steps.some((step) => step.type === 'member' && step.name !== null && REPOSITORY_CALLS.has(step.name));
}

/** The ORM write a call makes, or null. `scope` is the call's scope. */
export function readOrmWrite(call: TSESTree.CallExpression, scope: Scope, facts: FileFacts): SeedWrite | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const chain = readChain(callee);
  const method = lastMember(chain);
  if (method === null) return null;
  const offset = chain.root.type === AST_NODE_TYPES.ThisExpression && chain.steps[0]?.type === 'member' ? 1 : 0;
  const rest = chain.steps.slice(offset, -1);
  const end = chain.steps.length - 1;
  const make = (family: Family, optionsIndex: number | null = null, withCall = false): SeedWrite => ({
    node: callee,
    call,
    label: describeChain(chain, end, withCall) ,
    chain,
    family,
    optionsIndex,
  });

  if (Object.hasOwn(QUERY_INTERFACE_METHODS, method)) return make('sequelize', QUERY_INTERFACE_METHODS[method] ?? null);
  // Only Sequelize models have `bulkCreate`: `db[name].bulkCreate(rows)` too.
  if (method === 'bulkCreate' && getProvenance(chain.root, scope) !== 'other') return make('sequelize', 1);
  if (KYSELY_METHODS.has(method)) return rest.length === 0 && looksLikeClient(chain, scope) ? make('kysely', null, true) : null;

  const restHasRepository = rest.some((step) => step.type === 'member' && step.name !== null && REPOSITORY_CALLS.has(step.name));
  const restHasManager = rest.some((step) => step.type === 'member' && step.name === 'manager');
  const queryBuilder = rest.some((step) => step.type === 'member' && step.name === 'createQueryBuilder');
  if (queryBuilder) return DIRECT_METHODS.has(method) ? make('typeorm') : null;
  if (TYPEORM_METHODS.has(method) && (restHasRepository || restHasManager)) return make('typeorm');

  // `prisma.user.create(…)`, `db.User.create(…)` (Sequelize models hung off `db`).
  const [first] = rest;
  if (rest.length === 1 && first?.type === 'member' && first.name !== null && PRISMA_METHODS.has(method)) {
    if (!looksLikeClient(chain, scope) && !facts.prisma) return null;
    const sequelizeModel = /^[A-Z]/.test(first.name) && (facts.sequelize || facts.models) && !facts.prisma;
    return sequelizeModel ? make('sequelize', SEQUELIZE_MODEL_METHODS[method] ?? null) : make('prisma');
  }

  if (rest.length === 0) {
    const rootName = receiverName(chain.root.type === AST_NODE_TYPES.ThisExpression ? (chain.steps[0]?.node ?? chain.root) : chain.root);
    // Sequelize model statics: `User.bulkCreate(…)`.
    if (chain.root.type === AST_NODE_TYPES.Identifier && offset === 0 && /^[A-Z]/.test(chain.root.name) && !BUILTINS.has(chain.root.name) && Object.hasOwn(SEQUELIZE_MODEL_METHODS, method)) {
      if (getProvenance(chain.root, scope) === 'other') return null;
      const evidence = facts.sequelize || facts.models || method === 'bulkCreate';
      return evidence ? make('sequelize', SEQUELIZE_MODEL_METHODS[method] ?? null) : null;
    }
    // TypeORM repositories and entity managers: `userRepository.save(…)`, `manager.insert(User, …)`.
    if (TYPEORM_METHODS.has(method) && (isRepositoryName(rootName) || isRepositoryRoot(chain, scope))) return make('typeorm');
    // drizzle `db.insert(users)`, knex `knex.insert(rows).into('t')`.
    if (DIRECT_METHODS.has(method) && looksLikeClient(chain, scope)) {
      return make(facts.drizzle || !facts.knex ? 'drizzle' : 'knex', null, true);
    }
    return null;
  }

  // knex: `knex('users').insert(…)`, `trx('users').where(…).del()`, `knex.table('users').update(…)`.
  if (KNEX_METHODS.has(method)) {
    const [head, next] = rest;
    const startsQuery =
      head?.type === 'call' || (head?.type === 'member' && head.name !== null && KNEX_TABLE_CALLS.has(head.name) && next?.type === 'call');
    if (startsQuery && looksLikeClient(chain, scope)) return make('knex');
  }
  return null;
}

/** `queryRunner.startTransaction()` and its commit/rollback. */
export function readControlCall(call: TSESTree.CallExpression): TransactionControl | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const chain = readChain(callee);
  const method = lastMember(chain);
  if (method === null || !Object.hasOwn(CONTROL_METHODS, method)) return null;
  const type = CONTROL_METHODS[method];
  return type ? { call, chain: readChain(callee.object), type } : null;
}

/** What a SQL sink call runs: a write (one, however many statements: one query string is one round trip), a control, or nothing. */
export function readSqlCall(call: TSESTree.CallExpression, scope: Scope, facts: FileFacts): SeedWrite | TransactionControl | null {
  if (!isSinkCandidate(call)) return null;
  const sink = getCallSink(call, scope);
  if (!sink) return null;
  const callee = unwrapExpression(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? lastMember(readChain(callee)) : null;
  const chain = readChain(callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee);
  const effect = readSqlEffect(sqlExpressions(sink.argument, scope), scope, method !== null && EXECUTE_RAW.has(method));
  if (effect === null) return null;
  if (effect.type !== 'write') return { call, chain, type: effect.type };
  const family = sqlFamily(chain, method, facts);
  return {
    node: callee,
    call,
    label: effect.label,
    chain,
    family,
    optionsIndex: family === 'sequelize' ? 1 : null,
  };
}

/** A SQL tagged template that runs when awaited (postgres.js `sql\`…\``, Prisma `prisma.$executeRaw\`…\``). */
export function readSqlTag(node: TSESTree.TaggedTemplateExpression, scope: Scope): SeedWrite | null {
  const parent = node.parent;
  // `db.execute(sql\`…\`)`: the call is the write; `where(sql\`…\`)`: a fragment.
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node)) return null;
  if (parent.type === AST_NODE_TYPES.TemplateLiteral || parent.type === AST_NODE_TYPES.TaggedTemplateExpression) return null;
  if (classifyTag(node.tag, scope) !== 'sql') return null;
  const chain = readChain(node.tag);
  if (chain.root.type === AST_NODE_TYPES.Identifier && chain.steps.length === 0) {
    const origin = getImportOrigin(chain.root, scope);
    if (origin && SQL_BUILDER_PACKAGES.some((name) => origin.source === name || origin.source.startsWith(`${name}/`))) return null;
  }
  const method = chain.steps.length > 0 ? lastMember(chain) : null;
  const effect = readSqlEffect([node.quasi], scope, method !== null && EXECUTE_RAW.has(method));
  if (effect?.type !== 'write') return null;
  const clientChain = method === null ? chain : readChain((chain.steps.at(-1)?.node as TSESTree.MemberExpression).object);
  return { node: node.tag, call: node, label: effect.label, chain: clientChain, family: method === null ? 'sql' : 'prisma', optionsIndex: null };
}

type Effect = { type: 'write'; label: string } | { type: 'begin' } | { type: 'end' };

function readSqlEffect(expressions: readonly TSESTree.Node[], scope: Scope, executeRaw: boolean): Effect | null {
  let control: Effect | null = null;
  let readable = false;
  for (const expression of expressions) {
    const unwrapped = unwrapExpression(expression);
    const source = unwrapped.type === AST_NODE_TYPES.TaggedTemplateExpression ? unwrapped.quasi : expression;
    for (const alternative of evaluateString(source, scope)) {
      if (alternative.some((part) => part.type === 'text' && part.value.trim() !== '')) readable = true;
      for (const effect of sqlEffects(joinStaticString(alternative).text)) {
        if (effect.type === 'write') return effect;
        control ??= effect;
      }
    }
  }
  if (control) return control;
  // `$executeRawUnsafe(statement)` with text we cannot read: Prisma's API for writes.
  return executeRaw && !readable ? { type: 'write', label: '$executeRaw' } : null;
}

function sqlFamily(chain: Chain, method: string | null, facts: FileFacts): Family {
  if (method !== null && EXECUTE_RAW.has(method)) return 'prisma';
  const names = [chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : null, ...chain.steps.map((step) => (step.type === 'member' ? step.name : null))];
  const lower = names.filter((name): name is string => name !== null).map((name) => name.toLowerCase());
  if (lower.some((name) => name === 'sequelize' || name === 'queryinterface')) return 'sequelize';
  if (lower.some((name) => name === 'knex' || name === 'trx') || (method === 'raw' && facts.knex)) return 'knex';
  if (lower.some((name) => name === 'queryrunner' || name === 'manager' || name === 'datasource')) return 'typeorm';
  return 'sql';
}
