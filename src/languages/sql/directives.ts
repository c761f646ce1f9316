/**
 * ESLint's comment directives, read from SQL comments: `-- eslint-disable-next-line rule -- reason`,
 * `/* eslint-disable *\/` … `/* eslint-enable *\/`, `-- eslint-disable-line`, and `/* eslint rule: off *\/`.
 * The same grammar ESLint's core applies to JavaScript comments (a `--` surrounded by
 * whitespace starts the justification). ESLint's core then applies them, so
 * `--report-unused-disable-directives` works as in JS.
 */
import type { SqlCommentNode } from './ast';

export type DirectiveLabel = 'eslint' | 'eslint-disable' | 'eslint-enable' | 'eslint-disable-line' | 'eslint-disable-next-line';

export interface ParsedDirective {
  readonly label: DirectiveLabel;
  /** What follows the label: a rule list, or a rules object for `eslint`. */
  readonly value: string;
  readonly justification: string;
}

const LABEL = /^(eslint(?:-disable(?:-next-line|-line)?|-enable)?)(?:\s|$)/u;

/** The directive a comment holds, or null. */
export function parseDirective(comment: SqlCommentNode): ParsedDirective | null {
  const text = comment.value;
  const separator = /\s-{2,}\s/u.exec(text);
  const directivePart = (separator ? text.slice(0, separator.index) : text).trim();
  const justification = separator ? text.slice(separator.index + separator[0].length).trim() : '';
  const match = LABEL.exec(directivePart);
  if (!match?.[1]) return null;
  const label = match[1] as DirectiveLabel;
  // As in JavaScript, a rules configuration (`/* eslint rule: off *\/`) must be a block comment.
  if (label === 'eslint' && comment.type !== 'Block') return null;
  return { label, value: directivePart.slice(match[1].length).trim(), justification };
}

export type RulesConfigResult = { readonly ok: true; readonly config: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/**
 * `rule-a: "off", plugin/rule-b: ["error", { "x": 1 }]` → a rules object. Keys
 * and the bare severities `off`/`warn`/`error` may be unquoted; the rest is JSON.
 */
export function parseRulesConfig(text: string): RulesConfigResult {
  const normalized = text
    .replace(/(?<![-\w/@"])([-\w/@]+)\s*:/gu, '"$1":')
    .replace(/([:[,]\s*)(off|warn|error)(?=\s*[,\]}]|\s*$)/gu, '$1"$2"');
  try {
    const parsed: unknown = JSON.parse(`{${normalized}}`);
    return { ok: true, config: parsed as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Failed to parse JSON from '${normalized}': ${error instanceof Error ? error.message : String(error)}` };
  }
}
