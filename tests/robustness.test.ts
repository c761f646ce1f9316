/**
 * "Never crashes": every rule, under several option sets, on code of every shape
 * ESLint can parse (JS, TS, JSX, TSX, ESM, CJS, decorators, odd calls and
 * half-written code an editor sends mid-keystroke). A crash in a rule surfaces
 * as a thrown error from Linter#verify, which fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter as LinterTypes } from 'eslint';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';

const ROOT = path.resolve(__dirname, '..');

const SNIPPETS: Record<string, string> = {
  'decorators.ts': `
    function Entity(): ClassDecorator { return () => {}; }
    function Column(_o?: object): PropertyDecorator { return () => {}; }
    @Entity()
    export class User { @Column({ type: 'text' }) email!: string; static #count = 0; accessor name = ''; }
    export class AddIdx implements MigrationInterface { transaction = false as const; async up(q: QueryRunner) { await q.query(\`CREATE INDEX CONCURRENTLY i ON t (c)\`); } }
  `,
  'odd-calls.tsx': `
    import * as React from 'react';
    import { jsx as _jsx } from 'react/jsx-runtime';
    const h = (...a: unknown[]) => a;
    export const A = () => React.createElement();
    export const B = () => React.createElement(...args);
    export const C = () => _jsx('a', { ...props, href: \`\${x}\` });
    export const D = () => (React as any)['createElement']('a', null);
    export const E = () => <a {...{ href: 'https://x.example' }} href />;
    export const F = () => <svg:a xlink:href="//x.example" />;
    export const G = () => <this.Link href="//x" />;
    export const H = () => <a href={<b />}>{}</a>;
    export const I = () => <><a href={[1, 2]} /></>;
    export const J = () => <a.b.c href={\`//\${a}\`} />;
    db.query?.(sql\`\`); client.query(); client.query(...parts); knex.schema[method]('t');
    new Sequelize().sync; queryRunner.query(\`\${a}\${b}\`); pool.query({ text: undefined });
    sql.unsafe(\`DROP \${'TABLE'} x; \`, []); (await import('pg')).Client;
  `,
  'cjs.js': `
    'use strict';
    const { Client } = require('pg'); const knex = require('knex')(cfg);
    module.exports = async () => { await new Client().query('DROP TABLE x'); await knex.schema.createTable('t', (t) => t.index(['a'])); };
    exports.config = { transaction: false };
    label: for (;;) { break label; }
    with_ = void 0; a?.b?.(c)?.[d];
  `,
  // Under `seeds/`, so require-seed-transaction runs on it with the default options too.
  'seeds/edge-cases.ts': `
    import { PrismaClient as P } from '@prisma/client';
    const prisma = new P(); const knex = require('knex')({});
    function again(n: number): unknown { if (n) return again(n - 1); return prisma?.user?.create?.({ data: {} }); }
    const loopy = async () => { await loopy(); await prisma.post.delete({ where: {} }); };
    await prisma.$transaction(); await prisma.$transaction(null as never); await knex.transaction(undefined as never);
    await prisma.$transaction(async () => { await prisma.user.create({ data: {} }); });
    await prisma.$transaction(async ({ user }) => { await user.create({ data: {} }); });
    await prisma.$transaction(async (...args) => { await args[0].user.create({ data: {} }); });
    await (await getDb()).insert(users); await db[0].insert(users); await this?.db.insert(t);
    await Promise.all(); await Promise.all(...lists); [].forEach(); new Promise(() => knex('t').del());
    knex('t').insert(...rows); User.bulkCreate(); queryInterface.bulkInsert(); queryInterface.bulkUpdate('t', {}, {}, ...opts);
    await sql\`INSERT INTO t \${sql(rows)}\`; await prisma.$executeRaw\`\`; await prisma.$executeRawUnsafe();
    class S { async run() { await this.run(); await this['x'](); await this.prisma.user.create({}); } }
    const t = await sequelize.transaction(); await User.create({}, { transaction: t, ...rest }); await User.create({}, { [k]: t });
    client.query('BEGIN'); client.query('COMMIT'); client.query('COMMIT'); client.query(\`BEGIN; INSERT INTO t VALUES (1); COMMIT\`);
    db.transaction().execute(); db.startTransaction().execute(async () => {}); db.transaction().setIsolationLevel().execute(async (trx) => trx.insertInto('t').execute());
  `,
  'sql-edges.ts': `
    const q1 = 'SELECT 1; DROP TABLE users; -- trailing';
    const q2 = "$$ unterminated";
    const q3 = \`/* never closed \${x}\`;
    const q4 = 'E\\'\\\\\\'\\' CREATE';
    const q5 = \`DO $body$ BEGIN EXECUTE 'CREATE TABLE ' || t; END $body$\`;
    client.query(q1 + q2 + q3 + q4 + q5);
    client.query(\`\${'\\u0000'.repeat(3)}CREATE\`);
  `,
};

/** Our own sources and the example: thousands of lines of real TS, TSX and JS. */
function realFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) out.push([path.relative(ROOT, full), fs.readFileSync(full, 'utf8')]);
    }
  };
  for (const dir of ['src', 'scripts', 'examples/monorepo']) walk(path.join(ROOT, dir));
  return out;
}

