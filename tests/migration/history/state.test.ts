import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFolderState, RECHECK_AFTER_MS } from '../../../src/migration/history/state';
import { makeProject, removeProject } from './harness';

const MIGRATION = 'export async function up() {}\n';

describe('getFolderState: how often the disk is looked at', () => {
  let project = '';
  afterEach(() => {
    vi.useRealTimers();
    if (project) removeProject(project);
    project = '';
  });

  const names = (dir: string, run?: object) => getFolderState(dir, run).units.map((unit) => unit.name);

  /** A folder with one migration, read once by a run: the state the run then trusts. */
  function folderReadByRun(): { dir: string; run: object } {
    vi.useFakeTimers({ toFake: ['performance'] });
    project = makeProject({ 'db/migrations/001_a.ts': MIGRATION });
    const dir = path.join(project, 'db/migrations');
    const run = {};
    expect(names(dir, run)).toEqual(['001_a.ts']);
    return { dir, run };
  }

  it('a lint run trusts what it read for a second; another run, or no run, looks again at once', () => {
    const { dir, run } = folderReadByRun();

    fs.writeFileSync(path.join(dir, '002_b.ts'), MIGRATION);
    expect(names(dir, run)).toEqual(['001_a.ts']); // the same run, within the second: no stat
    expect(names(dir, {})).toEqual(['001_a.ts', '002_b.ts']); // a new run (a new ESLint instance) looks again

    fs.writeFileSync(path.join(dir, '003_c.ts'), MIGRATION);
    expect(names(dir)).toEqual(['001_a.ts', '002_b.ts', '003_c.ts']); // no run (the CLI): always looks
  });

  it('a long-lived run (an editor) sees a change once the second has passed', () => {
    const { dir, run } = folderReadByRun();
    fs.writeFileSync(path.join(dir, '002_b.ts'), MIGRATION);
    vi.advanceTimersByTime(RECHECK_AFTER_MS - 1);
    expect(names(dir, run)).toEqual(['001_a.ts']);
    vi.advanceTimersByTime(1);
    expect(names(dir, run)).toEqual(['001_a.ts', '002_b.ts']);
    // Checking restarts the second: the next change waits for the next one.
    fs.rmSync(path.join(dir, '001_a.ts'));
    vi.advanceTimersByTime(RECHECK_AFTER_MS - 1);
    expect(names(dir, run)).toEqual(['001_a.ts', '002_b.ts']);
    vi.advanceTimersByTime(1);
    expect(names(dir, run)).toEqual(['002_b.ts']);
  });
});
