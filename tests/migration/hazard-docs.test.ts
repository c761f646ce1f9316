import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_NULL_HAZARDS } from '../../src/migration/hazards/no-unsafe-not-null';
import { CONCURRENT_INDEX_HAZARDS } from '../../src/migration/hazards/require-concurrent-index';
import { NOT_VALID_HAZARDS } from '../../src/migration/hazards/require-not-valid-constraint';
import type { Hazard } from '../../src/migration/hazards/types';

// Each rule's docs carry its hazard table row for row, built from the same list
// tests/pg/hazards.test.ts proves on PostgreSQL: a lock or recipe in the docs
// that PostgreSQL did not confirm cannot land.

/** The docs row of one hazard. */
export function hazardRow(hazard: Hazard): string {
  const recipe = hazard.recipe
    .map((step) => `\`${step.sql}\` (${step.alone ? `${step.docLock ?? '?'}, outside a transaction` : (step.lock ?? 'no lock')})`)
    .join(', then ');
  const since = hazard.since === undefined ? '' : ` (PostgreSQL ${hazard.since}+)`;
  return `| ${hazard.title}${since} | \`${hazard.sql}\` | ${hazard.lock} | ${hazard.work}${hazard.rewrites ? ', rewrites' : ''} | ${recipe} |`;
}

export const HAZARD_TABLE_HEAD = '| hazard | example | lock (PostgreSQL 18, PGlite) | under the lock | safe recipe (locks) |\n| --- | --- | --- | --- | --- |';

const DOCS: readonly [string, readonly Hazard[]][] = [
  ['require-concurrent-index', CONCURRENT_INDEX_HAZARDS],
  ['require-not-valid-constraint', NOT_VALID_HAZARDS],
  ['no-unsafe-not-null', NOT_NULL_HAZARDS],
];

describe('hazard tables in the rule docs', () => {
  for (const [rule, hazards] of DOCS) {
    it(`docs/rules/${rule}.md lists every hazard as proven`, () => {
      const docs = fs.readFileSync(path.join(__dirname, '../../docs/rules', `${rule}.md`), 'utf8');
      const table = [HAZARD_TABLE_HEAD, ...hazards.map(hazardRow)].join('\n');
      if (process.env.PRINT_HAZARD_TABLES) console.log(`${rule}\n${table}\n`);
      expect(docs).toContain(table);
    });
  }
});
