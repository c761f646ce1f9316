/**
 * Statement facts for `ALTER TABLE`: every action of
 * `ALTER TABLE [IF EXISTS] [ONLY] t action, action…` with its kind, its
 * column or constraint, and the offsets rules report at and insert text at.
 *
 * Pure functions over one statement's tokens (from `lexer.ts`, split by
 * `analyze.ts`); offsets are into the text the tokens were lexed from. The
 * libpg-query oracle test (`tests/sql/pg-parser-oracle.test.ts`) holds these
 * facts to PostgreSQL's own parse tree.
 */
import { normalizeTableName } from '../migration-runners/table-names';
import type { Token } from './lexer';
import { TokenCursor } from './token-cursor';
import { readTypeName, type SqlType } from './types';

/** What one `ALTER TABLE` action does. */
export type AlterTableActionKind =
  | 'ADD COLUMN'
  | 'DROP COLUMN'
  | 'ALTER COLUMN TYPE'
  | 'SET NOT NULL'
  | 'DROP NOT NULL'
  | 'SET DEFAULT'
  | 'DROP DEFAULT'
  /** `ALTER COLUMN c ADD GENERATED … AS IDENTITY`. */
  | 'ADD IDENTITY'
  /** `ALTER COLUMN c SET EXPRESSION AS (…)` (PostgreSQL 17+). */
  | 'SET EXPRESSION'
  /** Any other `ALTER COLUMN c …` (statistics, storage, compression, identity options…). */
  | 'ALTER COLUMN OTHER'
  | 'ADD CONSTRAINT'
  | 'VALIDATE CONSTRAINT'
  | 'DROP CONSTRAINT'
  | 'ALTER CONSTRAINT'
  | 'RENAME COLUMN'
  | 'RENAME TO'
  | 'RENAME CONSTRAINT'
  | 'SET LOGGED'
  | 'SET UNLOGGED'
  | 'SET TABLESPACE'
  | 'SET SCHEMA'
  | 'SET ACCESS METHOD'
  | 'ATTACH PARTITION'
  | 'DETACH PARTITION'
  | 'CLUSTER ON'
  /** Anything else (`OWNER TO`, `ENABLE TRIGGER`, `SET (…)`, `INHERIT`…), or an action with a template hole. */
  | 'OTHER';

export type ConstraintType = 'FOREIGN KEY' | 'CHECK' | 'UNIQUE' | 'PRIMARY KEY' | 'EXCLUDE' | 'NOT NULL';

