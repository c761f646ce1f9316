import { COLUMNS, LOG_LINES, NOUNS, TABLES, UI_LABELS, camel, pascal } from './vocabulary.mjs';

/**
 * TypeScript modules of a backend: many strings (log lines, errors, labels,
 * config), SQL at every kind of sink `no-adhoc-ddl` knows (pg, postgres.js,
 * Prisma, knex, TypeORM, Sequelize, mysql2, better-sqlite3, Drizzle), schema
 * APIs, and the DDL that belongs in migrations — in scripts and migrations.
 */

const columns = (rng, count) => {
  const chosen = new Set();
  while (chosen.size < count) chosen.add(rng.pick(COLUMNS));
  return [...chosen].join(', ');
};

/** A read or write query: what almost every SQL string in an application is. */
function dmlText(rng, table) {
  return rng.weighted([
    [5, `SELECT ${columns(rng, rng.int(2, 5))} FROM ${table} WHERE id = $1`],
    [2, `SELECT count(*) AS total FROM ${table} WHERE status = $1 AND deleted_at IS NULL`],
    [2, `INSERT INTO ${table} (${columns(rng, 3)}) VALUES ($1, $2, $3) RETURNING id`],
    [2, `UPDATE ${table} SET status = $2, updated_at = now() WHERE id = $1`],
    [1, `DELETE FROM ${table} WHERE expires_at < now() - interval '30 days'`],
    [1, `SELECT t.id, t.name FROM ${table} t JOIN teams ON teams.id = t.team_id -- join on the owner\nWHERE t.created_at > $1\nORDER BY t.created_at DESC\nLIMIT 50`],
  ]);
}

/** Schema changes: the rule's target. In application code they are the bugs to find. */
function ddlText(rng, table) {
  return rng.weighted([
    [3, `CREATE TABLE IF NOT EXISTS ${table}_archive (id uuid PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz DEFAULT now())`],
    [3, `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${rng.pick(COLUMNS)}_v2 text`],
    [2, `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${table}_${rng.pick(COLUMNS)}_idx ON ${table} (${rng.pick(COLUMNS)})`],
    [2, `TRUNCATE ${table} RESTART IDENTITY CASCADE`],
    [1, `DROP TABLE IF EXISTS ${table}_tmp`],
    [1, `GRANT SELECT ON ${table} TO reporting`],
    [1, `/* backfill */ CREATE TEMP TABLE ${table}_stage (LIKE ${table} INCLUDING ALL)`],
  ]);
}

const quote = (text) => (text.includes('\n') ? `\`${text}\`` : `'${text.replace(/'/g, "\\'")}'`);

/** One function that talks to the database through a sink drawn by weight. */
function dataFunction(rng, parts, index, sqlFor) {
  const table = rng.pick(TABLES);
  const noun = camel(table.replace(/s$/, ''));
  const fn = `${rng.pick(['find', 'list', 'save', 'update', 'remove', 'count'])}${pascal(noun)}${index}`;
  const text = sqlFor(rng, table);
  const sink = rng.weighted([
    [6, 'pg'], [3, 'pgTemplate'], [3, 'postgres'], [2, 'prisma'], [3, 'knex'], [1, 'knexRaw'],
    [1, 'typeorm'], [1, 'sequelize'], [1, 'mysql'], [1, 'sqlite'], [1, 'drizzle'], [1, 'constant'],
    [1, 'queryConfig'], [1, 'joined'],
  ]);
  switch (sink) {
    case 'pg':
      parts.useDb('pg');
      return `export async function ${fn}(id: string) {\n  const { rows } = await pool.query(${quote(text)}, [id]);\n  return rows;\n}`;
    case 'pgTemplate':
      parts.useDb('pg');
      return `export async function ${fn}(id: string, schema = 'public') {\n  const result = await pool.query(\`${text.replace(` ${table}`, ` \${schema}.${table}`)}\`, [id]);\n  return result.rows;\n}`;
    case 'postgres':
      parts.useDb('postgres');
      return `export async function ${fn}(id: string) {\n  return sql\`${text.replace('$1', '${id}').replace(/\$\d/g, '${id}')}\`;\n}`;
    case 'prisma':
      parts.useDb('prisma');
      return `export async function ${fn}(id: string) {\n  return prisma.$queryRaw\`${text.replace(/\$\d/g, '${id}')}\`;\n}`;
    case 'knex':
      parts.useDb('knex');
      return `export async function ${fn}(id: string) {\n  return db('${table}').where({ id }).select('${rng.pick(COLUMNS)}', '${rng.pick(COLUMNS)}').orderBy('created_at', 'desc');\n}`;
    case 'knexRaw':
      parts.useDb('knex');
      return `export async function ${fn}(id: string) {\n  return db.raw(${quote(text.replace(/\$\d/g, '?'))}, [id]);\n}`;
    case 'typeorm':
      parts.useDb('typeorm');
      return `export async function ${fn}(id: string) {\n  return dataSource.query(${quote(text)}, [id]);\n}`;
    case 'sequelize':
      parts.useDb('sequelize');
      return `export async function ${fn}(id: string) {\n  return sequelize.query(${quote(text.replace(/\$\d/g, ':id'))}, { replacements: { id } });\n}`;
    case 'mysql':
      parts.useDb('mysql');
      return `export async function ${fn}(id: string) {\n  const [rows] = await connection.execute(${quote(text.replace(/\$\d/g, '?'))}, [id]);\n  return rows;\n}`;
    case 'sqlite':
      parts.useDb('sqlite');
      return `export function ${fn}(id: string) {\n  return sqlite.prepare(${quote(text.replace(/\$\d/g, '?'))}).all(id);\n}`;
    case 'drizzle':
      parts.useDb('drizzle');
      return `export async function ${fn}(id: string) {\n  return drizzleDb.execute(dsql\`${text.replace(/\$\d/g, '${id}')}\`);\n}`;
    case 'constant': {
      parts.useDb('pg');
      const name = `${noun.toUpperCase()}_QUERY_${index}`;
      return `const ${name} = ${quote(text)};\n\nexport async function ${fn}(id: string) {\n  return (await pool.query(${name}, [id])).rows;\n}`;
    }
    case 'queryConfig':
      parts.useDb('pg');
      return `export async function ${fn}(id: string) {\n  return pool.query({ name: '${fn}', text: ${quote(text)}, values: [id] });\n}`;
    default: {
      parts.useDb('pg');
      const words = text.split(' ');
      const middle = Math.ceil(words.length / 2);
      return `export async function ${fn}(id: string) {\n  const text = [${quote(words.slice(0, middle).join(' '))}, ${quote(words.slice(middle).join(' '))}].join(' ');\n  return pool.query(text, [id]);\n}`;
    }
  }
}

