/**
 * Word lists behind the classifier. Object kinds are what CREATE/ALTER/DROP act
 * on; the follow sets say which words may come right after an object's name, so
 * that English ("Create table of contents", "Drop database connection and
 * retry") fails the grammar check while real statements pass it.
 */

/** Object kinds written with more than one word, longest first. `*` matches any word. */
export const MULTI_WORD_OBJECTS: readonly (readonly string[])[] = [
  ['FOREIGN', 'DATA', 'WRAPPER'],
  ['TEXT', 'SEARCH', '*'],
  ['MATERIALIZED', 'VIEW'],
  ['FOREIGN', 'TABLE'],
  ['EVENT', 'TRIGGER'],
  ['CONSTRAINT', 'TRIGGER'],
  ['OPERATOR', 'CLASS'],
  ['OPERATOR', 'FAMILY'],
  ['ACCESS', 'METHOD'],
  ['USER', 'MAPPING'],
  ['DEFAULT', 'PRIVILEGES'],
];

export const SINGLE_WORD_OBJECTS: ReadonlySet<string> = new Set([
  'TABLE',
  'INDEX',
  'VIEW',
  'SCHEMA',
  'DATABASE',
  'SEQUENCE',
  'TYPE',
  'DOMAIN',
  'EXTENSION',
  'FUNCTION',
  'PROCEDURE',
  'TRIGGER',
  'POLICY',
  'RULE',
  'ROLE',
  'USER',
  'GROUP',
  'AGGREGATE',
  'COLLATION',
  'CONVERSION',
  'SERVER',
  'LANGUAGE',
  'OPERATOR',
  'PUBLICATION',
  'SUBSCRIPTION',
  'STATISTICS',
  'TABLESPACE',
  'TRANSFORM',
  'CAST',
  'EVENT',
]);

/** Multi-word kinds reported under another kind's name. */
export const OBJECT_ALIASES: Readonly<Record<string, string>> = {
  'TEXT SEARCH *': 'TEXT SEARCH',
  'CONSTRAINT TRIGGER': 'TRIGGER',
};

/** `DEFAULT PRIVILEGES` is only ever altered: it is the kind `ALTER DEFAULT PRIVILEGES`, listed on its own. */
const NOT_AN_OBJECT_KIND = 'DEFAULT PRIVILEGES';

/**
 * Every object kind a statement kind can name, as the rule's `allow` option
 * spells them (`TEXT SEARCH CONFIGURATION` and friends collapse to `TEXT SEARCH`).
 * Derived from the grammar's own lists, so a kind the classifier learns is a kind
 * `allow` accepts.
 */
export const OBJECT_KINDS: readonly string[] = [
  ...new Set([
    ...SINGLE_WORD_OBJECTS,
    ...MULTI_WORD_OBJECTS.map((words) => {
      const spelled = words.join(' ');
      return OBJECT_ALIASES[spelled] ?? spelled;
    }).filter((kind) => kind !== NOT_AN_OBJECT_KIND),
  ]),
];

/** Words allowed between CREATE and the object kind. */
export const CREATE_MODIFIERS: ReadonlySet<string> = new Set([
  'TEMP',
  'TEMPORARY',
  'GLOBAL',
  'LOCAL',
  'UNLOGGED',
  'UNIQUE',
  'RECURSIVE',
  'TRUSTED',
  'PROCEDURAL',
  'VIRTUAL',
  'FULLTEXT',
  'SPATIAL',
  'CLUSTERED',
  'NONCLUSTERED',
  'DEFAULT',
]);

/**
 * Role attributes (PostgreSQL `CREATE/ALTER ROLE … LOGIN PASSWORD …`, MySQL
 * `CREATE/ALTER USER … IDENTIFIED BY … REQUIRE … ACCOUNT …`), accepted after a
 * role's name by both CREATE and ALTER.
 */
const ROLE_ATTRIBUTES: readonly string[] = [
  'WITH',
  'PASSWORD',
  'LOGIN',
  'NOLOGIN',
  'SUPERUSER',
  'NOSUPERUSER',
  'CREATEDB',
  'NOCREATEDB',
  'CREATEROLE',
  'NOCREATEROLE',
  'IDENTIFIED',
  'CONNECTION',
  'VALID',
  'REPLICATION',
  'NOREPLICATION',
  'BYPASSRLS',
  'NOBYPASSRLS',
  'ACCOUNT',
  'REQUIRE',
  'ENCRYPTED',
];

/** What may follow `ALTER <object> <name>`: the action. */
export const ALTER_ACTIONS: ReadonlySet<string> = new Set([
  'ADD',
  'DROP',
  'ALTER',
  'RENAME',
  'SET',
  'RESET',
  'OWNER',
  'ENABLE',
  'DISABLE',
  'ATTACH',
  'DETACH',
  'VALIDATE',
  'INHERIT',
  'NO',
  'CLUSTER',
  'REPLICA',
  'FORCE',
  'MODIFY',
  'CHANGE',
  'ENGINE',
  'AUTO_INCREMENT',
  'CONVERT',
  'DEFAULT',
  'CHARACTER',
  'CHARSET',
  'COLLATE',
  'ALGORITHM',
  'DEPENDS',
  'UPDATE',
  'REFRESH',
  'OPTIONS',
  'AS',
  'INCREMENT',
  'RESTART',
  'START',
  'MINVALUE',
  'MAXVALUE',
  'CACHE',
  'CYCLE',
  'OWNED',
  ...ROLE_ATTRIBUTES, // ALTER ROLE/USER … LOGIN, PASSWORD …
  'CONNECT',
  'IS_TEMPLATE',
  'ALLOW_CONNECTIONS',
  'USING',
  'TO',
  'ON',
  'COMMENT',
  'PARTITION',
  'COALESCE',
  'REORGANIZE',
  'EXCHANGE',
  'REMOVE',
  'TRUNCATE',
  'ANALYZE',
  'CHECK',
  'OPTIMIZE',
  'REBUILD',
  'REPAIR',
  'DISCARD',
  'IMPORT',
  'ORDER',
  'LOCK',
  'ROW_FORMAT',
  'KEY_BLOCK_SIZE',
  'AVG_ROW_LENGTH',
  'MAX_ROWS',
  'MIN_ROWS',
  'PACK_KEYS',
  'STATS_PERSISTENT',
  'COMPRESSION',
  'ENCRYPTION',
]);

