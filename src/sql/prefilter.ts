/**
 * The cheap test run before any lexing: a string without one of these words
 * cannot hold a DDL statement. `INTO` alone is too common, so `SELECT … INTO`
 * needs both words.
 */
const DDL_WORD = /\b(?:create|alter|drop|truncate|rename|comment|grant|revoke|reassign|security|import)\b/i;
const SELECT_WORD = /\bselect\b/i;
const INTO_WORD = /\binto\b/i;

export function mayContainDdl(text: string): boolean {
  return DDL_WORD.test(text) || (SELECT_WORD.test(text) && INTO_WORD.test(text));
}
