import type { StaticString } from '../static';
import { textPartSourceIndex } from '../static';
import { HOLE_CHAR } from './lexer';

/** A statically known string flattened for the lexer: holes become HOLE_CHAR. */
export interface JoinedString {
  readonly text: string;
  readonly parts: StaticString;
  /** Offset in `text` where each part starts. */
  readonly partStarts: readonly number[];
}

export function joinStaticString(parts: StaticString): JoinedString {
  let text = '';
  const partStarts: number[] = [];
  for (const part of parts) {
    partStarts.push(text.length);
    text += part.type === 'text' ? part.value : HOLE_CHAR;
  }
  return { text, parts, partStarts };
}

/** Absolute source index of `text[offset]`, or null when it is not verbatim in the source (or a hole). */
export function sourceIndexAt(joined: JoinedString, offset: number): number | null {
  let index = joined.parts.length - 1;
  while (index > 0 && (joined.partStarts[index] ?? 0) > offset) index--;
  const part = joined.parts[index];
  if (part?.type !== 'text') return null;
  return textPartSourceIndex(part, offset - (joined.partStarts[index] ?? 0));
}
