import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalFindings, mayConflict, sameVersion, schemeOutlier } from '../../../src/migration/history/conflicts';
import { getFolderState } from '../../../src/migration/history/state';
import { makeProject, removeProject } from './harness';

const UP = 'export async function up() {}\n';
const journal = (tags: string[]) =>
  JSON.stringify({ version: '7', dialect: 'postgresql', entries: tags.map((tag, idx) => ({ idx, version: '7', when: 1700000000000 + idx, tag, breakpoints: true })) });

// Folders of every shape the conflict checks tell apart (each key's folder is one case).
const FOLDERS: Record<string, Record<string, string>> = {
  clean: { '001_a.ts': UP, '002_b.ts': UP, '003_c.ts': UP },
  duplicate: { '022_base.ts': UP, '023_add_email.ts': UP, '023_add_phone.ts': UP, '024_next.ts': UP },
  triple: { '5_a.ts': UP, '5_b.ts': UP, '5_c.ts': UP },
  mixed: { '1_legacy.ts': UP, '001_a.ts': UP, '002_b.ts': UP, '20240115093000_d.ts': UP },
  tie: { '001_a.ts': UP, '20240115093000_b.ts': UP },
  dated: { '2024-01-15-create-users.ts': UP, '2024-01-15-add-email.ts': UP, '2024-01-16-add-name.ts': UP },
  timestamps: { '20240101000000_a.ts': UP, '20240101000000_b.ts': UP, '20240102000000_c.ts': UP },
  folders: { '001_a/migration.sql': '', '002_b/migration.sql': '', '002_c/migration.sql': '' },
  'drizzle-clean': { '0000_init.sql': '', '0001_next.sql': '', 'meta/_journal.json': journal(['0000_init', '0001_next']) },
  'drizzle-unlisted': { '0000_init.sql': '', '0001_next.sql': '', 'meta/_journal.json': journal(['0000_init']) },
  'drizzle-broken': { '0000_init.sql': '', 'meta/_journal.json': '{ "entries": [ ' },
};

const project = makeProject(
  Object.fromEntries(Object.entries(FOLDERS).flatMap(([folder, files]) => Object.entries(files).map(([name, text]) => [`${folder}/migrations/${name}`, text]))),
);
afterAll(() => {
  removeProject(project);
});

describe('mayConflict', () => {
  it('is true exactly for the migrations that sameVersion, schemeOutlier or the journal has something to say about', () => {
    let suspects = 0;
    let units = 0;
    for (const folder of Object.keys(FOLDERS)) {
      const state = getFolderState(path.join(project, folder, 'migrations'));
      expect(state.units.length, folder).toBeGreaterThan(0);
      for (const unit of state.units) {
        units++;
        const expected = sameVersion(state, unit).length > 0 || schemeOutlier(state, unit) !== null || journalFindings(state).length > 0;
        expect(mayConflict(state, unit), `${folder}/${unit.name}`).toBe(expected);
        if (expected) suspects++;
      }
    }
    // Both answers occur, so neither direction holds vacuously.
    expect(suspects).toBeGreaterThan(5);
    expect(units - suspects).toBeGreaterThan(5);
  });

  it('names the units of the folders that have a conflict, and none of a clean one', () => {
    const flagged = (folder: string) => {
      const state = getFolderState(path.join(project, folder, 'migrations'));
      return state.units.filter((unit) => mayConflict(state, unit)).map((unit) => unit.name);
    };
    expect(flagged('clean')).toEqual([]);
    expect(flagged('dated')).toEqual([]);
    expect(flagged('drizzle-clean')).toEqual([]);
    expect(flagged('duplicate')).toEqual(['023_add_email.ts', '023_add_phone.ts']);
    expect(flagged('mixed')).toEqual(['1_legacy.ts', '20240115093000_d.ts']);
    expect(flagged('drizzle-unlisted')).toEqual(['0000_init.sql', '0001_next.sql']);
  });
});