const OPTION_SETS: { name: string; rules: LinterTypes.RulesRecord }[] = [
  {
    name: 'defaults',
    rules: Object.fromEntries(Object.keys(plugin.rules).map((rule) => [`guardrails/${rule}`, 'error'])),
  },
  {
    // Every file is a migration here, so require-concurrent-index's visitors run too.
    name: 'everything allowed or switched',
    rules: {
      'guardrails/no-raw-external-anchor': [
        'error',
        { allowedHosts: ['*.example', 'x.example:8443'], allowedSchemes: [], unknownHref: 'ignore', importSource: '@/ui', polymorphicProps: [] },
      ],
      'guardrails/no-adhoc-ddl': ['error', { allow: ['TRUNCATE', 'CREATE TABLE'], allowTemporary: false, schemaApis: false, migrations: [] }],
      'guardrails/require-concurrent-index': ['error', { runner: 'typeorm', migrations: ['**'] }],
      // Every file is a seed file here, so require-seed-transaction's whole model runs on every snippet.
      'guardrails/require-seed-transaction': ['error', { seeds: ['**'], sequelizeCls: true }],
    },
  },
];

const linter = new Linter({ configType: 'flat' });

function lint(file: string, code: string, rules: LinterTypes.RulesRecord): LinterTypes.LintMessage[] {
  const isTs = /\.tsx?$/.test(file);
  const config: LinterTypes.Config = {
    files: ['**/*.{js,mjs,jsx,ts,tsx}'],
    languageOptions: {
      parser: isTs ? (tsParser) : (espree),
      sourceType: file.endsWith('cjs.js') ? 'commonjs' : 'module',
      parserOptions: { ecmaFeatures: { jsx: file.endsWith('x') || file.endsWith('.js') } },
    },
    plugins: { guardrails: plugin as unknown as ESLint.Plugin },
    rules,
  };
  return linter.verify(code, [config], { filename: path.join(ROOT, file) });
}

describe.each(OPTION_SETS)('every rule with $name', ({ rules }) => {
  it.each(Object.entries(SNIPPETS))('gets through %s', (file, code) => {
    const messages = lint(file, code, rules);
    // The odd snippets are valid syntax and are linted: any message that is not a rule's
    // (a parse error, "no matching configuration") would mean nothing was tested.
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });

  it('gets through every source file of this repository and the example', () => {
    const files = realFiles();
    expect(files.length).toBeGreaterThan(50);
    let findings = 0;
    for (const [file, code] of files) {
      const messages = lint(file, code, rules);
      expect(messages.filter((message) => message.ruleId === null), file).toEqual([]);
      findings += messages.length;
    }
    // The example plants findings, so a run that finds nothing linted nothing.
    expect(findings).toBeGreaterThan(5);
  });

  it('gets through half-typed code an editor sends mid-keystroke', () => {
    const code = SNIPPETS['odd-calls.tsx'] ?? '';
    // Every prefix that still parses must lint without throwing.
    for (let end = 40; end < code.length; end += 37) {
      expect(() => lint('partial.tsx', code.slice(0, end), rules)).not.toThrow();
    }
  });
});
