import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getMigrationModel } from '../../src/migration/get-model';
import { jsMigrationFacts, migrationVisitor } from '../../src/migration/js-host';
import type { MigrationModel } from '../../src/migration/model';
import { probeProgram } from '../migration-runners/harness';

/** The model and JS facts of `code`, read the way a rule reads them (at `Program:exit`). */
function modelOf(code: string, filename = 'migrations/probe.ts'): { model: MigrationModel; facts: ReturnType<typeof jsMigrationFacts> } {
  return probeProgram(
    code,
    ({ sourceCode }) => {
      const context = { sourceCode };
      return { model: getMigrationModel(context), facts: jsMigrationFacts(context) };
    },
    filename,
  );
}

/** What the facts of a file say, as plain data (node ranges, statement kinds and places), to compare two builds of them. */
function factsSummary(facts: ReturnType<typeof jsMigrationFacts>): unknown {
  return {
    runner: facts.runner,
    calls: facts.calls.map(({ node }) => node.range),
    statements: facts.model.statements.map((statement) => [statement.statement.kind, statement.order, statement.direction, statement.transaction, statement.loc]),
    created: facts.model.createdTables.map((event) => [event.table, event.order]),
    dropped: facts.model.droppedTables.map((event) => [event.table, event.order]),
    indexes: facts.builderIndexes.map((index) => [index.builder.call.range, index.order, index.transaction]),
  };
}

let lastSourceCode: SourceCode | undefined;

/** Lints `code` (a text, or a `SourceCode` linted before) with `rules` rules that each read the facts at \`Program:exit\`, through `migrationVisitor` or without listeners. */
function factsFromRules(code: string | SourceCode, rules: number, listen: boolean, runner: 'auto' | 'knex' = 'auto'): ReturnType<typeof jsMigrationFacts>[] {
  const seen: ReturnType<typeof jsMigrationFacts>[] = [];
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      const exit = (): void => {
        seen.push(jsMigrationFacts(context, runner));
      };
      return listen ? migrationVisitor(context, exit) : { 'Program:exit': exit };
    },
  };
  const ruleIds = Array.from({ length: rules }, (_, index) => `r${index}`);
  const config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { probe: { rules: Object.fromEntries(ruleIds.map((id) => [id, rule])) } },
    rules: Object.fromEntries(ruleIds.map((id) => [`probe/${id}`, 'error'])),
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [config as unknown as Linter.Config], { filename: 'migrations/20240101_probe.ts' });
  expect(messages).toEqual([]);
  lastSourceCode = linter.getSourceCode();
  return seen;
}