/** Code with strings and no SQL: logging, errors, labels, config, HTTP. */
function plainFunction(rng, parts, index) {
  const noun = rng.pick(NOUNS);
  const fn = `${rng.pick(['handle', 'build', 'validate', 'notify', 'format', 'sync'])}${pascal(noun)}${index}`;
  return rng.weighted([
    [3, () => {
      parts.useLogger();
      return `export function ${fn}(id: string, attempt = 0): void {\n  logger.info(\`${rng.pick(LOG_LINES)} ${noun} \${id}\`, { attempt });\n  if (attempt > 3) {\n    logger.warn('${rng.pick(LOG_LINES)} ${noun}; giving up');\n    throw new Error(\`Could not ${rng.pick(['create', 'drop', 'alter', 'update'])} ${noun} \${id}: too many attempts\`);\n  }\n}`;
    }],
    [2, () => `export const ${camel(noun)}Labels${index} = {\n  title: '${rng.pick(UI_LABELS)}',\n  empty: 'No ${noun}s found',\n  action: '${rng.pick(UI_LABELS)}',\n  confirm: \`${rng.pick(UI_LABELS)}?\`,\n  error: 'Something went wrong while loading ${noun}s',\n} as const;`],
    [2, () => `export async function ${fn}(baseUrl: string, token: string) {\n  const response = await fetch(\`\${baseUrl}/api/v1/${noun}s?limit=\${50}\`, {\n    method: 'GET',\n    headers: { Authorization: \`Bearer \${token}\`, 'Content-Type': 'application/json', 'X-Client': 'acme-api' },\n  });\n  if (!response.ok) throw new Error(\`Request for ${noun}s failed with \${response.status}\`);\n  return (await response.json()) as unknown;\n}`],
    [2, () => `export function ${fn}(input: Record<string, unknown>): string[] {\n  const problems: string[] = [];\n  if (typeof input.name !== 'string') problems.push('name must be a string');\n  if (typeof input.email !== 'string' || !input.email.includes('@')) problems.push('email is invalid');\n  if (input.role !== 'admin' && input.role !== 'member') problems.push(\`role \${String(input.role)} is not allowed\`);\n  return problems;\n}`],
    [1, () => `export enum ${pascal(noun)}Status${index} {\n  Active = 'active',\n  Pending = 'pending',\n  Archived = 'archived',\n  Deleted = 'deleted',\n}`],
    [1, () => `export const ${camel(noun)}Routes${index} = [\n  { method: 'GET', path: '/${noun}s', handler: 'list' },\n  { method: 'POST', path: '/${noun}s', handler: 'create' },\n  { method: 'DELETE', path: '/${noun}s/:id', handler: 'drop' },\n];`],
  ])();
}

class ServerParts {
  constructor() {
    this.dbs = new Set();
    this.logger = false;
  }

  useDb(kind) {
    this.dbs.add(kind);
  }

  useLogger() {
    this.logger = true;
  }

