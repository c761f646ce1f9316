import type { Token } from './lexer';
import {
  ALTER_ACTIONS,
  CREATE_FOLLOW,
  CREATE_MODIFIERS,
  DROP_TAIL,
  MULTI_WORD_OBJECTS,
  OBJECT_ALIASES,
  PRIVILEGES,
  SINGLE_WORD_OBJECTS,
  TRUNCATE_TAIL,
} from './keywords';
import { NO_FLAGS, type Classification, type KeywordCase, type StatementFlags } from './statement';
import { TokenCursor } from './token-cursor';

/**
 * The verbs whose statements `classifyStatement` can find to be DDL (the
 * cases of its switch that can reach `ddl()`; `REINDEX` is maintenance): a
 * statement that starts with any other word never is. The prefilters read it
 * (`mayContainDdl` in prefilter.ts, `mayHoldDdl` in analyze.ts); a test holds
 * them to `analyzeSql` (tests/sql/fuzz.test.ts).
 */
export const DDL_VERBS: ReadonlySet<string> = new Set([
  'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'COMMENT', 'GRANT', 'REVOKE', 'SELECT', 'REASSIGN', 'SECURITY', 'IMPORT',
]);

/**
 * Decide what one statement is from its head plus a short grammar check: the
 * words after the head must be what SQL allows there, so English sentences that
 * start with "Create table" or "Drop database" are not DDL.
 *
 * `plpgsql`: the statement comes from a `DO` body, where `SELECT … INTO x`
 * assigns a variable instead of creating a table.
 */
export function classifyStatement(tokens: readonly Token[], text: string, plpgsql = false): Classification {
  return new StatementParser(new TokenCursor(tokens, text), plpgsql).parse();
}

interface ObjectMatch {
  readonly kind: string;
  /** Index just past the object words. */
  readonly next: number;
}

type MutableFlags = { -readonly [K in keyof StatementFlags]: StatementFlags[K] };

/** Object kinds reported under a more common name, so `allow` needs fewer entries. */
/** Longest length of a name or label we show in a message. */
const MAX_NAME = 60;

class StatementParser {
  private readonly flags: MutableFlags = { ...NO_FLAGS };
  /** Token indexes of the leading keywords, for the case check. */
  private readonly keywords: number[] = [];

  constructor(
    private readonly c: TokenCursor,
    private readonly plpgsql: boolean,
  ) {}

  parse(): Classification {
    const verb = this.c.word(0);
    if (verb === null) return this.plain('');
    this.keywords.push(0);
    switch (verb) {
      case 'CREATE':
        return this.create();
      case 'ALTER':
        return this.alter();
      case 'DROP':
        return this.drop();
      case 'TRUNCATE':
        return this.truncate();
      case 'RENAME':
        return this.rename();
      case 'COMMENT':
        return this.comment();
      case 'GRANT':
      case 'REVOKE':
        return this.grantOrRevoke(verb);
      case 'SELECT':
        return this.plpgsql ? this.plain('SELECT') : this.selectInto();
      case 'REINDEX':
        return this.reindex();
      case 'START':
        return this.plain(this.c.isWord(1, 'TRANSACTION') ? 'START TRANSACTION' : 'START');
      case 'REASSIGN':
        return this.reassignOwned();
      case 'SECURITY':
        return this.securityLabel();
      case 'IMPORT':
        return this.importForeignSchema();
      default:
        return this.plain(verb);
    }
  }

  // ----- CREATE -----------------------------------------------------------

  private create(): Classification {
    let i = 1;
    if (this.c.isWord(i, 'OR') && this.c.isWord(i + 1, 'REPLACE', 'ALTER')) {
      this.flags.orReplace = true;
      this.keywords.push(i, i + 1);
      i += 2;
    }
    for (;;) {
      const modifier = this.c.word(i);
      // `TEMP`, `UNIQUE`, `UNLOGGED`…; a word that starts an object kind (`DEFAULT PRIVILEGES`) ends the run.
      if (modifier === null || !CREATE_MODIFIERS.has(modifier) || this.matchObject(i, false)) break;
      if (modifier === 'TEMP' || modifier === 'TEMPORARY') this.flags.temporary = true;
      if (modifier === 'UNIQUE') this.flags.unique = true;
      this.keywords.push(i);
      i++;
    }
    const object = this.matchObject(i);
    if (!object || object.kind === 'DEFAULT PRIVILEGES') return this.plain('CREATE');
    return object.kind === 'INDEX' ? this.createIndex(object.next) : this.createObject(object);
  }

