import type { SqlStatement } from '../../sql/statement';
import type { SqlSourceLocation } from './ast';
import type { SqlSourceCode } from './source-code';

/** Every statement a `.sql` file runs, in order: top-level ones, then what each `DO` block runs after it. */
export function sqlFileStatements(sourceCode: SqlSourceCode): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (const node of sourceCode.ast.body) {
    if (node.type !== 'Statement') continue;
    statements.push(node.facts);
    for (const nested of node.nested) statements.push(nested.facts);
  }
  return statements;
}

/** Where a finding on `statement` is reported: its head (`ALTER TABLE users`), trailing whitespace trimmed. */
export function statementHeadLoc(sourceCode: SqlSourceCode, statement: SqlStatement): SqlSourceLocation {
  let end = Math.max(statement.start + 1, Math.min(statement.headEnd, statement.end));
  while (end > statement.start + 1 && /\s/u.test(sourceCode.text.charAt(end - 1))) end--;
  return { start: sourceCode.getLocFromIndex(statement.start), end: sourceCode.getLocFromIndex(end) };
}
