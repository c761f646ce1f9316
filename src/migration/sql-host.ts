import type { SqlStatementNode } from '../languages/sql/ast';
import { isSqlSourceCode, type SqlSourceCode } from '../languages/sql/source-code';
import { statementHeadLoc } from '../languages/sql/statements';
import { NODE_PG_MIGRATE_SECTION, sqlTransactionReason, type SqlFileShape } from '../migration-runners/sql-runners';
import { normalizeTableName } from '../migration-runners/table-names';
import type { TransactionReason } from '../migration-runners/transaction-reasons';
import type { Token } from '../sql/lexer';
import type { SqlStatement } from '../sql/statement';
import type { Direction, MigrationModel, MigrationStatement, TableEvent } from './model';

interface ContextLike {
  readonly sourceCode: object;
}

const OPENERS: ReadonlySet<string> = new Set(['BEGIN', 'START TRANSACTION']);
const CLOSERS: ReadonlySet<string> = new Set(['COMMIT', 'ROLLBACK', 'END', 'ABORT']);

/**
 * The model of a `.sql` migration linted with the `guardrails/sql` language, or
 * null when the file is not one (then the JS host answers). Built once per file
 * and kept on its `SourceCode`, so every migration rule shares it.
 *
 * - Every statement of the file, in order, with the statements a `DO` block runs
 *   after it (marked `nested`, run in the `DO` block's transaction).
 * - Steps: the file is one step, except a node-pg-migrate file's `-- Up Migration`
 *   and `-- Down Migration` sections, which are two (the down one `direction: 'down'`).
 *   golang-migrate's `*.down.sql` and Flyway's `U…__*.sql` undo files are `down`.
 * - `transaction`: an explicit `BEGIN … COMMIT` in the file first, then the
 *   `runner`'s model (`src/migration-runners/sql-runners.ts`).
 */
export function sqlMigrationModel(context: ContextLike): MigrationModel | null {
  const sourceCode = context.sourceCode;
  if (!isSqlSourceCode(sourceCode)) return null;
  sourceCode.migrationModel ??= buildModel(sourceCode);
  return sourceCode.migrationModel;
}

interface Section {
  readonly step: object;
  readonly direction: Direction | null;
  readonly statements: SqlStatementNode[];
}

function buildModel(sourceCode: SqlSourceCode): MigrationModel {
  const { text, file } = sourceCode;
  const statements: MigrationStatement[] = [];
  const createdTables: TableEvent[] = [];
  const droppedTables: TableEvent[] = [];

  for (const section of sectionsOf(sourceCode)) {
    const shape: SqlFileShape = {
      statementCount: section.statements.length,
      transactionControl: section.statements.some((node) => OPENERS.has(node.facts.kind) || CLOSERS.has(node.facts.verb)),
    };
    let open = false;
    for (const node of section.statements) {
      const facts = node.facts;
      // Judged with the state before it: `BEGIN` is outside the block it opens, `COMMIT` inside the one it ends.
      const wasOpen = open;
      if (OPENERS.has(facts.kind)) open = true;
      else if (CLOSERS.has(facts.verb)) open = false;
      const runnerReason = (statement: SqlStatement): TransactionReason | null =>
        wasOpen ? 'begin' : sqlTransactionReason(file.runner, file.runnerVersion, statement, shape);
      const push = (statement: SqlStatement, tokens: readonly Token[], transaction: TransactionReason | null): void => {
        statements.push({
          statement,
          text,
          tokens,
          sourceIndex: (offset) => (statement.exact && offset >= 0 && offset <= text.length ? offset : null),
          loc: statementHeadLoc(sourceCode, statement),
          step: section.step,
          direction: section.direction,
          order: statement.start,
          transaction,
          multiStatement: false,
        });
        const event = tableEvent(statement, section.step);
        if (event?.created) createdTables.push(event.event);
        else if (event) droppedTables.push(event.event);
      };
      if (facts.kind !== 'DO') push(facts, node.tokens, runnerReason(facts));
      for (const nested of node.nested) {
        push(nested.facts, nested.facts.exact ? node.tokens.filter((token) => token.start >= nested.facts.start && token.end <= nested.facts.end) : [], 'doBlock');
      }
    }
  }
  return { host: 'sql', statements, createdTables, droppedTables };
}

/** The file's steps: one, or node-pg-migrate's up and down sections. */
function sectionsOf(sourceCode: SqlSourceCode): Section[] {
  const body = sourceCode.ast.body.filter((node): node is SqlStatementNode => node.type === 'Statement');
  const base = sourceCode.file.path.replace(/\\/gu, '/').split('/').pop() ?? '';
  const fileDirection: Direction = /\.down\.sql$/iu.test(base) || /^U\d[\w.]*__/u.test(base) ? 'down' : 'up';
  if (sourceCode.file.runner !== 'node-pg-migrate' || !NODE_PG_MIGRATE_SECTION.test(sourceCode.text)) {
    return [{ step: sourceCode.ast, direction: fileDirection, statements: body }];
  }
  // node-pg-migrate: a marker comment starts each section; statements before any marker belong to `up`.
  const markers = sourceCode.ast.comments
    .map((comment) => ({ at: comment.range[0], match: NODE_PG_MIGRATE_SECTION.exec(`--${comment.value}`) }))
    .filter((marker) => marker.match?.index === 0)
    .map((marker): { at: number; direction: Direction } => ({ at: marker.at, direction: marker.match?.[1]?.toLowerCase() === 'down' ? 'down' : 'up' }));
  const up: Section = { step: {}, direction: 'up', statements: [] };
  const down: Section = { step: {}, direction: 'down', statements: [] };
  for (const node of body) {
    let direction: Direction = 'up';
    for (const marker of markers) if (marker.at < node.range[0]) direction = marker.direction;
    (direction === 'down' ? down : up).statements.push(node);
  }
  return [up, down];
}

function tableEvent(statement: SqlStatement, step: object): { created: boolean; event: TableEvent } | null {
  if (!statement.ddl || statement.name === null) return null;
  if (statement.kind === 'CREATE TABLE' && !statement.flags.temporary) {
    const table = normalizeTableName(statement.name);
    return table === null ? null : { created: true, event: { table, step, order: statement.start } };
  }
  if (statement.kind === 'DROP TABLE') {
    const table = normalizeTableName(statement.name);
    return table === null ? null : { created: false, event: { table, step, order: statement.start } };
  }
  return null;
}