  private createIndex(from: number): Classification {
    let i = from;
    if (this.c.isWord(i, 'CONCURRENTLY')) {
      this.flags.concurrently = true;
      i++;
    }
    i = this.ifExists(i, true);
    let name: string | null = null;
    let nameEnd = -1;
    if (!this.c.isWord(i, 'ON', 'USING')) {
      nameEnd = this.c.readName(i);
      if (nameEnd === -1) return this.plain('CREATE');
      name = this.c.slice(i, nameEnd);
      i = nameEnd;
    }
    if (this.c.isWord(i, 'USING') && this.c.word(i + 1) !== null) i += 2; // MySQL: `USING BTREE ON t`
    if (!this.c.isWord(i, 'ON')) return this.plain('CREATE');
    i++;
    if (this.c.isWord(i, 'ONLY')) {
      this.flags.only = true;
      i++;
    }
    const tableEnd = this.c.readName(i);
    if (tableEnd === -1) return this.plain('CREATE');
    const table = this.c.slice(i, tableEnd);
    // PostgreSQL and MySQL both require the column list (or a method) after the table.
    if (!['(', 'USING', '?'].includes(this.c.follow(tableEnd))) return this.plain('CREATE');
    const label = name ? `CREATE INDEX ${clip(name)}` : `CREATE INDEX ON ${clip(table)}`;
    return this.ddl('CREATE', 'INDEX', name, table, name ? nameEnd : tableEnd, true, 'CREATE INDEX', label);
  }

  private createObject(object: ObjectMatch): Classification {
    const { kind } = object;
    let i = this.ifExists(object.next, true);
    let nameEnd = this.c.readName(i, kind === 'USER' || kind === 'ROLE');
    if (kind === 'SCHEMA' && this.c.isWord(i, 'AUTHORIZATION')) nameEnd = this.c.readName(i + 1);
    if (nameEnd === -1) return this.plain('CREATE');
    const name = this.c.slice(i, nameEnd);
    i = nameEnd;
    const follow = this.c.follow(i);
    const allowed = CREATE_FOLLOW[kind];
    if (follow !== '?') {
      if (kind === 'DOMAIN') {
        if (!this.domainBody(i)) return this.plain('CREATE');
      } else if (allowed && !allowed.has(follow)) {
        return this.plain('CREATE');
      }
    }
    if ((kind === 'VIEW' || kind === 'MATERIALIZED VIEW') && follow !== '?' && this.c.findWord(i, 'AS') === -1) {
      return this.plain('CREATE');
    }
    return this.ddl('CREATE', kind, name, this.createTable(kind, i), nameEnd, this.createComplete(kind, i));
  }

  /** `CREATE DOMAIN d AS int` or `CREATE DOMAIN d int CHECK (…)`. */
  private domainBody(i: number): boolean {
    if (this.c.isWord(i, 'AS')) return true;
    const typeEnd = this.c.readName(i);
    if (typeEnd === -1) return false;
    return ['', '(', '[', 'CHECK', 'NOT', 'NULL', 'DEFAULT', 'CONSTRAINT', 'COLLATE', '?'].includes(this.c.follow(typeEnd));
  }

  /** For triggers, policies and rules: the table after `ON`. */
  private createTable(kind: string, from: number): string | null {
    if (kind !== 'TRIGGER' && kind !== 'POLICY' && kind !== 'RULE') return null;
    const on = this.c.findWord(from, 'ON');
    if (on === -1) return null;
    const end = this.c.readName(on + 1);
    return end === -1 ? null : this.c.slice(on + 1, end);
  }