  header() {
    const lines = [];
    const setup = [];
    if (this.dbs.has('pg')) {
      lines.push(`import { Pool } from 'pg';`);
      setup.push(`const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });`);
    }
    if (this.dbs.has('postgres')) {
      lines.push(`import postgres from 'postgres';`);
      setup.push(`const sql = postgres(process.env.DATABASE_URL ?? '');`);
    }
    if (this.dbs.has('prisma')) lines.push(`import { prisma } from '../db/prisma';`);
    if (this.dbs.has('knex')) lines.push(`import { db } from '../db/knex';`);
    if (this.dbs.has('typeorm')) lines.push(`import { dataSource } from '../db/data-source';`);
    if (this.dbs.has('sequelize')) lines.push(`import { sequelize } from '../db/sequelize';`);
    if (this.dbs.has('mysql')) {
      lines.push(`import mysql from 'mysql2/promise';`);
      setup.push(`const connection = await mysql.createConnection({ uri: process.env.MYSQL_URL });`);
    }
    if (this.dbs.has('sqlite')) {
      lines.push(`import Database from 'better-sqlite3';`);
      setup.push(`const sqlite = new Database('data/cache.db');`);
    }
    if (this.dbs.has('drizzle')) {
      lines.push(`import { sql as dsql } from 'drizzle-orm';`, `import { drizzleDb } from '../db/drizzle';`);
    }
    if (this.logger) lines.push(`import { logger } from '../lib/logger';`);
    return [...lines, '', ...setup];
  }
}

function moduleFrom(parts, functions) {
  return [...parts.header(), '', ...functions.flatMap((fn) => [fn, '']), ''].join('\n');
}

/** An application module: mostly plain code, some queries, DDL very rarely. */
export function generateServerModule(rng) {
  const parts = new ServerParts();
  const functions = [];
  const count = rng.int(3, 10);
  for (let index = 0; index < count; index += 1) {
    functions.push(
      rng.chance(0.35)
        ? dataFunction(rng, parts, index, rng.chance(0.03) ? ddlText : dmlText)
        : plainFunction(rng, parts, index),
    );
  }
  return moduleFrom(parts, functions);
}

/** A test file: test names and fixtures full of DDL words that are not DDL. */
export function generateTestModule(rng) {
  const noun = rng.pick(NOUNS);
  const cases = [];
  const count = rng.int(3, 8);
  for (let index = 0; index < count; index += 1) {
    cases.push(`  it('${rng.pick(['creates table rows for', 'drops stale', 'alters the', 'truncates long'])} ${noun} ${index}', async () => {\n    const result = await handler({ name: '${rng.pick(UI_LABELS)}', query: 'select * from ${rng.pick(TABLES)}' });\n    expect(result.status).toBe(${rng.pick([200, 201, 404])});\n    expect(result.body).toMatchObject({ message: '${rng.pick(LOG_LINES)} ${noun}' });\n  });`);
  }
  return `import { describe, expect, it } from 'vitest';\nimport { handler } from './${noun}';\n\ndescribe('${noun} handler', () => {\n${cases.join('\n\n')}\n});\n`;
}

/** A maintenance script or seed loader: where ad-hoc DDL really shows up. */
export function generateScript(rng) {
  const parts = new ServerParts();
  const functions = [];
  const count = rng.int(2, 6);
  for (let index = 0; index < count; index += 1) {
    const roll = rng.next();
    if (roll < 0.3) functions.push(dataFunction(rng, parts, index, ddlText));
    else if (roll < 0.45) {
      parts.useDb('knex');
      const table = rng.pick(TABLES);
      functions.push(`export async function ensure${pascal(table)}${index}() {\n  if (!(await db.schema.hasTable('${table}'))) {\n    await db.schema.createTable('${table}', (table) => {\n      table.uuid('id').primary();\n      table.string('${rng.pick(COLUMNS)}').notNullable();\n      table.timestamps(true, true);\n    });\n  }\n}`);
    } else if (roll < 0.5) {
      parts.useDb('sequelize');
      functions.push(`export async function syncModels${index}() {\n  await sequelize.sync({ alter: ${rng.chance(0.5)} });\n}`);
    } else if (roll < 0.8) functions.push(dataFunction(rng, parts, index, dmlText));
    else functions.push(plainFunction(rng, parts, index));
  }
  return moduleFrom(parts, functions);
}

/** A knex migration: DDL that is exactly where it belongs. */
export function generateMigration(rng) {
  const table = rng.pick(TABLES);
  const column = rng.pick(COLUMNS);
  return `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table}', (table) => {
    table.string('${column}_v2').nullable();
    table.index(['${column}_v2'], '${table}_${column}_v2_idx');
  });
  await knex.raw(\`
    CREATE INDEX CONCURRENTLY IF NOT EXISTS ${table}_created_idx
      ON ${table} (created_at DESC)
  \`);
  await knex.raw('ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS ${table}_created_idx');
  await knex.schema.alterTable('${table}', (table) => {
    table.dropColumn('${column}_v2');
  });
}
`;
}