/** A source range: offsets into the analysed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** An expression as written (a default, a `CHECK`, a `USING`). */
export interface SqlExpression extends Span {
  /** Its text, whitespace collapsed, holes as `${…}`. */
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** `ADD [CONSTRAINT n] …` or a constraint inline in a column definition. */
export interface ConstraintFacts extends Span {
  readonly type: ConstraintType;
  /** `CONSTRAINT name`, as written, or null. */
  readonly name: string | null;
  readonly notValid: boolean;
  /** `UNIQUE USING INDEX i` / `PRIMARY KEY USING INDEX i`: adopts an existing index, builds none. */
  readonly usingIndex: string | null;
  /** `CHECK (expr)` / `EXCLUDE … WHERE`: the expression inside the parentheses. */
  readonly expression: SqlExpression | null;
  /** FOREIGN KEY / REFERENCES: the referenced table as written. */
  readonly references: string | null;
  /** Where ` NOT VALID` goes: just past the constraint. */
  readonly notValidAt: number;
}

/** `GENERATED ALWAYS AS (expr) STORED|VIRTUAL`. PostgreSQL 18 makes virtual the default. */
export type GeneratedKind = 'stored' | 'virtual' | null;

/** A column definition (`ADD COLUMN`). */
export interface ColumnDefinition {
  readonly name: string;
  /** The type, or null when none was written (a hole). */
  readonly type: SqlType | null;
  /** `DEFAULT expr`, or null. */
  readonly default: SqlExpression | null;
  readonly notNull: boolean;
  /** `GENERATED ALWAYS AS (expr) [STORED|VIRTUAL]`: `stored`, `virtual`, or null when not generated. An unmarked one is `null` in `generatedWritten` below. */
  readonly generated: GeneratedKind;
  /** The generated column said STORED or VIRTUAL explicitly (an unmarked one is virtual from PostgreSQL 18, stored before). */
  readonly generatedExplicit: boolean;
  readonly generatedExpression: SqlExpression | null;
  /** `GENERATED … AS IDENTITY`. */
  readonly identity: boolean;
  /** `serial`, `bigserial`, `smallserial` (and `serial2/4/8`). */
  readonly serial: boolean;
  /** Inline constraints (REFERENCES, CHECK, UNIQUE, PRIMARY KEY). */
  readonly constraints: readonly ConstraintFacts[];
}

export interface AlterTableAction extends Span {
  readonly kind: AlterTableActionKind;
  /** The column acted on (ADD/DROP/ALTER/RENAME COLUMN), unquoted; null otherwise. */
  readonly column: string | null;
  /** ADD COLUMN. */
  readonly definition: ColumnDefinition | null;
  /** ADD CONSTRAINT / ADD table constraint. */
  readonly constraint: ConstraintFacts | null;
  /** VALIDATE / DROP / ALTER / RENAME CONSTRAINT: the constraint name. */
  readonly constraintName: string | null;
  /** ALTER COLUMN TYPE: the new type. */
  readonly type: SqlType | null;
  /** ALTER COLUMN TYPE … USING expr. */
  readonly using: SqlExpression | null;
  /** SET DEFAULT expr. */
  readonly default: SqlExpression | null;
  /** RENAME …: the new name; ATTACH/DETACH PARTITION: the partition; SET TABLESPACE/SCHEMA: the target. */
  readonly target: string | null;
  /** DETACH PARTITION … CONCURRENTLY (or FINALIZE, which completes one). */
  readonly concurrently: boolean;
  /** IF EXISTS / IF NOT EXISTS on the action. */
  readonly ifExists: boolean;
  /** Offset just past the action's leading keywords (`ADD COLUMN c`), for a short report range. */
  readonly headEnd: number;
}

export interface AlterTableFacts extends Span {
  /** The table as written (`public.users`, holes as `${…}`), or null. */
  readonly table: string | null;
  /** `normalizeTableName(table)`: comparable with created-table records; null when unknown. */
  readonly tableKey: string | null;
  readonly ifExists: boolean;
  readonly only: boolean;
  readonly actions: readonly AlterTableAction[];
}

/** Words that start a column constraint (or end a type / default expression). */
const COLUMN_CONSTRAINT_WORDS: ReadonlySet<string> = new Set([
  'CONSTRAINT',
  'NOT',
  'NULL',
  'DEFAULT',
  'CHECK',
  'UNIQUE',
  'PRIMARY',
  'REFERENCES',
  'GENERATED',
  'COLLATE',
  'COMPRESSION',
  'STORAGE',
  'DEFERRABLE',
  'INITIALLY',
  'ENFORCED',
]);

const TABLE_CONSTRAINT_STARTS: ReadonlySet<string> = new Set(['CONSTRAINT', 'CHECK', 'UNIQUE', 'PRIMARY', 'FOREIGN', 'EXCLUDE']);

const SERIAL_TYPES: ReadonlySet<string> = new Set(['serial', 'bigserial', 'smallserial']);

/** Facts of an `ALTER TABLE` statement (`tokens` without the `;`), or null when it is not one. */
export function alterTableFacts(tokens: readonly Token[], text: string): AlterTableFacts | null {
  const c = new TokenCursor(tokens, text);
  if (!c.isWord(0, 'ALTER') || !c.isWord(1, 'TABLE')) return null;
  let i = 2;
  let ifExists = false;
  if (c.isWord(i, 'IF') && c.isWord(i + 1, 'EXISTS')) {
    ifExists = true;
    i += 2;
  }
  let only = false;
  if (c.isWord(i, 'ONLY')) {
    only = true;
    i++;
  }
  const nameEnd = c.readName(i);
  if (nameEnd === -1) return null;
  const table = c.slice(i, nameEnd);
  const rawTable = text.slice(tokens[i]?.start ?? 0, tokens[nameEnd - 1]?.end ?? 0);
  i = nameEnd;
  if (c.isPunct(i, '*')) i++;
  const actions: AlterTableAction[] = [];
  for (const [from, to] of splitTopLevel(c, i, tokens.length)) {
    if (from < to) actions.push(readAction(c, from, to));
  }
  return {
    table,
    tableKey: normalizeTableName(rawTable),
    ifExists,
    only,
    actions,
    start: tokens[0]?.start ?? 0,
    end: tokens.at(-1)?.end ?? 0,
  };
}

/** Ranges [from, to) between top-level commas. */
function splitTopLevel(c: TokenCursor, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (c.isPunct(i, '(') || c.isPunct(i, '[')) depth++;
    else if (c.isPunct(i, ')') || c.isPunct(i, ']')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c.isPunct(i, ',')) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  ranges.push([start, to]);
  return ranges;
}

/** An identifier's value: a word lower-cased (as PostgreSQL folds it), a quoted one as written. */
function identifier(c: TokenCursor, index: number): string | null {
  const token = c.at(index);
  if (token?.type === 'word') return token.value.toLowerCase();
  if (token?.type === 'quoted') return token.value;
  return null;
}

interface ActionDraft {
  kind: AlterTableActionKind;
  column?: string | null;
  definition?: ColumnDefinition | null;
  constraint?: ConstraintFacts | null;
  constraintName?: string | null;
  type?: SqlType | null;
  using?: SqlExpression | null;
  default?: SqlExpression | null;
  target?: string | null;
  concurrently?: boolean;
  ifExists?: boolean;
  headEnd: number;
}

function readAction(c: TokenCursor, from: number, to: number): AlterTableAction {
  const draft = draftAction(c, from, to);
  return {
    kind: draft.kind,
    column: draft.column ?? null,
    definition: draft.definition ?? null,
    constraint: draft.constraint ?? null,
    constraintName: draft.constraintName ?? null,
    type: draft.type ?? null,
    using: draft.using ?? null,
    default: draft.default ?? null,
    target: draft.target ?? null,
    concurrently: draft.concurrently ?? false,
    ifExists: draft.ifExists ?? false,
    headEnd: draft.headEnd,
    start: c.at(from)?.start ?? 0,
    end: c.at(to - 1)?.end ?? 0,
  };
}

function draftAction(c: TokenCursor, from: number, to: number): ActionDraft {
  const head = c.word(from);
  const other: ActionDraft = { kind: 'OTHER', headEnd: c.endBefore(from + 1) };
  switch (head) {
    case 'ADD':
      return addAction(c, from + 1, to);
    case 'DROP':
      return dropAction(c, from + 1, to);
    case 'ALTER':
      return alterAction(c, from + 1, to);
    case 'VALIDATE':
      if (c.isWord(from + 1, 'CONSTRAINT')) {
        return { kind: 'VALIDATE CONSTRAINT', constraintName: identifier(c, from + 2), headEnd: c.endBefore(from + 3) };
      }
      return other;
    case 'RENAME':
      return renameAction(c, from + 1);
    case 'SET':
      return setAction(c, from + 1);
    case 'ATTACH':
    case 'DETACH': {
      if (!c.isWord(from + 1, 'PARTITION')) return other;
      const nameEnd = c.readName(from + 2);
      return {
        kind: head === 'ATTACH' ? 'ATTACH PARTITION' : 'DETACH PARTITION',
        target: nameEnd === -1 ? null : c.slice(from + 2, nameEnd),
        // `FINALIZE` completes an interrupted `DETACH … CONCURRENTLY`.
        concurrently: head === 'DETACH' && nameEnd !== -1 && c.isWord(nameEnd, 'CONCURRENTLY', 'FINALIZE'),
        headEnd: c.endBefore(nameEnd === -1 ? from + 2 : nameEnd),
      };
    }
    case 'CLUSTER':
      if (c.isWord(from + 1, 'ON')) return { kind: 'CLUSTER ON', target: identifier(c, from + 2), headEnd: c.endBefore(from + 3) };
      return other;
    default:
      return other;
  }
}

function addAction(c: TokenCursor, from: number, to: number): ActionDraft {
  const next = c.word(from);
  if (next !== null && TABLE_CONSTRAINT_STARTS.has(next)) {
    const constraint = readTableConstraint(c, from, to);
    return { kind: 'ADD CONSTRAINT', constraint, headEnd: c.endBefore(constraintHeadEnd(c, from)) };
  }
  let i = from;
  if (c.isWord(i, 'COLUMN')) i++;
  let ifExists = false;
  if (c.isWord(i, 'IF') && c.isWord(i + 1, 'NOT') && c.isWord(i + 2, 'EXISTS')) {
    ifExists = true;
    i += 3;
  }
  const name = identifier(c, i);
  if (name === null) return { kind: 'OTHER', headEnd: c.endBefore(from) };
  const definition = readColumnDefinition(c, i, to);
  return { kind: 'ADD COLUMN', column: name, definition, ifExists, headEnd: c.endBefore(i + 1) };
}

/** Index just past `CONSTRAINT name TYPE-WORDS` (for the report range of an added constraint). */
function constraintHeadEnd(c: TokenCursor, from: number): number {
  let i = from;
  if (c.isWord(i, 'CONSTRAINT')) i += 2;
  if (c.isWord(i, 'PRIMARY', 'FOREIGN')) return i + 2;
  if (c.isWord(i, 'NOT') && c.isWord(i + 1, 'NULL')) return i + 2;
  return i + 1;
}

function dropAction(c: TokenCursor, from: number, to: number): ActionDraft {
  if (c.isWord(from, 'CONSTRAINT')) {
    let i = from + 1;
    const ifExists = c.isWord(i, 'IF') && c.isWord(i + 1, 'EXISTS');
    if (ifExists) i += 2;
    return { kind: 'DROP CONSTRAINT', constraintName: identifier(c, i), ifExists, headEnd: c.endBefore(i + 1) };
  }
  let i = from;
  if (c.isWord(i, 'COLUMN')) i++;
  else if (!(c.at(i)?.type === 'word' || c.at(i)?.type === 'quoted') || c.isWord(i, 'NOT', 'DEFAULT', 'EXPRESSION', 'IDENTITY')) {
    return { kind: 'OTHER', headEnd: c.endBefore(Math.min(from + 1, to)) };
  }
  const ifExists = c.isWord(i, 'IF') && c.isWord(i + 1, 'EXISTS');
  if (ifExists) i += 2;
  return { kind: 'DROP COLUMN', column: identifier(c, i), ifExists, headEnd: c.endBefore(i + 1) };
}

function alterAction(c: TokenCursor, from: number, to: number): ActionDraft {
  if (c.isWord(from, 'CONSTRAINT')) {
    return { kind: 'ALTER CONSTRAINT', constraintName: identifier(c, from + 1), headEnd: c.endBefore(from + 2) };
  }
  let i = from;
  if (c.isWord(i, 'COLUMN')) i++;
  const column = identifier(c, i);
  const headEnd = c.endBefore(i + 1);
  i++;
  const base = { column, headEnd };
  if (c.isWord(i, 'TYPE') || (c.isWord(i, 'SET') && c.isWord(i + 1, 'DATA') && c.isWord(i + 2, 'TYPE'))) {
    const typeStart = c.isWord(i, 'TYPE') ? i + 1 : i + 3;
    const typeEnd = scanUntil(c, typeStart, to, (word) => word === 'USING' || word === 'COLLATE');
    let using: SqlExpression | null = null;
    const usingAt = c.findWord(typeEnd, 'USING');
    if (usingAt !== -1 && usingAt < to) using = expression(c, usingAt + 1, to);
    return { ...base, kind: 'ALTER COLUMN TYPE', type: readTypeName(c, typeStart, typeEnd), using };
  }
  if (c.isWord(i, 'SET') && c.isWord(i + 1, 'NOT') && c.isWord(i + 2, 'NULL')) return { ...base, kind: 'SET NOT NULL' };
  if (c.isWord(i, 'DROP') && c.isWord(i + 1, 'NOT') && c.isWord(i + 2, 'NULL')) return { ...base, kind: 'DROP NOT NULL' };
  if (c.isWord(i, 'SET') && c.isWord(i + 1, 'DEFAULT')) return { ...base, kind: 'SET DEFAULT', default: expression(c, i + 2, to) };
  if (c.isWord(i, 'DROP') && c.isWord(i + 1, 'DEFAULT')) return { ...base, kind: 'DROP DEFAULT' };
  if (c.isWord(i, 'ADD') && c.isWord(i + 1, 'GENERATED')) return { ...base, kind: 'ADD IDENTITY' };
  if (c.isWord(i, 'SET') && c.isWord(i + 1, 'EXPRESSION')) return { ...base, kind: 'SET EXPRESSION' };
  return { ...base, kind: 'ALTER COLUMN OTHER' };
}

function renameAction(c: TokenCursor, from: number): ActionDraft {
  if (c.isWord(from, 'TO')) {
    const end = c.readName(from + 1);
    return { kind: 'RENAME TO', target: end === -1 ? null : c.slice(from + 1, end), headEnd: c.endBefore(from + 1) };
  }
  if (c.isWord(from, 'CONSTRAINT')) {
    return {
      kind: 'RENAME CONSTRAINT',
      constraintName: identifier(c, from + 1),
      target: c.isWord(from + 2, 'TO') ? identifier(c, from + 3) : null,
      headEnd: c.endBefore(from + 2),
    };
  }
  const i = c.isWord(from, 'COLUMN') ? from + 1 : from;
  return {
    kind: 'RENAME COLUMN',
    column: identifier(c, i),
    target: c.isWord(i + 1, 'TO') ? identifier(c, i + 2) : null,
    headEnd: c.endBefore(i + 1),
  };
}

function setAction(c: TokenCursor, from: number): ActionDraft {
  const word = c.word(from);
  const headEnd = c.endBefore(from + 1);
  switch (word) {
    case 'LOGGED':
      return { kind: 'SET LOGGED', headEnd };
    case 'UNLOGGED':
      return { kind: 'SET UNLOGGED', headEnd };
    case 'TABLESPACE':
      return { kind: 'SET TABLESPACE', target: identifier(c, from + 1), headEnd };
    case 'SCHEMA':
      return { kind: 'SET SCHEMA', target: identifier(c, from + 1), headEnd };
    case 'ACCESS':
      return c.isWord(from + 1, 'METHOD')
        ? { kind: 'SET ACCESS METHOD', target: identifier(c, from + 2), headEnd: c.endBefore(from + 2) }
        : { kind: 'OTHER', headEnd };
    default:
      return { kind: 'OTHER', headEnd };
  }
}

/** First index in [from, to) of a depth-0 word that `stop` accepts, else `to`. */
function scanUntil(c: TokenCursor, from: number, to: number, stop: (word: string) => boolean): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (c.isPunct(i, '(') || c.isPunct(i, '[') || c.isWord(i, 'CASE')) depth++;
    else if (c.isPunct(i, ')') || c.isPunct(i, ']') || c.isWord(i, 'END')) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const word = c.word(i);
      if (word !== null && stop(word)) return i;
    }
  }
  return to;
}