  private createComplete(kind: string, i: number): boolean {
    const follow = this.c.follow(i);
    switch (kind) {
      case 'TABLE':
        if (follow === '(') return this.c.skipGroup(i) > i + 2; // at least one token inside
        return follow !== '' && follow !== '?' && this.c.at(i + 1) !== undefined;
      case 'VIEW':
      case 'MATERIALIZED VIEW': {
        const as = this.c.findWord(i, 'AS');
        return as !== -1 && this.c.at(as + 1) !== undefined;
      }
      case 'FUNCTION':
      case 'PROCEDURE':
        return this.c.findWord(this.c.skipGroup(i), 'RETURNS', 'LANGUAGE', 'AS', 'BEGIN', 'RETURN') !== -1;
      case 'TRIGGER':
      case 'POLICY':
      case 'RULE':
        return this.c.findWord(i, 'ON') !== -1;
      default:
        return true;
    }
  }

  // ----- ALTER ------------------------------------------------------------

  private alter(): Classification {
    if (this.c.isWord(1, 'SYSTEM')) return this.plain('ALTER SYSTEM');
    const object = this.matchObject(1);
    if (!object) return this.plain('ALTER');
    if (object.kind === 'DEFAULT PRIVILEGES') {
      if (this.c.findWord(object.next, 'GRANT', 'REVOKE') === -1) return this.plain('ALTER');
      return this.ddl('ALTER', null, null, null, object.next, true, 'ALTER DEFAULT PRIVILEGES', 'ALTER DEFAULT PRIVILEGES');
    }
    let i = this.ifExists(object.next, false);
    if (this.c.isWord(i, 'ONLY')) {
      this.flags.only = true;
      i++;
    }
    const nameEnd = this.c.readName(i, object.kind === 'USER' || object.kind === 'ROLE');
    if (nameEnd === -1) return this.plain('ALTER');
    const name = this.c.slice(i, nameEnd);
    i = nameEnd;
    if (this.c.isPunct(i, '*')) i++;
    if (this.c.isPunct(i, '(')) i = this.c.skipGroup(i); // function signature
    if (this.c.isPunct(i, '@')) i = Math.max(i + 1, this.c.readName(i + 1, true)); // MySQL 'user'@'host'
    const action = this.c.follow(i);
    if (action !== '?' && !ALTER_ACTIONS.has(action)) return this.plain('ALTER');
    return this.ddl('ALTER', object.kind, name, null, nameEnd, this.c.at(i + 1) !== undefined || action === '?');
  }

  // ----- DROP -------------------------------------------------------------

  private drop(): Classification {
    let i = 1;
    if (this.c.isWord(i, 'TEMPORARY')) {
      this.flags.temporary = true; // MySQL `DROP TEMPORARY TABLE`
      this.keywords.push(i);
      i++;
    }
    if (this.c.isWord(i, 'OWNED') && this.c.isWord(i + 1, 'BY')) {
      const end = this.c.readName(i + 2);
      if (end === -1) return this.plain('DROP');
      return this.ddl('DROP', null, this.c.slice(i + 2, end), null, end, true, 'DROP OWNED', `DROP OWNED BY ${clip(this.c.slice(i + 2, end))}`);
    }
    const object = this.matchObject(i);
    if (!object || object.kind === 'DEFAULT PRIVILEGES') return this.plain('DROP');
    i = object.next;
    if (this.c.isWord(i, 'CONCURRENTLY')) {
      this.flags.concurrently = true;
      i++;
    }
    i = this.ifExists(i, false);
    const first = i;
    let firstEnd = -1;
    for (;;) {
      const end = this.c.readName(i, object.kind === 'USER' || object.kind === 'ROLE');
      if (end === -1) return this.plain('DROP');
      if (firstEnd === -1) firstEnd = end;
      i = end;
      if (this.c.isPunct(i, '@')) i = Math.max(i + 1, this.c.readName(i + 1, true));
      if (this.c.isPunct(i, '(')) i = this.c.skipGroup(i);
      if (!this.c.isPunct(i, ',')) break;
      i++;
    }
    let table: string | null = null;
    if (this.c.isWord(i, 'ON') && ['TRIGGER', 'POLICY', 'RULE', 'INDEX'].includes(object.kind)) {
      const end = this.c.readName(i + 1);
      if (end === -1) return this.plain('DROP');
      table = this.c.slice(i + 1, end);
      i = end;
    }
    const tail = this.c.follow(i);
    if (tail !== '' && tail !== '?' && !DROP_TAIL.has(tail)) return this.plain('DROP');
    return this.ddl('DROP', object.kind, this.c.slice(first, firstEnd), table, firstEnd, true);
  }

