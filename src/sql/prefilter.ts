import { DDL_VERBS } from './classify';

/**
 * The cheap test run before any lexing: a DDL statement starts with one of
 * `DDL_VERBS` (a `DO` block's body holds one too), so a string without one of
 * these words cannot hold a DDL statement. `INTO` alone is too common, so
 * `SELECT … INTO` needs both words.
 */
const wordsPattern = (words: readonly string[]): RegExp => new RegExp(String.raw`\b(?:${words.join('|')})\b`, 'i');
/** Every verb: one scan rejects a string that has none (most strings). */
const ANY_VERB = wordsPattern([...DDL_VERBS]);
/** Every verb but `SELECT`, which is DDL only with `INTO`. */
const DDL_WORD = wordsPattern([...DDL_VERBS].filter((verb) => verb !== 'SELECT'));
const INTO_WORD = /\binto\b/i;

export function mayContainDdl(text: string): boolean {
  // `exec` allocates only when it finds a verb, which few strings hold.
  const first = ANY_VERB.exec(text);
  if (first === null) return false;
  // The first verb is `SELECT`: another verb, or `INTO`, may follow.
  return first[0].toUpperCase() === 'SELECT' ? DDL_WORD.test(text) || INTO_WORD.test(text) : true;
}
