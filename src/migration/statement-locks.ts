/**
 * The table lock a migration statement waits for, by PostgreSQL's rules (the
 * "Explicit Locking" and `ALTER TABLE` pages of its docs), held to a real
 * PostgreSQL by `tests/pg/hazards.test.ts` (`LOCK_CLAIMS`).
 */
import type { AlterTableAction } from '../sql/alter-table';
import { clusterFacts, vacuumFacts } from '../sql/statement-facts';
import { normalizeTableName } from '../migration-runners/table-names';
import type { LockMode } from './hazards/types';
import type { MigrationStatement } from './model';
import { alterTableOf } from './policy';

/** Strongest first. */
export const LOCK_STRENGTH: readonly LockMode[] = [
  'ACCESS EXCLUSIVE',
  'EXCLUSIVE',
  'SHARE ROW EXCLUSIVE',
  'SHARE',
  'SHARE UPDATE EXCLUSIVE',
  'ROW EXCLUSIVE',
  'ROW SHARE',
  'ACCESS SHARE',
];

export function strongest(a: LockMode, b: LockMode): LockMode {
  return LOCK_STRENGTH.indexOf(a) <= LOCK_STRENGTH.indexOf(b) ? a : b;
}

/** The lock one `ALTER TABLE` action takes on its table. */
export function actionLock(action: AlterTableAction, text: string): LockMode {
  switch (action.kind) {
    case 'ADD CONSTRAINT':
      return action.constraint?.type === 'FOREIGN KEY' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'VALIDATE CONSTRAINT':
    case 'CLUSTER ON':
    case 'ATTACH PARTITION':
    case 'ALTER COLUMN OTHER':
      // `SET STATISTICS`, `SET (n_distinct …)`: SHARE UPDATE EXCLUSIVE; `SET STORAGE`, `SET COMPRESSION`, identity options: ACCESS EXCLUSIVE.
      return action.kind === 'ALTER COLUMN OTHER' && !/\bSET\s+(?:STATISTICS|\()/i.test(text.slice(action.start, action.end))
        ? 'ACCESS EXCLUSIVE'
        : 'SHARE UPDATE EXCLUSIVE';
    case 'DETACH PARTITION':
      return action.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'OTHER': {
      const source = text.slice(action.start, action.end);
      if (/^\s*(?:ENABLE|DISABLE)\s+(?:ALWAYS\s+|REPLICA\s+)?TRIGGER\b/i.test(source)) return 'SHARE ROW EXCLUSIVE';
      if (/^\s*(?:SET|RESET)\s*\(/i.test(source)) return 'SHARE UPDATE EXCLUSIVE';
      return 'ACCESS EXCLUSIVE';
    }
    default:
      return 'ACCESS EXCLUSIVE';
  }
}

export interface StatementLock {
  readonly lock: LockMode;
  /** Normalised table, or null when unknown. */
  readonly table: string | null;
  /** How a message names the table. */
  readonly tableLabel: string;
}

const LOCK_MODE_WORDS = /\bIN\s+(ACCESS\s+SHARE|ROW\s+SHARE|ROW\s+EXCLUSIVE|SHARE\s+UPDATE\s+EXCLUSIVE|SHARE\s+ROW\s+EXCLUSIVE|SHARE|EXCLUSIVE|ACCESS\s+EXCLUSIVE)\s+MODE\b/i;

/** The strongest table lock a statement takes, or null when it takes none worth a timeout (or we cannot tell). */
export function statementLock(statement: MigrationStatement): StatementLock | null {
  const facts = statement.statement;
  const named = (name: string | null): StatementLock['table'] => (name === null ? null : normalizeTableName(name));
  if (facts.kind === 'ALTER TABLE') {
    const alter = alterTableOf(statement);
    if (!alter || alter.actions.length === 0) return null;
    const lock = alter.actions.map((action) => actionLock(action, statement.text)).reduce(strongest);
    return { lock, table: alter.tableKey, tableLabel: alter.table ?? '…' };
  }
  if (!facts.ddl && facts.verb !== 'LOCK' && facts.verb !== 'VACUUM' && facts.verb !== 'CLUSTER' && facts.verb !== 'REFRESH') return null;
  switch (facts.kind) {
    case 'DROP TABLE':
    case 'TRUNCATE':
      return { lock: 'ACCESS EXCLUSIVE', table: named(facts.name), tableLabel: facts.name ?? '…' };
    case 'DROP INDEX':
      return facts.flags.concurrently ? null : { lock: 'ACCESS EXCLUSIVE', table: null, tableLabel: facts.name ?? '…' };
    case 'CREATE TRIGGER':
      return { lock: 'SHARE ROW EXCLUSIVE', table: named(facts.table), tableLabel: facts.table ?? '…' };
    default:
      break;
  }
  const text = statement.text.slice(facts.start, facts.end);
  if (facts.verb === 'LOCK') {
    const mode = LOCK_MODE_WORDS.exec(text)?.[1]?.toUpperCase().replace(/\s+/g, ' ') as LockMode | undefined;
    const lock = mode ?? 'ACCESS EXCLUSIVE';
    const table = /^\s*LOCK\s+(?:TABLE\s+)?(?:ONLY\s+)?([^\s,;(]+)/i.exec(text)?.[1] ?? null;
    return lock === 'ACCESS EXCLUSIVE' || lock === 'SHARE ROW EXCLUSIVE' || lock === 'EXCLUSIVE' ? { lock, table: named(table), tableLabel: table ?? '…' } : null;
  }
  if (facts.verb === 'VACUUM') {
    const vacuum = vacuumFacts(statement.tokens, statement.text);
    const first = vacuum?.tables[0];
    return vacuum?.full ? { lock: 'ACCESS EXCLUSIVE', table: first?.key ?? null, tableLabel: first?.name ?? '…' } : null;
  }
  if (facts.verb === 'CLUSTER') {
    const cluster = clusterFacts(statement.tokens, statement.text);
    return { lock: 'ACCESS EXCLUSIVE', table: cluster?.table?.key ?? null, tableLabel: cluster?.table?.name ?? '…' };
  }
  if (facts.verb === 'REFRESH' && !/\bCONCURRENTLY\b/i.test(text)) {
    const view = /\bVIEW\s+([^\s;]+)/i.exec(text)?.[1] ?? null;
    return { lock: 'ACCESS EXCLUSIVE', table: named(view), tableLabel: view ?? '…' };
  }
  return null;
}