  // ----- TRUNCATE, RENAME, COMMENT ----------------------------------------

  private truncate(): Classification {
    let i = 1;
    if (this.c.isWord(i, 'TABLE')) {
      this.keywords.push(i);
      i++;
    }
    if (this.c.isWord(i, 'ONLY')) {
      this.flags.only = true;
      i++;
    }
    const first = i;
    let firstEnd = -1;
    for (;;) {
      const end = this.c.readName(i);
      if (end === -1) return this.plain('TRUNCATE');
      if (firstEnd === -1) firstEnd = end;
      i = end;
      if (this.c.isPunct(i, '*')) i++;
      if (!this.c.isPunct(i, ',')) break;
      i++;
    }
    const tail = this.c.follow(i);
    if (tail !== '' && tail !== '?' && !TRUNCATE_TAIL.has(tail)) return this.plain('TRUNCATE');
    const name = this.c.slice(first, firstEnd);
    return this.ddl('TRUNCATE', 'TABLE', name, null, firstEnd, true, 'TRUNCATE', `TRUNCATE ${clip(name)}`);
  }

  /** MySQL `RENAME TABLE a TO b` and `RENAME USER a TO b`. */
  private rename(): Classification {
    const object = this.c.word(1);
    if (object !== 'TABLE' && object !== 'USER') return this.plain('RENAME');
    this.keywords.push(1);
    const end = this.c.readName(2, object === 'USER');
    if (end === -1) return this.plain('RENAME');
    let to = end;
    if (this.c.isPunct(to, '@')) to = Math.max(to + 1, this.c.readName(to + 1, true));
    if (!this.c.isWord(to, 'TO') || this.c.readName(to + 1, object === 'USER') === -1) return this.plain('RENAME');
    return this.ddl('RENAME', object, this.c.slice(2, end), null, end, true);
  }

  /** `COMMENT ON <object> <name> IS '…'`. */
  private comment(): Classification {
    if (!this.c.isWord(1, 'ON')) return this.plain('COMMENT');
    this.keywords.push(1);
    const is = this.c.findWord(2, 'IS');
    if (is === -1 || is < 4) return this.plain('COMMENT');
    const value = this.c.at(is + 1);
    const valueOk = value && (value.type === 'string' || value.type === 'hole' || value.type === 'param' || this.c.isWord(is + 1, 'NULL'));
    if (!valueOk || this.c.at(is + 2) !== undefined) return this.plain('COMMENT');
    const object = this.matchObject(2);
    const nameStart = object ? object.next : 3;
    const nameEnd = this.c.readName(nameStart);
    if (nameEnd === -1) return this.plain('COMMENT');
    return this.ddl('COMMENT', object?.kind ?? this.c.word(2), this.c.slice(nameStart, nameEnd), null, is, true, 'COMMENT ON', clip(this.c.slice(0, is)));
  }

  // ----- GRANT / REVOKE ---------------------------------------------------

