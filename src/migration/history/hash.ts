import { createHash } from 'node:crypto';

/**
 * A migration's text as the history hashes it: without a byte-order mark and
 * with CRLF line endings turned into LF, so a Windows checkout
 * (`core.autocrlf=true`) or an editor that adds a BOM does not count as an edit.
 * Everything else (whitespace, comments, case) is part of the content.
 */
export function normalizeMigrationText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r\n') ? withoutBom.replace(/\r\n/g, '\n') : withoutBom;
}

/**
 * SHA-256 of the normalised text, as 64 lowercase hex digits. For a file with
 * LF line endings and no BOM this equals `sha256sum <file>`.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeMigrationText(text), 'utf8').digest('hex');
}

/** Length, in hex digits, of a chain hash in the record. */
export const CHAIN_LENGTH = 16;

/**
 * The chain hash of one record line: it covers the previous line's chain, this
 * line's name and its content hash, so inserting, removing or reordering a line
 * changes every later chain (the idea of Atlas' `atlas.sum`).
 */
export function chainHash(previousChain: string, name: string, hash: string): string {
  return createHash('sha256').update(`${previousChain}\n${name}\n${hash}`, 'utf8').digest('hex').slice(0, CHAIN_LENGTH);
}

/** The chain value before the first line. */
export const CHAIN_START = '';