/** What may follow the name(s) of a DROP statement. */
export const DROP_TAIL: ReadonlySet<string> = new Set(['CASCADE', 'RESTRICT', 'WITH', 'FORCE']);

/** What may follow the table name(s) of a TRUNCATE statement. */
export const TRUNCATE_TAIL: ReadonlySet<string> = new Set(['RESTART', 'CONTINUE', 'CASCADE', 'RESTRICT']);

/** Privileges of a GRANT/REVOKE in its `… ON object` form. */
export const PRIVILEGES: ReadonlySet<string> = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
  'CREATE',
  'CONNECT',
  'TEMPORARY',
  'TEMP',
  'EXECUTE',
  'USAGE',
  'ALL',
  'SET',
  'ALTER',
  'MAINTAIN',
  'DROP',
  'INDEX',
  'PROCESS',
  'RELOAD',
  'FILE',
  'SUPER',
  'EVENT',
  'SHOW',
  'LOCK',
  'REPLICATION',
  'GRANT',
]);

/** Attributes of CREATE ROLE/USER/GROUP (PostgreSQL) and CREATE USER (MySQL: `'u'@'host' IDENTIFIED BY`). */
const ROLE_FOLLOW: ReadonlySet<string> = new Set([
  ...ROLE_ATTRIBUTES,
  '',
  'INHERIT',
  'NOINHERIT',
  'IN',
  'ROLE',
  'ADMIN',
  'SYSID',
  'USER',
  '@',
  'DEFAULT',
]);

/** Per object kind, words allowed right after the name of a CREATE (`''` = end of statement). */
export const CREATE_FOLLOW: Readonly<Record<string, ReadonlySet<string>>> = {
  TABLE: new Set(['(', 'AS', 'OF', 'PARTITION', 'LIKE', 'SELECT', 'USING']),
  VIEW: new Set(['(', 'AS', 'WITH']),
  'MATERIALIZED VIEW': new Set(['(', 'AS', 'WITH', 'USING', 'TABLESPACE']),
  SCHEMA: new Set(['', 'AUTHORIZATION', 'CREATE', 'DEFAULT', 'CHARACTER', 'CHARSET', 'COLLATE']),
  DATABASE: new Set([
    '',
    'WITH',
    'OWNER',
    'TEMPLATE',
    'ENCODING',
    'LOCALE',
    'LC_COLLATE',
    'LC_CTYPE',
    'TABLESPACE',
    'CONNECTION',
    'IS_TEMPLATE',
    'ALLOW_CONNECTIONS',
    'STRATEGY',
    'DEFAULT',
    'CHARACTER',
    'CHARSET',
    'COLLATE',
  ]),
  SEQUENCE: new Set(['', 'AS', 'INCREMENT', 'START', 'MINVALUE', 'MAXVALUE', 'NO', 'CACHE', 'CYCLE', 'OWNED']),
  TYPE: new Set(['', 'AS', '(']),
  EXTENSION: new Set(['', 'WITH', 'SCHEMA', 'VERSION', 'CASCADE', 'FROM']),
  FUNCTION: new Set(['(']),
  PROCEDURE: new Set(['(']),
  AGGREGATE: new Set(['(']),
  TRIGGER: new Set(['BEFORE', 'AFTER', 'INSTEAD']),
  'EVENT TRIGGER': new Set(['ON']),
  POLICY: new Set(['ON']),
  RULE: new Set(['AS']),
  ROLE: ROLE_FOLLOW,
  USER: ROLE_FOLLOW,
  GROUP: ROLE_FOLLOW,
  DOMAIN: new Set(['AS']),
};

/** Statement kinds that are DDL but not CREATE/ALTER/DROP of an object. */
export const OTHER_DDL_KINDS: readonly string[] = [
  'TRUNCATE',
  'RENAME TABLE',
  'RENAME USER',
  'COMMENT ON',
  'GRANT',
  'REVOKE',
  'SELECT INTO',
  'DROP OWNED',
  'REASSIGN OWNED',
  'SECURITY LABEL',
  'IMPORT FOREIGN SCHEMA',
];

/** Every DDL statement kind the classifier reports, in a stable order (the `allow` option's enum). */
export const DDL_KINDS: readonly string[] = [
  ...['CREATE', 'ALTER', 'DROP'].flatMap((verb) => OBJECT_KINDS.map((object) => `${verb} ${object}`)),
  'ALTER DEFAULT PRIVILEGES',
  ...OTHER_DDL_KINDS,
];
