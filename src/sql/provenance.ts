import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getConstantInit, getImportOrigin, unwrapExpression } from '../static';

type Scope = TSESLint.Scope.Scope;

/** Packages (or package prefixes ending in `/`) whose objects run SQL. */
const SQL_PACKAGES: readonly string[] = [
  'pg',
  'pg-pool',
  'pg-promise',
  'postgres',
  '@vercel/postgres',
  '@neondatabase/serverless',
  'slonik',
  'knex',
  '@prisma/client',
  'typeorm',
  'sequelize',
  'sequelize-typescript',
  '@sequelize/',
  'drizzle-orm',
  'kysely',
  '@mikro-orm/',
  'mysql',
  'mysql2',
  'mariadb',
  'better-sqlite3',
  'sqlite',
  'sqlite3',
  'bun:sqlite',
  'bun',
  '@libsql/',
  '@planetscale/database',
  '@databases/',
  '@electric-sql/pglite',
  'mssql',
  'tedious',
  'oracledb',
  'duckdb',
  'sql-template-strings',
  'sql-template-tag',
];

/** Packages whose `query`/`exec`/`execute` are something else entirely. */
const NON_SQL_PACKAGES: readonly string[] = [
  'child_process',
  'execa',
  'shelljs',
  'graphql',
  '@apollo/',
  'urql',
  '@urql/',
  'graphql-request',
  '@tanstack/',
  'mongodb',
  'mongoose',
  '@elastic/',
  'redis',
  'ioredis',
  'axios',
];

function matches(list: readonly string[], source: string): boolean {
  const bare = source.startsWith('node:') ? source.slice(5) : source;
  return list.some((entry) => (entry.endsWith('/') ? bare.startsWith(entry) : bare === entry || bare.startsWith(`${entry}/`)));
}

export type Provenance = 'sql' | 'other' | 'unknown';

/** How far we follow `const db = drizzle(pool)`, `const pool = new Pool()`… */
const MAX_HOPS = 8;

/**
 * Where the object an expression evaluates to comes from: `sql` when it is
 * built from a SQL driver or ORM import (`new Client()` from `pg`, `postgres()`,
 * `await pool.connect()`), `other` when from a package known to be something
 * else (`child_process`, GraphQL clients), `unknown` otherwise.
 */
export function getProvenance(node: TSESTree.Node, scope: Scope): Provenance {
  let current: TSESTree.Node = node;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    current = unwrapExpression(current);
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      case AST_NODE_TYPES.MemberExpression:
        current = current.object;
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        current = current.callee;
        break;
      case AST_NODE_TYPES.Identifier: {
        const origin = getImportOrigin(current, scope);
        if (origin) {
          if (matches(SQL_PACKAGES, origin.source)) return 'sql';
          if (matches(NON_SQL_PACKAGES, origin.source)) return 'other';
          return 'unknown';
        }
        const init = getConstantInit(current, scope);
        if (!init) return 'unknown';
        current = init;
        break;
      }
      default:
        return 'unknown';
    }
  }
  return 'unknown';
}

/** The name code uses for an object: `db` for `db`, `this.db`, `ctx.db`, `getDb()`. */
export function receiverName(node: TSESTree.Node): string | null {
  const current = unwrapExpression(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return current.name;
    case AST_NODE_TYPES.MemberExpression:
      return current.property.type === AST_NODE_TYPES.Identifier ? current.property.name : null;
    case AST_NODE_TYPES.CallExpression:
      return receiverName(current.callee);
    case AST_NODE_TYPES.AwaitExpression:
      return receiverName(current.argument);
    default:
      return null;
  }
}

/** Names code gives database handles, compared in lower case after dropping `_`. */
const DB_NAMES: ReadonlySet<string> = new Set([
  'db',
  'database',
  'client',
  'pool',
  'conn',
  'connection',
  'knex',
  'trx',
  'tx',
  'transaction',
  'sql',
  'sequelize',
  'prisma',
  'datasource',
  'manager',
  'entitymanager',
  'em',
  'queryrunner',
  'orm',
  'pg',
  'mysql',
  'sqlite',
  'libsql',
  'turso',
  'neon',
  'kysely',
  'drizzle',
  'slonik',
  'postgres',
  'getdb',
  'getclient',
  'getpool',
  'getconnection',
  'getknex',
  'getmanager',
  'getrepository',
]);

/** Suffixes of camel-cased handle names: `pgClient`, `readDb`, `adminPool`, `dbConn`. */
const DB_SUFFIXES: readonly string[] = ['db', 'database', 'pool', 'conn', 'connection', 'knex', 'sql', 'prisma', 'sequelize', 'datasource', 'queryrunner', 'trx'];

/** Whether `name` is what a database handle is conventionally called. */
export function isDatabaseName(name: string | null): boolean {
  if (name === null) return false;
  const lower = name.replace(/_/g, '').toLowerCase();
  if (DB_NAMES.has(lower)) return true;
  // Suffix only after a camel-case or snake-case boundary: `pgClient` and `read_db`, not `feedback`.
  return DB_SUFFIXES.some((suffix) => {
    if (!lower.endsWith(suffix) || lower.length === suffix.length) return false;
    const boundary = name.length - suffix.length;
    const atBoundary = name[boundary - 1] === '_' || name[boundary] === name[boundary]?.toUpperCase();
    return atBoundary;
  }) || /(?:^|[a-z_])(?:pg|sql|db)Client$/i.test(name);
}