function expression(c: TokenCursor, from: number, to: number): SqlExpression | null {
  if (from >= to) return null;
  const first = c.at(from);
  const last = c.at(to - 1);
  if (!first || !last) return null;
  return { text: c.slice(from, to), tokens: c.tokens.slice(from, to), start: first.start, end: last.end };
}

/** A column definition from its name at `from` to `to`. */
export function readColumnDefinition(c: TokenCursor, from: number, to: number): ColumnDefinition {
  const name = identifier(c, from) ?? '';
  const typeEnd = scanUntil(c, from + 1, to, (word) => COLUMN_CONSTRAINT_WORDS.has(word));
  const type = typeEnd > from + 1 ? readTypeName(c, from + 1, typeEnd) : null;
  let defaultExpr: SqlExpression | null = null;
  let notNull = false;
  let generated: GeneratedKind = null;
  let generatedExplicit = false;
  let generatedExpression: SqlExpression | null = null;
  let identity = false;
  const constraints: ConstraintFacts[] = [];
  let i = typeEnd;
  let constraintStart = -1;
  let constraintName: string | null = null;
  while (i < to) {
    const word = c.word(i);
    if (word === 'CONSTRAINT') {
      constraintStart = i;
      constraintName = identifier(c, i + 1);
      i += 2;
      continue;
    }
    const start = constraintStart === -1 ? i : constraintStart;
    const named = constraintName;
    constraintStart = -1;
    constraintName = null;
    if (word === 'NOT' && c.isWord(i + 1, 'NULL')) {
      notNull = true;
      i += 2;
    } else if (word === 'NOT' && c.isWord(i + 1, 'DEFERRABLE', 'ENFORCED', 'VALID')) {
      i += 2;
    } else if (word === 'NULL') {
      i++;
    } else if (word === 'DEFAULT') {
      // `DEFAULT b_expr`: up to the next constraint word (at least one token: `DEFAULT NULL`).
      const end = scanUntil(c, i + 2, to, (next) => COLUMN_CONSTRAINT_WORDS.has(next));
      defaultExpr = expression(c, i + 1, Math.min(end, to));
      i = end;
    } else if (word === 'GENERATED') {
      const as = c.findWord(i + 1, 'AS');
      if (as !== -1 && as < to && c.isWord(as + 1, 'IDENTITY')) {
        identity = true;
        i = as + 2;
        if (c.isPunct(i, '(')) i = c.skipGroup(i);
      } else if (as !== -1 && as < to && c.isPunct(as + 1, '(')) {
        const close = c.skipGroup(as + 1);
        generatedExpression = expression(c, as + 2, close - 1);
        i = close;
        if (c.isWord(i, 'STORED', 'VIRTUAL')) {
          generated = c.word(i) === 'STORED' ? 'stored' : 'virtual';
          generatedExplicit = true;
          i++;
        } else {
          generated = 'virtual';
        }
      } else {
        i++;
      }
    } else if (word === 'CHECK' || word === 'UNIQUE' || word === 'PRIMARY' || word === 'REFERENCES') {
      const stop = constraintEnd(c, i, to);
      constraints.push(inlineConstraint(c, start, i, stop, named));
      i = stop;
    } else if (c.isPunct(i, '(')) {
      i = c.skipGroup(i);
    } else {
      i++;
    }
  }
  return {
    name,
    type,
    default: defaultExpr,
    notNull,
    generated,
    generatedExplicit,
    generatedExpression,
    identity,
    serial: type !== null && SERIAL_TYPES.has(type.name),
    constraints,
  };
}