  private grantOrRevoke(verb: 'GRANT' | 'REVOKE'): Classification {
    let i = 1;
    if (verb === 'REVOKE' && this.c.isWord(i, 'GRANT', 'ADMIN') && this.c.isWord(i + 1, 'OPTION') && this.c.isWord(i + 2, 'FOR')) {
      i += 3;
    }
    const target = verb === 'GRANT' ? 'TO' : 'FROM';
    const on = this.c.findWord(i, 'ON');
    const to = this.c.findWord(i, target);
    if (to === -1) return this.plain(verb);
    const grantee = this.c.readName(to + 1, true);
    if (grantee === -1) return this.plain(verb);
    if (this.c.isWord(i, ...PRIVILEGES) && on !== -1 && on < to) {
      // `GRANT SELECT, INSERT ON TABLE users TO app`
      const objectKind = this.matchObject(on + 1);
      let nameStart = objectKind ? objectKind.next : on + 1;
      if (this.c.isWord(nameStart, 'ALL')) nameStart = on + 1; // `ALL TABLES IN SCHEMA s`
      const nameEnd = this.c.readName(nameStart);
      if (nameEnd === -1 || nameEnd > to) return this.plain(verb);
      return this.ddl(verb, null, this.c.slice(nameStart, nameEnd), null, to, true, verb, clip(this.c.slice(0, to)));
    }
    // Role membership: `GRANT admin TO alice`. English can produce this shape, so it is never `complete`.
    let j = i;
    for (;;) {
      const end = this.c.readName(j);
      if (end === -1) return this.plain(verb);
      j = end;
      if (!this.c.isPunct(j, ',')) break;
      j++;
    }
    if (j !== to) return this.plain(verb);
    let k = grantee;
    while (this.c.isPunct(k, ',') && this.c.readName(k + 1, true) !== -1) k = this.c.readName(k + 1, true);
    if (!['', '?', 'WITH', 'GRANTED', 'CASCADE', 'RESTRICT'].includes(this.c.follow(k))) return this.plain(verb);
    return this.ddl(verb, 'ROLE', this.c.slice(i, j), null, k, false, verb, clip(this.c.slice(0, k)));
  }

  // ----- SELECT … INTO new_table ------------------------------------------

