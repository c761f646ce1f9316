/**
 * Facts of the statements besides `ALTER TABLE` that the migration safety
 * rules judge: `ALTER TYPE … RENAME VALUE`, `VACUUM`, `CLUSTER`,
 * `DROP TABLE`, `SET [LOCAL] name …` (lock_timeout). Pure functions over one
 * statement's tokens; null when the statement is not of that kind.
 */
import { normalizeTableName } from '../migration-runners/table-names';
import type { Token } from './lexer';
import { TokenCursor } from './token-cursor';

/** A name as written and its comparable key (`normalizeTableName`). */
export interface NamedTable {
  readonly name: string;
  readonly key: string | null;
  readonly start: number;
  readonly end: number;
}

/** `ALTER TYPE t RENAME VALUE 'a' TO 'b'`. */
export interface RenameEnumValueFacts {
  readonly type: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** `VACUUM [FULL] [tables]`, `VACUUM (FULL, …) [tables]`. */
export interface VacuumFacts {
  readonly full: boolean;
  /** Empty: every table of the database. */
  readonly tables: readonly NamedTable[];
}

/** `CLUSTER [VERBOSE] [t [USING i]]`, `CLUSTER i ON t` (old form). */
export interface ClusterFacts {
  /** Null: every previously clustered table. */
  readonly table: NamedTable | null;
}

/** `DROP TABLE [IF EXISTS] a, b [CASCADE]`. */
export interface DropTableFacts {
  readonly tables: readonly NamedTable[];
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** `SET [SESSION | LOCAL] name { TO | = } value`, `RESET name` (value null). */
export interface SetFacts {
  /** Lower-cased setting name (`lock_timeout`). */
  readonly name: string;
  readonly local: boolean;
  /** The value as written without quotes (`'2s'` → `2s`, `DEFAULT` → `default`), or null (`RESET`, a hole). */
  readonly value: string | null;
}

function tableAt(c: TokenCursor, index: number): { table: NamedTable; next: number } | null {
  const end = c.readName(index);
  if (end === -1) return null;
  const raw = c.text.slice(c.at(index)?.start ?? 0, c.at(end - 1)?.end ?? 0);
  return {
    table: { name: c.slice(index, end), key: normalizeTableName(raw), start: c.at(index)?.start ?? 0, end: c.endBefore(end) },
    next: end,
  };
}

function tableList(c: TokenCursor, from: number): NamedTable[] {
  const tables: NamedTable[] = [];
  let i = from;
  for (;;) {
    if (c.isWord(i, 'ONLY')) i++;
    const read = tableAt(c, i);
    if (!read) return tables;
    tables.push(read.table);
    i = read.next;
    if (c.isPunct(i, '*')) i++;
    if (c.isPunct(i, '(')) i = c.skipGroup(i); // VACUUM ANALYZE t (cols)
    if (!c.isPunct(i, ',')) return tables;
    i++;
  }
}

export function renameEnumValueFacts(tokens: readonly Token[], text: string): RenameEnumValueFacts | null {
  const c = new TokenCursor(tokens, text);
  if (!c.isWord(0, 'ALTER') || !c.isWord(1, 'TYPE')) return null;
  const end = c.readName(2);
  if (end === -1 || !c.isWord(end, 'RENAME') || !c.isWord(end + 1, 'VALUE')) return null;
  const value = (index: number): string | null => {
    const token = c.at(index);
    return token?.type === 'string' ? token.value : null;
  };
  return { type: c.slice(2, end), from: value(end + 2), to: c.isWord(end + 3, 'TO') ? value(end + 4) : null };
}

const VACUUM_WORDS: ReadonlySet<string> = new Set(['FULL', 'FREEZE', 'VERBOSE', 'ANALYZE', 'ANALYSE']);

export function vacuumFacts(tokens: readonly Token[], text: string): VacuumFacts | null {
  const c = new TokenCursor(tokens, text);
  if (!c.isWord(0, 'VACUUM')) return null;
  let i = 1;
  let full = false;
  if (c.isPunct(i, '(')) {
    const close = c.skipGroup(i);
    for (let j = i + 1; j < close - 1; j++) {
      // `FULL`, `FULL true`, `FULL on`, `FULL 1`; `FULL false` / `off` / `0` turns it off.
      if (c.isWord(j, 'FULL') && (c.isPunct(j - 1, '(') || c.isPunct(j - 1, ','))) {
        const value = c.at(j + 1);
        const off = value !== undefined && /^(?:false|off|0)$/i.test(value.value);
        full = !off;
      }
    }
    i = close;
  } else {
    while (c.isWord(i, ...VACUUM_WORDS)) {
      if (c.isWord(i, 'FULL')) full = true;
      i++;
    }
  }
  return { full, tables: tableList(c, i) };
}

export function clusterFacts(tokens: readonly Token[], text: string): ClusterFacts | null {
  const c = new TokenCursor(tokens, text);
  if (!c.isWord(0, 'CLUSTER')) return null;
  let i = 1;
  if (c.isPunct(i, '(')) i = c.skipGroup(i);
  if (c.isWord(i, 'VERBOSE')) i++;
  const first = tableAt(c, i);
  if (!first) return { table: null };
  // Pre-8.3 form `CLUSTER index ON table`.
  if (c.isWord(first.next, 'ON')) return { table: tableAt(c, first.next + 1)?.table ?? null };
  return { table: first.table };
}

export function dropTableFacts(tokens: readonly Token[], text: string): DropTableFacts | null {
  const c = new TokenCursor(tokens, text);
  if (!c.isWord(0, 'DROP') || !c.isWord(1, 'TABLE')) return null;
  let i = 2;
  const ifExists = c.isWord(i, 'IF') && c.isWord(i + 1, 'EXISTS');
  if (ifExists) i += 2;
  const tables = tableList(c, i);
  return { tables, ifExists, cascade: c.isWord(tokens.length - 1, 'CASCADE') };
}

export function setFacts(tokens: readonly Token[], text: string): SetFacts | null {
  const c = new TokenCursor(tokens, text);
  if (c.isWord(0, 'RESET')) {
    const name = c.word(1);
    return name === null ? null : { name: settingName(c, 1), local: false, value: null };
  }
  if (!c.isWord(0, 'SET')) return null;
  let i = 1;
  let local = false;
  if (c.isWord(i, 'LOCAL')) {
    local = true;
    i++;
  } else if (c.isWord(i, 'SESSION') && !c.isWord(i + 1, 'AUTHORIZATION', 'CHARACTERISTICS')) {
    i++;
  }
  const token = c.at(i);
  if (token?.type !== 'word' && token?.type !== 'quoted') return null;
  if (c.isWord(i, 'TRANSACTION', 'CONSTRAINTS', 'ROLE', 'SESSION')) return null;
  const name = settingName(c, i);
  let j = i + 1;
  while (c.isPunct(j, '.')) j += 2;
  if (!(c.isWord(j, 'TO') || c.isPunct(j, '='))) return null;
  const value = c.at(j + 1);
  let written: string | null = null;
  if (value?.type === 'string' || value?.type === 'quoted') written = value.value;
  else if (value?.type === 'number') written = c.at(j + 2)?.type === 'word' && c.at(j + 2)?.start === value.end ? value.value + (c.at(j + 2)?.value.toLowerCase() ?? '') : value.value;
  else if (value?.type === 'word') written = value.value.toLowerCase();
  return { name, local, value: written };
}

function settingName(c: TokenCursor, index: number): string {
  let name = (c.at(index)?.value ?? '').toLowerCase();
  let i = index + 1;
  while (c.isPunct(i, '.') && c.at(i + 1)) {
    name += `.${(c.at(i + 1)?.value ?? '').toLowerCase()}`;
    i += 2;
  }
  return name;
}
