import { describe, expect, it } from 'vitest';
import { detectRunner, runnerOfPackage } from '../../src/migration-runners/runner';
import { probeProgram } from './harness';

const detect = (code: string): string | null => probeProgram(code, ({ program, sourceCode }) => detectRunner(program, sourceCode));

describe('runnerOfPackage', () => {
  it.each([
    ['knex', 'knex'],
    ['node-pg-migrate', 'node-pg-migrate'],
    ['typeorm', 'typeorm'],
    ['typeorm/browser', 'typeorm'],
    ['sequelize', 'sequelize'],
    ['sequelize-typescript', 'sequelize'],
    ['@sequelize/core', 'sequelize'],
    ['kysely', 'kysely'],
    ['@mikro-orm/migrations', 'mikro-orm'],
    ['pg', null],
    ['knexfile', null],
  ])('%s -> %s', (source, expected) => {
    expect(runnerOfPackage(source)).toBe(expected);
  });
});

describe('detectRunner', () => {
  it('reads imports, require and import-equals', () => {
    expect(detect(`import type { Knex } from 'knex';`)).toBe('knex');
    expect(detect(`import { MigrationBuilder } from 'node-pg-migrate';`)).toBe('node-pg-migrate');
    expect(detect(`const { DataTypes } = require('sequelize');`)).toBe('sequelize');
    expect(detect(`import typeorm = require('typeorm');`)).toBe('typeorm');
    expect(detect(`const { sql } = await import('kysely');`)).toBe('kysely');
    expect(detect(`import { Migration } from '@mikro-orm/migrations';`)).toBe('mikro-orm');
  });

  it('skips unrelated imports', () => {
    expect(detect(`import pg from 'pg';\nimport { Knex } from 'knex';`)).toBe('knex');
  });

  it('reads JSDoc import types', () => {
    expect(detect(`/** @param { import("knex").Knex } db */\nexports.up = function (db) {};`)).toBe('knex');
  });

  it('reads the signature of up and down', () => {
    expect(detect(`exports.up = function (knex) {};`)).toBe('knex');
    expect(detect(`exports.up = (pgm) => {};`)).toBe('node-pg-migrate');
    expect(detect(`module.exports = { async up(queryInterface, Sequelize) {} };`)).toBe('sequelize');
    expect(detect(`module.exports = { up: async (qi, DataTypes) => {} };`)).toBe('sequelize');
    expect(detect(`export async function up(db: Kysely<any>): Promise<void> {}`)).toBe('kysely');
    expect(detect(`export const down = async (runner: QueryRunner) => {};`)).toBe('typeorm');
    expect(detect(`export async function up(k: Knex.Knex) {}`)).toBe('knex');
  });

  it('reads the migration class', () => {
    expect(detect(`export class AddIndex1 implements MigrationInterface { async up() {} }`)).toBe('typeorm');
    expect(detect(`export class Migration20240101 extends Migration { async up() {} }`)).toBe('mikro-orm');
  });

  it('is null when nothing says', () => {
    expect(detect(`import pg from 'pg';\nexport async function up(client) {}`)).toBeNull();
    expect(detect(`function migrate(knex) {}`)).toBeNull(); // not a migration step
  });

  it('counts a top-level step exported later by name', () => {
    expect(detect(`function up(knex) {}\nmodule.exports = { up };`)).toBe('knex');
  });
});
