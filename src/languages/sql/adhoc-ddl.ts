import type { SqlStatement } from '../../sql/statement';
import type { SqlSourceLocation } from './ast';
import type { SqlSourceCode } from './source-code';
import { sqlFileStatements, statementHeadLoc } from './statements';

/**
 * `no-adhoc-ddl` on a `.sql` file outside the migrations: every statement is
 * run (there is no prose to tell apart), so each one the rule's policy calls
 * DDL is reported at its head.
 */
export function sqlFileListeners(
  sourceCode: SqlSourceCode,
  shouldReport: (statement: SqlStatement) => boolean,
  report: (statement: SqlStatement, loc: SqlSourceLocation) => void,
): Record<string, () => void> {
  return {
    'Program:exit'() {
      for (const statement of sqlFileStatements(sourceCode)) {
        if (shouldReport(statement)) report(statement, statementHeadLoc(sourceCode, statement));
      }
    },
  };
}
