import { analyzeSqlScript } from '../../sql/analyze';
import type { SqlStatement } from '../../sql/statement';
import type { SqlCommentNode, SqlMetaCommandNode, SqlNestedStatementNode, SqlProgram, SqlStatementNode } from './ast';
import { LineIndex } from './lines';

/**
 * Parses a `.sql` file into the language's AST with the project's one SQL
 * engine (`src/sql`). It never fails: the engine is tolerant by design, as it
 * is for SQL in JS strings.
 *
 * - Statements are split on `;` outside strings, quoted identifiers, dollar
 *   quotes and comments; `DO` bodies are read as PL/pgSQL.
 * - psql meta-commands (`\set`, `\i`, `\connect`, `\gexec`…) become
 *   `MetaCommand` nodes and end the statement before them.
 * - An unterminated string, quoted identifier, dollar quote or block comment
 *   runs to the end of the file (PostgreSQL would reject the file; the
 *   statement it starts in is still classified from its head).
 * - Text that is not SQL (binary garbage, another dialect) becomes statements
 *   of an unknown kind that no rule acts on.
 */
export function parseSql(text: string, lines: LineIndex = new LineIndex(text)): SqlProgram {
  const { units, comments } = analyzeSqlScript(text);
  const loc = (start: number, end: number) => ({ start: lines.position(start), end: lines.position(end) });
  const body: (SqlStatementNode | SqlMetaCommandNode)[] = [];
  for (const unit of units) {
    if (unit.type === 'meta') {
      const { start, end, value } = unit.token;
      const command = /^\\([^\s\\]*)/u.exec(value)?.[1] ?? '';
      body.push({ type: 'MetaCommand', command, range: [start, end], loc: loc(start, end) });
      continue;
    }
    const first = unit.tokens[0];
    const last = unit.tokens.at(-1);
    if (!first || !last) continue;
    body.push({
      type: 'Statement',
      kind: unit.statement.kind,
      facts: unit.statement,
      tokens: unit.tokens,
      nested: unit.nested.map((facts: SqlStatement): SqlNestedStatementNode => ({
        type: 'NestedStatement',
        kind: facts.kind,
        facts,
        range: [facts.start, facts.end],
        loc: loc(facts.start, facts.end),
      })),
      range: [first.start, last.end],
      loc: loc(first.start, last.end),
    });
  }
  const commentNodes = comments.map(
    (comment): SqlCommentNode => ({
      type: comment.type === 'line' ? 'Line' : 'Block',
      value: comment.value,
      range: [comment.start, comment.end],
      loc: loc(comment.start, comment.end),
    }),
  );
  return {
    type: 'Program',
    body,
    comments: commentNodes,
    // The whole text, as ESTree's Program does, so a report on the Program covers the file.
    range: [0, text.length],
    loc: loc(0, text.length),
  };
}
