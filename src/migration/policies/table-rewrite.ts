/**
 * `no-table-rewrite`'s policy over one SQL statement: which of its parts make
 * PostgreSQL write a new copy of an existing table under ACCESS EXCLUSIVE.
 * Each hazard id is a row of `hazards/no-table-rewrite.ts`, proven on PGlite.
 */
import { alterTableFacts, type AlterTableAction } from '../../sql/alter-table';
import type { Token } from '../../sql/lexer';
import { clusterFacts, vacuumFacts } from '../../sql/statement-facts';
import { typeChangeVerdict } from '../../sql/type-change';
import { firstVolatileCall } from '../../sql/volatility';
import type { RewriteHazardId } from '../hazards/no-table-rewrite';

export interface RewriteFinding {
  readonly hazard: RewriteHazardId;
  /** The part to report: offsets into the statement's text. */
  readonly start: number;
  readonly end: number;
  /** Normalised table, or null (unknown, or every table: `VACUUM FULL`, bare `CLUSTER`). */
  readonly table: string | null;
  /** The table as the message names it. */
  readonly tableLabel: string;
  /** What makes it a rewrite, for the message: `the volatile default gen_random_uuid()`. */
  readonly cause: string;
  /** A type change whose old type the migration does not show, and whose new type may be a widening. */
  readonly unsure: boolean;
}

export interface RewriteOptions {
  readonly postgresVersion: number;
}

/** Every rewrite one statement makes. */
export function findRewrites(tokens: readonly Token[], text: string, options: RewriteOptions): RewriteFinding[] {
  const head = tokens[0];
  if (head?.type !== 'word') return [];
  if (head.value === 'ALTER') {
    const facts = alterTableFacts(tokens, text);
    if (!facts) return [];
    const out: RewriteFinding[] = [];
    for (const action of facts.actions) {
      const found = judgeAction(action, options);
      if (found) out.push({ ...found, start: action.start, end: action.end, table: facts.tableKey, tableLabel: facts.table ?? 'the table' });
    }
    return out;
  }
  if (head.value === 'VACUUM') {
    const facts = vacuumFacts(tokens, text);
    if (!facts?.full) return [];
    const start = head.start;
    const end = tokens.at(-1)?.end ?? head.end;
    if (facts.tables.length === 0) return [{ hazard: 'vacuum-full', start, end, table: null, tableLabel: 'every table', cause: 'a full compaction', unsure: false }];
    return facts.tables.map((table) => ({ hazard: 'vacuum-full', start, end, table: table.key, tableLabel: table.name, cause: 'a full compaction', unsure: false }));
  }
  if (head.value === 'CLUSTER') {
    const facts = clusterFacts(tokens, text);
    if (!facts) return [];
    const end = tokens.at(-1)?.end ?? head.end;
    return [
      {
        hazard: 'cluster',
        start: head.start,
        end,
        table: facts.table?.key ?? null,
        tableLabel: facts.table?.name ?? 'every clustered table',
        cause: 'the reordering by an index',
        unsure: false,
      },
    ];
  }
  return [];
}

type ActionFinding = Pick<RewriteFinding, 'hazard' | 'cause' | 'unsure'>;

function judgeAction(action: AlterTableAction, { postgresVersion }: RewriteOptions): ActionFinding | null {
  switch (action.kind) {
    case 'ALTER COLUMN TYPE': {
      if (!action.type) return null;
      const verdict = typeChangeVerdict(null, action.type, postgresVersion);
      if (verdict === 'no') return null;
      return { hazard: 'alter-column-type', cause: `the type change to \`${action.type.text}\``, unsure: verdict === 'unknown' };
    }
    case 'ADD COLUMN': {
      const definition = action.definition;
      if (!definition) return null;
      if (definition.serial) return { hazard: 'add-serial-column', cause: `the \`${definition.type?.text ?? 'serial'}\` column (its \`nextval()\` default runs per row)`, unsure: false };
      if (definition.identity) return { hazard: 'add-identity-column', cause: 'the identity column (every row gets a value)', unsure: false };
      if (definition.generated === 'stored' || (definition.generated === 'virtual' && !definition.generatedExplicit && postgresVersion < 18)) {
        return { hazard: 'add-stored-generated-column', cause: 'the stored generated column', unsure: false };
      }
      const defaultExpr = definition.default;
      if (!defaultExpr) return null;
      const volatile = firstVolatileCall(defaultExpr.tokens);
      if (volatile) return { hazard: 'add-column-volatile-default', cause: `the volatile default \`${volatile.qualified}()\` (evaluated per row)`, unsure: false };
      const isNull = defaultExpr.tokens.length === 1 && defaultExpr.tokens[0]?.type === 'word' && defaultExpr.tokens[0].value === 'NULL';
      if (postgresVersion < 11 && !isNull) return { hazard: 'add-column-default-before-11', cause: `the default \`${defaultExpr.text}\` (before PostgreSQL 11 every default is written to every row)`, unsure: false };
      return null;
    }
    case 'SET EXPRESSION':
      return { hazard: 'set-expression', cause: 'the new generation expression (every stored value is recomputed)', unsure: false };
    case 'SET LOGGED':
    case 'SET UNLOGGED':
      return { hazard: 'set-logged', cause: `\`${action.kind}\``, unsure: false };
    default:
      return null;
  }
}
