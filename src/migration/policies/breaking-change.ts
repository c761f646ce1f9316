/**
 * `no-breaking-schema-change`'s policy over one SQL statement: which of its
 * parts remove or rename something the running app version still uses.
 */
import { alterTableFacts } from '../../sql/alter-table';
import type { Token } from '../../sql/lexer';
import { dropTableFacts, renameEnumValueFacts } from '../../sql/statement-facts';
import type { BreakingKind } from '../hazards/no-breaking-schema-change';

export interface BreakingFinding {
  readonly kind: BreakingKind;
  readonly start: number;
  readonly end: number;
  /** Normalised table, or null (unknown, or an enum type). */
  readonly table: string | null;
  /** What goes away, for the message: `users.email`, `users`, `mood 'sad'`. */
  readonly subject: string;
}

export function findBreakingChanges(tokens: readonly Token[], text: string): BreakingFinding[] {
  const head = tokens[0];
  if (head?.type !== 'word') return [];
  const start = head.start;
  const end = tokens.at(-1)?.end ?? head.end;
  if (head.value === 'ALTER') {
    const alter = alterTableFacts(tokens, text);
    if (alter) {
      const out: BreakingFinding[] = [];
      const table = alter.table ?? '…';
      for (const action of alter.actions) {
        const base = { start: action.start, end: action.end, table: alter.tableKey };
        if (action.kind === 'DROP COLUMN') out.push({ ...base, kind: 'drop-column', subject: `${table}.${action.column ?? '…'}` });
        else if (action.kind === 'RENAME COLUMN') out.push({ ...base, kind: 'rename-column', subject: `${table}.${action.column ?? '…'}` });
        else if (action.kind === 'RENAME TO') out.push({ ...base, kind: 'rename-table', subject: table });
      }
      return out;
    }
    const rename = renameEnumValueFacts(tokens, text);
    if (rename) return [{ kind: 'rename-enum-value', start, end, table: null, subject: `${rename.type} '${rename.from ?? '…'}'` }];
    return [];
  }
  if (head.value === 'DROP') {
    const drop = dropTableFacts(tokens, text);
    if (!drop) return [];
    return drop.tables.map((table) => ({ kind: 'drop-table' as const, start, end, table: table.key, subject: table.name }));
  }
  return [];
}
