import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKING_HAZARDS, type BreakingHazard } from '../../src/migration/hazards/no-breaking-schema-change';
import { NO_REWRITE_TYPE_CHANGES, REWRITE_HAZARDS, type RewriteHazard } from '../../src/migration/hazards/no-table-rewrite';

// The docs of no-table-rewrite and no-breaking-schema-change carry their hazard
// tables row for row, built from the lists tests/pg/rewrite-hazards.test.ts and
// tests/pg/breaking-hazards.test.ts prove on PostgreSQL.

export function rewriteRow(hazard: RewriteHazard & { readonly until?: number }): string {
  const recipe = hazard.recipe
    .map((step) => `\`${step.sql}\` (${step.alone ? `${step.docLock ?? '?'}, outside a transaction` : (step.lock ?? 'no lock')})`)
    .join(', then ');
  const version = hazard.until === undefined ? '' : ` (before PostgreSQL ${hazard.until})`;
  const lock = hazard.alone ? `${hazard.lock} (docs; cannot run in a transaction)` : hazard.lock;
  return `| ${hazard.title}${version} | \`${hazard.sql}\` | ${lock} | ${hazard.until === undefined ? 'yes' : 'before 11; not from 11'} | ${recipe} |`;
}

export const REWRITE_TABLE_HEAD = '| hazard | example | lock (PostgreSQL 18, PGlite) | rewrites | recipe steps (locks, no rewrite) |\n| --- | --- | --- | --- | --- |';

export function typeChangeRow(change: (typeof NO_REWRITE_TYPE_CHANGES)[number]): string {
  const note = 'timeZone' in change ? ` (session TimeZone ${change.timeZone}, PostgreSQL ${change.since}+)` : '';
  return `| \`${change.from}\` → \`${change.to}\`${note} |`;
}

export function breakingRow(hazard: BreakingHazard): string {
  const lock = hazard.locksTable === false ? 'none on the table' : hazard.lock;
  return `| ${hazard.title} | \`${hazard.sql}\` | ${lock}, no rewrite | \`${hazard.oldQuery}\` | \`${hazard.expand}\` |`;
}

export const BREAKING_TABLE_HEAD =
  '| change | example | lock (PGlite) | what the running app sends, which then fails | expand step after which it still works |\n| --- | --- | --- | --- | --- |';

function docs(rule: string): string {
  return fs.readFileSync(path.join(__dirname, '../../docs/rules', `${rule}.md`), 'utf8');
}

describe('hazard tables in the rule docs', () => {
  it('docs/rules/no-table-rewrite.md lists every rewrite and every in-place type change as proven', () => {
    const text = docs('no-table-rewrite');
    const table = [REWRITE_TABLE_HEAD, ...REWRITE_HAZARDS.map(rewriteRow)].join('\n');
    const types = ['| type change without a rewrite |\n| --- |', ...NO_REWRITE_TYPE_CHANGES.map(typeChangeRow)].join('\n');
    if (process.env.PRINT_HAZARD_TABLES) fs.writeFileSync(process.env.PRINT_HAZARD_TABLES + "-rewrite.md", `${table}\n\n${types}\n`);
    expect(text).toContain(table);
    expect(text).toContain(types);
  });

  it('docs/rules/no-breaking-schema-change.md lists every breaking change as proven', () => {
    const table = [BREAKING_TABLE_HEAD, ...BREAKING_HAZARDS.map(breakingRow)].join('\n');
    if (process.env.PRINT_HAZARD_TABLES) fs.writeFileSync(process.env.PRINT_HAZARD_TABLES + "-breaking.md", `${table}\n`);
    expect(docs('no-breaking-schema-change')).toContain(table);
  });
});
