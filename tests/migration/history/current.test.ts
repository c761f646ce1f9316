import path from 'node:path';
import { Linter, type Rule, type SourceCode } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { currentMigration, type CurrentMigration } from '../../../src/migration/history/current';
import { contentHash } from '../../../src/migration/history/hash';
import { makeProject, removeProject } from './harness';

const UP = 'export async function up() {}\n';
const project = makeProject({ 'db/migrations/001_a.ts': UP, 'db/migrations/002_b.ts': UP });
afterAll(() => {
  removeProject(project);
});

/** What two rules see of the linted file, in one real `Linter#verify` of `input` (a text or a `SourceCode`). */
function seen(linter: Linter, input: string | SourceCode, filename: string): (CurrentMigration | null)[] {
  const answers: (CurrentMigration | null)[] = [];
  const probe: Rule.RuleModule = {
    create: (context) => {
      answers.push(currentMigration(context));
      return {};
    },
  };
  const messages = linter.verify(
    input,
    [{ files: ['**/*.ts'], plugins: { probe: { rules: { first: probe, second: probe } } }, rules: { 'probe/first': 'error', 'probe/second': 'error' } }],
    { filename },
  );
  expect(messages).toEqual([]);
  return answers;
}

describe('currentMigration', () => {
  const first = path.join(project, 'db/migrations/001_a.ts');
  const second = path.join(project, 'db/migrations/002_b.ts');

  it('gives every rule of one file the same answer, and each file its own', () => {
    const linter = new Linter({ configType: 'flat', cwd: project });
    const [a1, a2] = seen(linter, UP, first);
    expect(a1?.name).toBe('001_a.ts');
    expect(a2).toBe(a1);
    const [b1, b2] = seen(linter, UP, second);
    expect(b1?.name).toBe('002_b.ts');
    expect(b2).toBe(b1);
    expect(seen(linter, UP, path.join(project, 'db/migrations/helpers.ts'))).toEqual([null, null]);
  });

  it('answers again for a new text of the same file (an edit in the editor), with its hash', () => {
    const linter = new Linter({ configType: 'flat', cwd: project });
    const [before] = seen(linter, UP, first);
    const edited = `${UP}// edited\n`;
    const [after] = seen(linter, edited, first);
    expect(after).not.toBe(before);
    expect(before?.hash()).toBe(contentHash(UP));
    expect(after?.hash()).toBe(contentHash(edited));
  });

  it('tells two file names apart when one SourceCode is linted under both', () => {
    const linter = new Linter({ configType: 'flat', cwd: project });
    seen(linter, UP, first);
    const sourceCode = linter.getSourceCode();
    expect(seen(linter, sourceCode, second).map((answer) => answer?.name)).toEqual(['002_b.ts', '002_b.ts']);
    expect(seen(linter, sourceCode, first).map((answer) => answer?.name)).toEqual(['001_a.ts', '001_a.ts']);
  });
});
