import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  hasKnexConfig,
  knexDisablesTransaction,
  mikroOrmClassDisablesTransaction,
  typeormClassDisablesTransaction,
} from '../../src/migration-runners/transaction-markers';
import { findNode, probeProgram } from './harness';

const knex = (code: string): [boolean, boolean] =>
  probeProgram(code, ({ program, scope }) => [knexDisablesTransaction(program, scope(program)), hasKnexConfig(program, scope(program))]);

describe('knex config', () => {
  it.each([
    'export const config = { transaction: false };',
    'const config = { transaction: false };\nexport { config };',
    'const off = { transaction: false };\nexport { off as config };',
    'exports.config = { transaction: false };',
    'module.exports.config = { transaction: false as const };',
    'const NO = false;\nmodule.exports = { config: { transaction: NO }, up() {} };',
    'const base = { transaction: false };\nexport const config = { ...base };',
  ])('disabled: %s', (code) => {
    expect(knex(code)).toEqual([true, true]);
  });

  it.each([
    ['no config', 'exports.up = () => {};', false],
    ['transaction true', 'export const config = { transaction: true };', true],
    ['no transaction key', 'exports.config = {};', true],
    ['unknown value', 'declare const flag: boolean;\nexport const config = { transaction: flag };', true],
    ['a local config', 'const config = { transaction: false };', false],
  ])('kept: %s', (_name, code, hasConfig) => {
    expect(knex(code)).toEqual([false, hasConfig]);
  });
});

const classCheck = (code: string, check: typeof typeormClassDisablesTransaction): boolean =>
  probeProgram(code, ({ program, scope }) => check(findNode(program, AST_NODE_TYPES.ClassDeclaration), scope(program)));

describe('TypeORM transaction property', () => {
  it('reads an instance property that is false', () => {
    expect(classCheck('class A { transaction = false; }', typeormClassDisablesTransaction)).toBe(true);
    expect(classCheck('class A { public readonly transaction = false as const; }', typeormClassDisablesTransaction)).toBe(true);
  });

  it('ignores static, true and missing properties', () => {
    expect(classCheck('class A { static transaction = false; }', typeormClassDisablesTransaction)).toBe(false);
    expect(classCheck('class A { transaction = true; }', typeormClassDisablesTransaction)).toBe(false);
    expect(classCheck('class A { name = "A"; }', typeormClassDisablesTransaction)).toBe(false);
  });
});

describe('MikroORM isTransactional', () => {
  it('reads a method that returns false', () => {
    expect(classCheck('class A { override isTransactional(): boolean { return false; } }', mikroOrmClassDisablesTransaction)).toBe(true);
  });

  it('ignores anything less plain', () => {
    expect(classCheck('class A { isTransactional() { return true; } }', mikroOrmClassDisablesTransaction)).toBe(false);
    expect(classCheck('declare const x: boolean;\nclass A { isTransactional() { return x; } }', mikroOrmClassDisablesTransaction)).toBe(false);
    expect(classCheck('class A { static isTransactional() { return false; } }', mikroOrmClassDisablesTransaction)).toBe(false);
  });
});
