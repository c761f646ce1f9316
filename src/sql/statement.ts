/** What the classifier knows about one SQL statement. Shared by every SQL-aware rule. */

export interface StatementFlags {
  /** `CREATE OR REPLACE …` (also `CREATE OR ALTER`). */
  readonly orReplace: boolean;
  /** `CREATE TEMP/TEMPORARY …`, `DROP TEMPORARY TABLE`, `SELECT … INTO TEMP t`. */
  readonly temporary: boolean;
  /** `CREATE UNIQUE INDEX`. */
  readonly unique: boolean;
  /** `CREATE/DROP INDEX CONCURRENTLY`, `REINDEX … CONCURRENTLY`. */
  readonly concurrently: boolean;
  readonly ifExists: boolean;
  readonly ifNotExists: boolean;
  /** `CREATE INDEX … ON ONLY t`, `ALTER TABLE ONLY t`, `TRUNCATE ONLY t`. */
  readonly only: boolean;
}

export type KeywordCase = 'upper' | 'lower' | 'mixed';

export interface SqlStatement {
  /**
   * `CREATE TABLE`, `ALTER INDEX`, `DROP MATERIALIZED VIEW`, `TRUNCATE`, `GRANT`,
   * `SELECT INTO`… for DDL; otherwise the leading keyword(s) (`SELECT`, `BEGIN`,
   * `START TRANSACTION`, `REINDEX`, `REFRESH`…), or `''` when the statement does
   * not start with a word.
   */
  readonly kind: string;
  /** Passed the grammar check of a schema-changing statement. */
  readonly ddl: boolean;
  /** First keyword, upper-cased (`CREATE`). */
  readonly verb: string;
  /** Object kind (`TABLE`, `MATERIALIZED VIEW`), or null. */
  readonly object: string | null;
  /** Target as written (`public.users`; holes as `${…}`), or null. */
  readonly name: string | null;
  /** The table an index/trigger/policy/rule is on, or null. */
  readonly table: string | null;
  /** Short human name for messages: `ALTER TABLE users`. */
  readonly label: string;
  readonly flags: StatementFlags;
  /**
   * The statement carries its whole body (columns, an action, `ON t (c)`…),
   * not just a head that English could also produce. Used away from SQL sinks.
   */
  readonly complete: boolean;
  /** Case of the leading keywords: prose tends to be `mixed` ("Drop table users"). */
  readonly keywordCase: KeywordCase;
  /** Offset of the statement's first token in the analysed text. */
  readonly start: number;
  /** Offset just past its last token (before any `;`). */
  readonly end: number;
  /** Offset just past the head named by `label`. */
  readonly headEnd: number;
  /** Found inside a `DO` body or an `EXECUTE` string. */
  readonly nested: boolean;
  /**
   * The offsets point at the statement itself. False when it sits in a string
   * with escapes: then they point at that enclosing string.
   */
  readonly exact: boolean;
}

/** The classifier's verdict, before offsets are mapped into the analysed text. */
export type Classification = Omit<SqlStatement, 'start' | 'end' | 'headEnd' | 'nested' | 'exact'> & {
  /** Offset (in the statement's own text) just past the head. */
  readonly headEnd: number;
};

export const NO_FLAGS: StatementFlags = {
  orReplace: false,
  temporary: false,
  unique: false,
  concurrently: false,
  ifExists: false,
  ifNotExists: false,
  only: false,
};
