import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getImportOrigin } from '../../src/static';
import { withProbe } from './harness';

function originOf(code: string) {
  return withProbe(code, (node, scope) =>
    node.type === AST_NODE_TYPES.Identifier ? getImportOrigin(node, scope) : 'not an identifier',
  );
}

describe('getImportOrigin', () => {
  it.each([
    ['import { Client } from "pg"; const probe = Client;', { source: 'pg', imported: 'Client' }],
    ['import { Client as PgClient } from "pg"; const probe = PgClient;', { source: 'pg', imported: 'Client' }],
    ['import pg from "pg"; const probe = pg;', { source: 'pg', imported: 'default' }],
    ['import * as React from "react"; const probe = React;', { source: 'react', imported: '*' }],
    ['const pg = require("pg"); const probe = pg;', { source: 'pg', imported: '*' }],
    ['const { Client: C } = require("pg"); const probe = C;', { source: 'pg', imported: 'Client' }],
    ['import pg from "pg"; const { Pool } = pg; const probe = Pool;', { source: 'pg', imported: 'Pool' }],
    ['import pg from "pg"; const Pool = pg.Pool; const probe = Pool;', { source: 'pg', imported: 'Pool' }],
    ['const knex = require("knex").default; const probe = knex;', { source: 'knex', imported: 'default' }],
    // TypeScript's CommonJS import: the whole module, as `require` gives it.
    ['import pg = require("pg"); const probe = pg;', { source: 'pg', imported: '*' }],
    ['import React = require("react"); const { createElement: ce } = React; const probe = ce;', { source: 'react', imported: 'createElement' }],
    ['export import knex = require("knex"); const probe = knex;', { source: 'knex', imported: '*' }],
    // An alias of a namespace is no module.
    ['namespace N { export const x = 1; } import y = N.x; const probe = y;', null],
    ['const Client = class {}; const probe = Client;', null],
    ['function f(Client: unknown) { const probe = Client; }', null],
    ['let pg = require("pg"); pg = other; const probe = pg;', null],
  ])('%s', (code, expected) => {
    expect(originOf(code)).toEqual(expected);
  });
});