  private selectInto(): Classification {
    const into = this.c.findWord(1, 'INTO');
    if (into === -1) return this.plain('SELECT');
    let i = into + 1;
    if (this.c.isWord(i, 'TEMP', 'TEMPORARY')) {
      this.flags.temporary = true;
      i++;
    } else if (this.c.isWord(i, 'UNLOGGED')) {
      i++;
    }
    if (this.c.isWord(i, 'TABLE')) i++;
    // MySQL `INTO @var`, `INTO OUTFILE`, and bind parameters are not new tables.
    if (this.c.isWord(i, 'OUTFILE', 'DUMPFILE', 'STRICT') || this.c.isPunct(i, '@')) return this.plain('SELECT');
    const end = this.c.readName(i);
    if (end === -1) return this.plain('SELECT');
    const follow = this.c.follow(end);
    if (!['', '?', 'FROM', 'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'UNION'].includes(follow)) return this.plain('SELECT');
    const name = this.c.slice(i, end);
    return this.ddl('SELECT', 'TABLE', name, null, end, follow === 'FROM', 'SELECT INTO', `SELECT INTO ${clip(name)}`);
  }

  // ----- Rarer DDL, and REINDEX for index rules ---------------------------

  private reassignOwned(): Classification {
    if (!this.c.isWord(1, 'OWNED') || !this.c.isWord(2, 'BY') || this.c.findWord(3, 'TO') === -1) return this.plain('REASSIGN');
    return this.ddl('REASSIGN', null, null, null, 3, true, 'REASSIGN OWNED', 'REASSIGN OWNED');
  }

  private securityLabel(): Classification {
    if (!this.c.isWord(1, 'LABEL') || this.c.findWord(2, 'ON') === -1 || this.c.findWord(2, 'IS') === -1) return this.plain('SECURITY');
    return this.ddl('SECURITY', null, null, null, 2, true, 'SECURITY LABEL', 'SECURITY LABEL');
  }

  private importForeignSchema(): Classification {
    if (!this.c.isWord(1, 'FOREIGN') || !this.c.isWord(2, 'SCHEMA')) return this.plain('IMPORT');
    const end = this.c.readName(3);
    if (end === -1 || this.c.findWord(end, 'FROM') === -1) return this.plain('IMPORT');
    return this.ddl('IMPORT', 'SCHEMA', this.c.slice(3, end), null, end, true, 'IMPORT FOREIGN SCHEMA', `IMPORT FOREIGN SCHEMA ${clip(this.c.slice(3, end))}`);
  }

  /** `REINDEX [(opts)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name`: maintenance, not DDL. */
  private reindex(): Classification {
    let i = 1;
    if (this.c.isPunct(i, '(')) i = this.c.skipGroup(i);
    const object = this.c.word(i);
    if (object === null) return this.plain('REINDEX');
    i++;
    if (this.c.isWord(i, 'CONCURRENTLY')) {
      this.flags.concurrently = true;
      i++;
    }
    const end = this.c.readName(i);
    const name = end === -1 ? null : this.c.slice(i, end);
    return { ...this.plain('REINDEX'), object, name };
  }

  // ----- helpers ----------------------------------------------------------

  /** Object kind at `index` (multi-word kinds first). */
  private matchObject(index: number, record = true): ObjectMatch | null {
    for (const words of MULTI_WORD_OBJECTS) {
      if (words.every((word, offset) => this.c.word(index + offset) !== null && (word === '*' || this.c.isWord(index + offset, word)))) {
        const kind = OBJECT_ALIASES[words.join(' ')] ?? words.join(' ');
        if (record) for (let offset = 0; offset < words.length; offset++) this.keywords.push(index + offset);
        return { kind, next: index + words.length };
      }
    }
    const word = this.c.word(index);
    if (word !== null && SINGLE_WORD_OBJECTS.has(word)) {
      if (record) this.keywords.push(index);
      return { kind: word, next: index + 1 };
    }
    return null;
  }

  /** Skips `IF EXISTS` / `IF NOT EXISTS`, recording the flag. */
  private ifExists(index: number, not: boolean): number {
    if (!this.c.isWord(index, 'IF')) return index;
    if (not && this.c.isWord(index + 1, 'NOT') && this.c.isWord(index + 2, 'EXISTS')) {
      this.flags.ifNotExists = true;
      return index + 3;
    }
    if (this.c.isWord(index + 1, 'EXISTS')) {
      this.flags.ifExists = true;
      return index + 2;
    }
    return index;
  }

  private keywordCase(): KeywordCase {
    let upper = true;
    let lower = true;
    for (const index of new Set(this.keywords)) {
      const token = this.c.at(index);
      if (!token) continue;
      const raw = this.c.text.slice(token.start, token.end);
      if (raw !== raw.toUpperCase()) upper = false;
      if (raw !== raw.toLowerCase()) lower = false;
    }
    return upper ? 'upper' : lower ? 'lower' : 'mixed';
  }

  private ddl(
    verb: string,
    object: string | null,
    name: string | null,
    table: string | null,
    /** Token index just past the head. */
    headEndIndex: number,
    complete: boolean,
    kind = `${verb} ${object ?? ''}`.trim(),
    label = name ? `${kind} ${clip(name)}` : kind,
  ): Classification {
    // `DROP TABLE ${t}` with nothing else is a skeleton (often a message); it is complete only with literal text.
    const skeleton = complete && headEndIndex >= this.c.length && name !== null && name.split('${…}').join('').replace(/[.\s]/g, '') === '';
    return {
      kind,
      ddl: true,
      verb,
      object,
      name,
      table,
      label,
      flags: { ...this.flags },
      complete: complete && !skeleton,
      keywordCase: this.keywordCase(),
      headEnd: this.c.endBefore(headEndIndex),
    };
  }

  private plain(kind: string): Classification {
    const verb = this.c.word(0) ?? '';
    return {
      kind,
      ddl: false,
      verb,
      object: null,
      name: null,
      table: null,
      label: kind,
      flags: { ...this.flags },
      complete: false,
      keywordCase: this.keywordCase(),
      headEnd: this.c.at(0)?.end ?? 0,
    };
  }
}

function clip(text: string): string {
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}