/** Words that start the next inline constraint of a column. */
const NEXT_CONSTRAINT: ReadonlySet<string> = new Set(['CONSTRAINT', 'DEFAULT', 'GENERATED', 'CHECK', 'UNIQUE', 'PRIMARY', 'REFERENCES', 'NULL', 'COLLATE']);

/**
 * The end of an inline constraint starting at `at`: past its own words and
 * groups (`ON DELETE SET NULL` belongs to `REFERENCES`), stopping before the
 * word that starts the next one.
 */
function constraintEnd(c: TokenCursor, at: number, limit: number): number {
  let i = at + 1;
  while (i < limit) {
    if (c.isPunct(i, '(')) {
      i = c.skipGroup(i);
    } else if (c.isWord(i, 'ON') && c.isWord(i + 1, 'DELETE', 'UPDATE')) {
      i += 2;
      i += c.isWord(i, 'SET', 'NO') ? 2 : 1;
    } else if ((c.isWord(i, 'NOT') && c.isWord(i + 1, 'NULL')) || NEXT_CONSTRAINT.has(c.word(i) ?? '')) {
      return i;
    } else {
      i++;
    }
  }
  return limit;
}

function inlineConstraint(c: TokenCursor, start: number, at: number, end: number, name: string | null): ConstraintFacts {
  const word = c.word(at);
  let type: ConstraintType = 'CHECK';
  let references: string | null = null;
  let expressionFacts: SqlExpression | null = null;
  if (word === 'REFERENCES') {
    type = 'FOREIGN KEY';
    const nameEnd = c.readName(at + 1);
    references = nameEnd === -1 ? null : c.slice(at + 1, nameEnd);
  } else if (word === 'UNIQUE') {
    type = 'UNIQUE';
  } else if (word === 'PRIMARY') {
    type = 'PRIMARY KEY';
  } else if (c.isPunct(at + 1, '(')) {
    expressionFacts = expression(c, at + 2, c.skipGroup(at + 1) - 1);
  }
  return {
    type,
    name,
    notValid: hasNotValid(c, at, end),
    usingIndex: null,
    expression: expressionFacts,
    references,
    notValidAt: c.endBefore(end),
    start: c.at(start)?.start ?? 0,
    end: c.endBefore(end),
  };
}

