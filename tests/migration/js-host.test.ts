import { describe, expect, it } from 'vitest';
import { getMigrationModel } from '../../src/migration/get-model';
import { jsMigrationFacts } from '../../src/migration/js-host';
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

describe('the JS host of the migration model', () => {
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
