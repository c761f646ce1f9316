/**
 * A column type as written (`character varying(100)`, `numeric(12, 2)`,
 * `timestamp(3) with time zone`, `int[]`), with PostgreSQL's internal name so
 * two spellings of one type compare equal (`integer` and `int4` are `int4`).
 */
import type { TokenCursor } from './token-cursor';

export interface SqlType {
  /** As written, whitespace collapsed. */
  readonly text: string;
  /**
   * PostgreSQL's internal name (`int4`, `int8`, `varchar`, `bpchar`, `numeric`,
   * `float8`, `timestamptz`, `varbit`…; `serial`, `bigserial`, `smallserial`
   * for the serial pseudo-types), or the last part of the name lower-cased
   * (quoted names as written). `''` when it holds a template hole.
   */
  readonly name: string;
  /** The type modifiers (`varchar(100)` → `[100]`, `numeric(12,2)` → `[12, 2]`); `[]` without; null when not plain numbers. */
  readonly args: readonly number[] | null;
  readonly array: boolean;
  readonly start: number;
  readonly end: number;
}

/** Multi-word and alias spellings → PostgreSQL's internal type name. */
const ALIASES: Readonly<Record<string, string>> = {
  int: 'int4',
  integer: 'int4',
  int4: 'int4',
  bigint: 'int8',
  int8: 'int8',
  smallint: 'int2',
  int2: 'int2',
  real: 'float4',
  float4: 'float4',
  'double precision': 'float8',
  float8: 'float8',
  float: 'float8',
  decimal: 'numeric',
  dec: 'numeric',
  numeric: 'numeric',
  boolean: 'bool',
  bool: 'bool',
  'character varying': 'varchar',
  'char varying': 'varchar',
  varchar: 'varchar',
  'national character varying': 'varchar',
  'national char varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  nchar: 'bpchar',
  'national character': 'bpchar',
  'national char': 'bpchar',
  bpchar: 'bpchar',
  timestamp: 'timestamp',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  timestamptz: 'timestamptz',
  time: 'time',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
  timetz: 'timetz',
  'bit varying': 'varbit',
  varbit: 'varbit',
  bit: 'bit',
  serial: 'serial',
  serial4: 'serial',
  bigserial: 'bigserial',
  serial8: 'bigserial',
  smallserial: 'smallserial',
  serial2: 'smallserial',
};

/** The type written in tokens [from, to). */
export function readTypeName(c: TokenCursor, from: number, to: number): SqlType {
  const words: string[] = [];
  let args: number[] | null = [];
  let array = false;
  let hole = false;
  let quoted = false;
  let lastName = '';
  for (let i = from; i < to; i++) {
    const token = c.at(i);
    if (!token) break;
    if (token.type === 'hole') hole = true;
    else if (token.type === 'word') {
      if (token.value === 'ARRAY') array = true;
      else words.push(token.value.toLowerCase());
      lastName = token.value.toLowerCase();
    } else if (token.type === 'quoted') {
      // `"char"` is its own type, not `char`: a quoted name is never an alias.
      quoted = true;
      words.push(token.value);
      lastName = token.value;
    } else if (c.isPunct(i, '.')) {
      // `public.citext`: keep the last part.
      words.length = 0;
    } else if (c.isPunct(i, '[')) {
      array = true;
      i = skipBracket(c, i, to);
    } else if (c.isPunct(i, '(')) {
      const close = c.skipGroup(i);
      args = args === null ? null : readArgs(c, i + 1, close - 1);
      i = close - 1;
    }
  }
  const joined = words.join(' ');
  let name = hole ? '' : ((quoted ? undefined : ALIASES[joined]) ?? (words.length > 0 ? joined : lastName));
  if (name.startsWith('interval')) name = 'interval';
  const precision = args?.[0];
  if (joined === 'float' && precision !== undefined) name = precision <= 24 ? 'float4' : 'float8';
  if (name === 'float4' || name === 'float8') args = [];
  return {
    text: c.slice(from, to),
    name,
    args,
    array,
    start: c.at(from)?.start ?? 0,
    end: c.endBefore(to),
  };
}

function skipBracket(c: TokenCursor, from: number, to: number): number {
  for (let i = from; i < to; i++) if (c.isPunct(i, ']')) return i;
  return to;
}

function readArgs(c: TokenCursor, from: number, to: number): number[] | null {
  const args: number[] = [];
  for (let i = from; i < to; i++) {
    const token = c.at(i);
    if (token?.type === 'number' && /^\d+$/.test(token.value)) args.push(Number(token.value));
    else if (c.isPunct(i, '-') && c.at(i + 1)?.type === 'number') {
      args.push(-Number(c.at(i + 1)?.value));
      i++;
    } else if (!c.isPunct(i, ',')) return null;
  }
  return args;
}