describe('the JS host of the migration model', () => {
  it('reads the same facts from the nodes ESLint hands the rules as from its own walk, once for every rule', () => {
    // Calls inside arguments, templates, optional chains, decorators, class fields and nested functions,
    // and tagged templates inside calls: the traversal order decides each statement's order.
    const code = `import { Migration } from '@mikro-orm/migrations';
import { sql } from 'kysely';
function track(): ClassDecorator { return () => undefined; }
@track()
export class Migration20240101 extends Migration {
  field = this.helper?.(sql\`SELECT 1\`.compile());
  async up(): Promise<void> {
    this.addSql(\`CREATE TABLE audit (id int); \${this.name(String(1))}\`);
    this.addSql('create index "audit_id" on "audit" (id);');
    await Promise.all([1, 2].map((n) => this.execute(\`ALTER TABLE users ADD COLUMN c\${n} int\`)));
    this.addSql(sql\`DROP TABLE legacy\`.sql);
  }
  async down(): Promise<void> {
    this.addSql('drop table if exists "audit";');
  }
}`;
    const walked = factsFromRules(code, 1, false);
    const listened = factsFromRules(code, 3, true);
    expect(walked).toHaveLength(1);
    expect(listened).toHaveLength(3);
    // Three rules, one collection and one build: each node was kept once.
    expect(listened[1]).toBe(listened[0]);
    expect(listened[2]).toBe(listened[0]);
    const summary = factsSummary(listened[0] as ReturnType<typeof jsMigrationFacts>);
    expect(summary).toEqual(factsSummary(walked[0] as ReturnType<typeof jsMigrationFacts>));
    expect((summary as { calls: unknown[] }).calls.length).toBeGreaterThan(10);
    expect((summary as { statements: unknown[] }).statements.map((statement) => (statement as unknown[])[0])).toEqual([
      'SELECT',
      'CREATE TABLE',
      '', // the hole after it: a statement of its own, whose text is unknown
      'CREATE INDEX',
      'ALTER TABLE',
      'DROP TABLE',
      'DROP TABLE',
    ]);
  });

  it('collects afresh when the same SourceCode is linted again', () => {
    const code = `import type { Knex } from 'knex';\nexport async function up(knex: Knex) { await knex.raw('CREATE INDEX i ON t (a)'); await knex.raw('SELECT 1'); }`;
    const [first] = factsFromRules(code, 2, true);
    const sourceCode = lastSourceCode as SourceCode;
    // Another runner setting builds new facts from the second traversal's nodes, not from both traversals'.
    const [again] = factsFromRules(sourceCode, 2, true, 'knex');
    expect(again).not.toBe(first);
    expect(again?.calls.map(({ node }) => node.range)).toEqual(first?.calls.map(({ node }) => node.range));
    expect(again?.model.statements.map((statement) => statement.statement.kind)).toEqual(['CREATE INDEX', 'SELECT']);
  });

  it('builds the model once per file and shares it between rules', () => {
    probeProgram(`import type { Knex } from 'knex';\nexport async function up(knex: Knex) { await knex.raw('SELECT 1'); }`, ({ sourceCode }) => {
      const context = { sourceCode };
      expect(getMigrationModel(context)).toBe(getMigrationModel(context));
      expect(jsMigrationFacts(context).model).toBe(getMigrationModel(context));
      // A forced runner is another model (its transactions differ), also cached.
      expect(jsMigrationFacts(context, 'sequelize')).toBe(jsMigrationFacts(context, 'sequelize'));
      expect(jsMigrationFacts(context, 'sequelize').model).not.toBe(getMigrationModel(context));
    });
  });

  it('reads every statement with its step, direction, order and the runner transaction', () => {
    const { model } = modelOf(`import type { Knex } from 'knex';
export async function up(knex: Knex) {
  await knex.raw('CREATE TABLE audit (id int); CREATE INDEX audit_id ON audit (id)');
  await knex.schema.raw('ALTER TABLE users ADD COLUMN age int');
}
export async function down(knex: Knex) {
  await knex.raw('ALTER TABLE users DROP COLUMN age');
}`);
    expect(model.host).toBe('js');
    expect(model.statements.map((statement) => [statement.statement.kind, statement.direction, statement.transaction, statement.multiStatement])).toEqual([
      ['CREATE TABLE', 'up', 'multiStatement', true],
      ['CREATE INDEX', 'up', 'multiStatement', true],
      ['ALTER TABLE', 'up', 'knex', false],
      ['ALTER TABLE', 'down', 'knex', false],
    ]);
    const [create, index, alter, drop] = model.statements;
    expect(create?.step).toBe(index?.step);
    expect(alter?.step).toBe(create?.step);
    expect(drop?.step).not.toBe(create?.step);
    expect((create?.order ?? 0) < (index?.order ?? 0) && (index?.order ?? 0) < (alter?.order ?? 0)).toBe(true);
    expect(model.createdTables.map((created) => created.table)).toEqual(['audit']);
    expect(alter?.tokens.map((token) => token.value).join(' ')).toBe('ALTER TABLE USERS ADD COLUMN AGE INT');
  });

  it('locates a statement at its head, in the linted file', () => {
    const code = `exports.up = (knex) => knex.raw('ALTER TABLE users ADD COLUMN age int');`;
    const { model } = modelOf(code, 'migrations/probe.js');
    const statement = model.statements[0];
    expect(statement?.loc).toEqual({ start: { line: 1, column: 33 }, end: { line: 1, column: 50 } });
    const offset = statement?.text.indexOf('age') ?? -1;
    expect(code.slice(statement?.sourceIndex(offset) ?? 0).startsWith('age int')).toBe(true);
  });

  it('counts revert as down, and reads class methods and object properties', () => {
    const { model } = modelOf(`import { Kysely, sql } from 'kysely';
export const migration = {
  async up(db) { await sql\`ALTER TABLE a ADD b int\`.execute(db); },
  async revert(db) { await sql\`ALTER TABLE a DROP b\`.execute(db); },
};`);
    expect(model.statements.map((statement) => statement.direction)).toEqual(['up', 'down']);
  });

  it('knows each way a statement runs in a transaction', () => {
    const { model } = modelOf(`import { QueryInterface } from 'sequelize';
export async function up(queryInterface: QueryInterface) {
  await queryInterface.sequelize.query('ALTER TABLE a ADD b int');
  await queryInterface.sequelize.transaction(async (t) => {
    await queryInterface.sequelize.query('ALTER TABLE a ADD c int', { transaction: t });
  });
  await queryInterface.sequelize.query('ALTER TABLE a ADD d int', { transaction: outer });
  await queryInterface.sequelize.query('BEGIN');
  await queryInterface.sequelize.query('ALTER TABLE a ADD e int');
  await queryInterface.sequelize.query('COMMIT');
  await queryInterface.sequelize.query('DO $$ BEGIN ALTER TABLE a ADD f int; END $$');
}
declare const outer: unknown;`);
    expect(model.statements.filter((statement) => statement.statement.kind === 'ALTER TABLE').map((statement) => statement.transaction)).toEqual([
      null,
      'callback',
      'option',
      'begin',
      'doBlock',
    ]);
  });

  it('records builder tables and index builder calls with where they run', () => {
    const { model, facts } = modelOf(`import type { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder) {
  pgm.createTable('audit', { id: 'id' });
  pgm.createIndex('users', 'email');
}
export async function down(pgm: MigrationBuilder) {
  pgm.noTransaction();
  pgm.dropIndex('users', 'email');
  pgm.dropTable('audit');
}`);
    expect(facts.runner).toBe('node-pg-migrate');
    expect(model.createdTables.map((created) => created.table)).toEqual(['audit']);
    expect(model.droppedTables.map((dropped) => dropped.table)).toEqual(['audit']);
    expect(facts.builderIndexes.map((index) => [index.builder.api, index.direction, index.transaction])).toEqual([
      ['pgm.createIndex', 'up', 'node-pg-migrate'],
      ['pgm.dropIndex', 'down', null],
    ]);
  });
});
