import type { PartialString } from './classify-static-href';

/** Long values are cut here: the message must stay one readable line. */
const MAX_LENGTH = 60;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Makes control characters visible: a tab inside `/\t/x` is the whole point of the message. */
function escapeInvisible(text: string): string {
  // Most hrefs have no control character: scan the code units before building anything.
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) break;
    i++;
  }
  if (i === text.length) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (NAMED_ESCAPES[char]) out += NAMED_ESCAPES[char];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out;
}

/** Shortens to `MAX_LENGTH` characters with an ellipsis. */
export function truncate(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  let end = MAX_LENGTH - 1;
  // Never cut a surrogate pair in half.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * An href for a message: text with invisible characters escaped and each
 * unknown piece as `${…}`, or as `${expression}` when `holeText` names it.
 */
export function describeHref<Part extends PartialString[number]>(
  parts: readonly Part[],
  holeText: (hole: Part) => string = () => '…',
): string {
  let out = '';
  for (const part of parts) out += part.type === 'hole' ? `\${${holeText(part)}}` : escapeInvisible(part.value);
  return truncate(out);
}

/** A resolved URL for a message. */
export function describeResolved(resolved: string): string {
  return truncate(escapeInvisible(resolved));
}