function hasNotValid(c: TokenCursor, from: number, to: number): boolean {
  const at = c.findWord(from, 'VALID');
  return at !== -1 && at < to && c.isWord(at - 1, 'NOT');
}

/** `[CONSTRAINT name] CHECK (…) | UNIQUE … | PRIMARY KEY … | FOREIGN KEY … | EXCLUDE … | NOT NULL c` over [from, to). */
export function readTableConstraint(c: TokenCursor, from: number, to: number): ConstraintFacts {
  let i = from;
  let name: string | null = null;
  if (c.isWord(i, 'CONSTRAINT')) {
    name = identifier(c, i + 1);
    i += 2;
  }
  const word = c.word(i);
  let type: ConstraintType;
  let usingIndex: string | null = null;
  let expressionFacts: SqlExpression | null = null;
  let references: string | null = null;
  switch (word) {
    case 'PRIMARY':
      type = 'PRIMARY KEY';
      break;
    case 'FOREIGN':
      type = 'FOREIGN KEY';
      break;
    case 'UNIQUE':
      type = 'UNIQUE';
      break;
    case 'EXCLUDE':
      type = 'EXCLUDE';
      break;
    case 'NOT':
      type = 'NOT NULL';
      break;
    default:
      type = 'CHECK';
  }
  if (type === 'UNIQUE' || type === 'PRIMARY KEY') {
    const using = c.findWord(i, 'USING');
    if (using !== -1 && using < to && c.isWord(using + 1, 'INDEX') && !c.isWord(using + 2, 'TABLESPACE')) {
      usingIndex = identifier(c, using + 2);
    }
  }
  if (type === 'CHECK') {
    const open = i + 1;
    if (c.isPunct(open, '(')) expressionFacts = expression(c, open + 1, c.skipGroup(open) - 1);
  }
  if (type === 'FOREIGN KEY') {
    const at = c.findWord(i, 'REFERENCES');
    if (at !== -1 && at < to) {
      const nameEnd = c.readName(at + 1);
      references = nameEnd === -1 ? null : c.slice(at + 1, nameEnd);
    }
  }
  return {
    type,
    name,
    notValid: hasNotValid(c, i, to),
    usingIndex,
    expression: expressionFacts,
    references,
    notValidAt: c.endBefore(to),
    start: c.at(from)?.start ?? 0,
    end: c.endBefore(to),
  };
}
