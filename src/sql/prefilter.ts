/**
 * The cheap test run before any lexing: a string without one of these words
 * cannot hold a DDL statement. `INTO` alone is too common, so `SELECT … INTO`
 * needs both words.
 */
const DDL_WORD = /\b(?:create|alter|drop|truncate|rename|comment|grant|revoke|reassign|security|import)\b/i;
const INTO_WORD = /\binto\b/i;
/** Every word either test starts from: one scan rejects a string that has none (most strings). */
const ANY_WORD = /\b(?:create|alter|drop|truncate|rename|comment|grant|revoke|reassign|security|import|select)\b/i;

const LOWER_S = 0x73;
const LOWER_L = 0x6c;

export function mayContainDdl(text: string): boolean {
  const at = text.search(ANY_WORD);
  if (at < 0) return false;
  // The first word is `select` (not `security`: the third letter tells them apart). Case-insensitive
  // matching without the `u` flag only folds ASCII letters, so `| 32` lower-cases the match.
  if ((text.charCodeAt(at) | 32) === LOWER_S && (text.charCodeAt(at + 2) | 32) === LOWER_L) return DDL_WORD.test(text) || INTO_WORD.test(text);
  return true;
}
