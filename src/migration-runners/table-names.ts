import { HOLE_CHAR } from '../sql/lexer';

/**
 * A table (or index) name in the form two mentions can be compared in: the last segment of
 * a qualified name (`public.users` → `users`), unquoted (`"Users"` → `Users`),
 * and lower-cased when it was not quoted, as Postgres folds it. Null when part
 * of the name is unknown.
 */
export function normalizeTableName(text: string): string | null {
  const name = text.trim();
  if (name === '' || name.includes(HOLE_CHAR)) return null;
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charAt(i);
    if (ch === '"') {
      if (quoted && name[i + 1] === '"') {
        current += '"';
        i++;
      } else {
        quoted = !quoted;
        wasQuoted = true;
      }
    } else if (ch === '.' && !quoted) {
      current = '';
      wasQuoted = false;
    } else {
      current += quoted ? ch : ch.toLowerCase();
    }
  }
  const last = current.trim();
  if (last === '') return null;
  return wasQuoted ? last : last.toLowerCase();
}
