import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlStatementNode } from '../../../src/languages/sql/ast';
import { parseSql } from '../../../src/languages/sql/parse';

const statements = (text: string) => parseSql(text).body.filter((node): node is SqlStatementNode => node.type === 'Statement');

describe('parseSql', () => {
  it('gives a Program of statements with exact ranges and ESTree locations', () => {
    const text = 'CREATE TABLE t (id int);\n\nCREATE INDEX i ON t (id);';
    const program = parseSql(text);
    expect(program.type).toBe('Program');
    expect(program.range).toEqual([0, text.length]);
    expect(program.loc).toEqual({ start: { line: 1, column: 0 }, end: { line: 3, column: 25 } });
    expect(program.body.map((node) => [node.type, node.range, node.loc])).toEqual([
      ['Statement', [0, 23], { start: { line: 1, column: 0 }, end: { line: 1, column: 23 } }],
      ['Statement', [26, 50], { start: { line: 3, column: 0 }, end: { line: 3, column: 24 } }],
    ]);
    const [table, index] = statements(text);
    expect(table?.kind).toBe('CREATE TABLE');
    expect(index?.facts).toMatchObject({ kind: 'CREATE INDEX', ddl: true, name: 'i', table: 't', start: 26, end: 50 });
  });

  it('keeps comments (line and nested block) and never splits inside them or inside strings', () => {
    const text = "-- head; not a split\nSELECT 'a;b', \"x;y\", E'it\\'s;', $tag$ ; $$ ; $tag$; /* a /* b; */ c; */ SELECT 2";
    const program = parseSql(text);
    expect(program.comments.map((comment) => [comment.type, comment.value])).toEqual([
      ['Line', ' head; not a split'],
      ['Block', ' a /* b; */ c; '],
    ]);
    expect(statements(text).map((node) => node.kind)).toEqual(['SELECT', 'SELECT']);
  });

  it('reads CRLF line breaks as one line break', () => {
    const text = 'SELECT 1;\r\nCREATE INDEX i ON t (c);\r\n';
    const [, index] = statements(text);
    expect(index?.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 2, column: 23 } });
  });

  it('turns psql meta-commands into MetaCommand nodes that end the statement before them', () => {
    const text = "\\set ON_ERROR_STOP on\nSELECT 1\n\\gexec\n\\connect 'my db'\n\\i other.sql\nCREATE INDEX i ON t (c);";
    const program = parseSql(text);
    expect(program.body.map((node) => (node.type === 'MetaCommand' ? `\\${(node).command}` : (node).kind))).toEqual([
      '\\set',
      'SELECT',
      '\\gexec',
      '\\connect',
      '\\i',
      'CREATE INDEX',
    ]);
    expect(program.body[0]?.range).toEqual([0, 21]);
  });

  // The body is PL/pgSQL: its `BEGIN`/`END` block keywords split it, and `END` comes out as a statement of its own.
  it('puts what a DO block runs under it as NestedStatement nodes', () => {
    const text = "DO $$\nBEGIN\n  CREATE INDEX i ON t (c);\n  EXECUTE 'DROP INDEX j';\nEND\n$$;";
    const [block] = statements(text);
    expect(block?.kind).toBe('DO');
    expect(block?.nested.map((node) => [node.kind, node.facts.nested, text.slice(node.range[0], node.range[1])])).toEqual([
      ['CREATE INDEX', true, 'CREATE INDEX i ON t (c)'],
      ['DROP INDEX', true, 'DROP INDEX j'],
      ['END', true, 'END'],
    ]);
  });

  it('tells BEGIN, START TRANSACTION, COMMIT and ROLLBACK apart', () => {
    expect(statements('BEGIN; START TRANSACTION; COMMIT; ROLLBACK; END;').map((node) => [node.kind, node.facts.verb])).toEqual([
      ['BEGIN', 'BEGIN'],
      ['START TRANSACTION', 'START'],
      ['COMMIT', 'COMMIT'],
      ['ROLLBACK', 'ROLLBACK'],
      ['END', 'END'],
    ]);
  });

  it('runs unterminated strings, dollar quotes and comments to the end of the file', () => {
    for (const text of ["CREATE INDEX i ON t (c); SELECT 'open", 'CREATE INDEX i ON t (c); SELECT $x$ open', 'CREATE INDEX i ON t (c); /* open /* nested */']) {
      const program = parseSql(text);
      expect(program.body[0]?.type === 'Statement' && program.body[0].kind).toBe('CREATE INDEX');
      expect(program.range).toEqual([0, text.length]);
    }
    expect(parseSql('/* open').comments).toEqual([
      { type: 'Block', value: ' open', range: [0, 7], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 7 } } },
    ]);
  });

  it('gives an empty Program for an empty file or one of comments only', () => {
    expect(parseSql('').body).toEqual([]);
    expect(parseSql('').loc).toEqual({ start: { line: 1, column: 0 }, end: { line: 1, column: 0 } });
    expect(parseSql('-- nothing\n;;\n').body).toEqual([]);
  });
});

/** libpg-query (PostgreSQL's own parser) decides where statements start. */
describe('statement splitting agrees with PostgreSQL', () => {
  beforeAll(async () => {
    await loadModule();
  });

  const scripts = [
    'CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\nALTER TABLE a ADD COLUMN b text;',
    "-- comment; with a semicolon\nINSERT INTO a VALUES ('x;y');\n/* block; */ UPDATE a SET b = E'\\';' WHERE id = 1;",
    'CREATE FUNCTION f() RETURNS trigger AS $fn$\nBEGIN\n  NEW.b := \'x;\';\n  RETURN NEW;\nEND;\n$fn$ LANGUAGE plpgsql;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();',
    "DO $$ BEGIN EXECUTE 'CREATE INDEX x ON a (id)'; END $$;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS y ON a (b);\nREINDEX (VERBOSE) TABLE CONCURRENTLY a;",
    'BEGIN;\nSET LOCAL lock_timeout = \'1s\';\nALTER TABLE "Weird;Name" ADD COLUMN "c;d" int;\nCOMMIT;',
    'CREATE VIEW v AS SELECT 1 AS "x"; COMMENT ON VIEW v IS \'it\'\'s; ok\'; DROP VIEW v;',
  ];

  it.each(scripts.map((script, index) => [index, script] as const))('script %i', (_index, script) => {
    const oracle = parseSync(script) as { stmts: { stmt_location?: number }[] };
    const expected = oracle.stmts.map((statement) => {
      // libpg-query leaves out a location of 0 and counts from after the previous `;`: skip blanks and comments.
      let at = statement.stmt_location ?? 0;
      for (;;) {
        const rest = script.slice(at);
        const skip = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)/u.exec(rest);
        if (!skip) break;
        at += skip[0].length;
      }
      return at;
    });
    expect(statements(script).map((node) => node.range[0])).toEqual(expected);
  });
});
