import { detectRunner } from '../migration-runners/runner';
import { currentMigration } from '../migration/history/current';
import { judgeMigration, missingEntries, newestUnit } from '../migration/history/history';
import { RECORD_FILE_NAME } from '../migration/history/record-format';
import { displayFolder, firstLineOnDemand } from '../migration/history/report';
import { MIGRATIONS_OPTION_SCHEMA } from '../migration/rule-options';
import { deletedConsequence, insertedConsequence, runnerOfFolder } from '../migration/history/runners';
import { createRule } from '../util/create-rule';
import { isMigrationFile } from '../util/migrations';

export interface NoModifiedMigrationOptions {
  migrations?: string[];
}

type Options = [NoModifiedMigrationOptions];
type MessageIds = 'editedMigration' | 'renamedMigration' | 'insertedMigration' | 'deletedMigration' | 'unreadableRecord';

export default createRule<Options, MessageIds>({
  name: 'no-modified-migration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow editing, renaming, deleting or reordering migrations that have shipped',
      recommended: true,
    },
    messages: {
      editedMigration:
        '`{{name}}` has shipped and was edited (its content no longer matches `{{record}}`): databases that already ran it never run the change. Undo the edit and add a new migration instead.',
      renamedMigration:
        '`{{name}}` is the shipped migration `{{from}}` under a new name: runners take it for a new migration and run it again. Restore the name `{{from}}`.',
      insertedMigration:
        '`{{name}}` is new but sorts before `{{last}}`, which has shipped: {{consequence}}. Rename it so that it sorts after `{{last}}`.',
      deletedMigration:
        '`{{name}}` has shipped (it is in `{{record}}`) but is gone from this folder: {{consequence}}. Restore it; to undo what it did, add a new migration.',
      unreadableRecord:
        '`{{record}}` cannot be used: {{problem}}. Shipped migrations in this folder are not checked until it is fixed: restore it from version control, or delete it and run `guardrails-migrations record {{folder}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { migrations: MIGRATIONS_OPTION_SCHEMA },
      },
    ],
    defaultOptions: [{}],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    if (!isMigrationFile(context, options.migrations)) return {};
    const current = currentMigration(context);
    // No record in the folder: nothing has been declared shipped, so nothing to protect (docs: how to start one).
    if (!current || current.state.record.status === 'absent') return {};
    const { state, name } = current;
    const record = state.record;
    const isNewest = newestUnit(state)?.name === name;

    // Where a finding goes, found only when there is one.
    const loc = firstLineOnDemand(context.sourceCode);

    return {
      Program(program) {
        if (record.status === 'broken') {
          if (!isNewest) return;
          const where = record.error.line > 0 ? `line ${record.error.line}: ` : '';
          context.report({
            loc: loc(),
            messageId: 'unreadableRecord',
            data: { record: RECORD_FILE_NAME, problem: where + record.error.message, folder: displayFolder(context.cwd, state.dir) },
          });
          return;
        }
        if (record.status !== 'ok') return;
        const runner = () => runnerOfFolder(state) ?? (name.endsWith('.sql') ? null : detectRunner(program, context.sourceCode));
        const finding = judgeMigration(state, record, name, current.hash());
        if (finding?.kind === 'edited') {
          context.report({ loc: loc(), messageId: 'editedMigration', data: { name, record: RECORD_FILE_NAME } });
        } else if (finding?.kind === 'renamed') {
          context.report({ loc: loc(), messageId: 'renamedMigration', data: { name, from: finding.from } });
        } else if (finding?.kind === 'inserted') {
          context.report({
            loc: loc(),
            messageId: 'insertedMigration',
            data: { name, last: finding.last, consequence: insertedConsequence(runner()) },
          });
        }
        if (!isNewest) return;
        // A deleted migration has no file to report on: the folder's newest migration carries it, where `eslint .` shows it.
        for (const missing of missingEntries(state, record)) {
          if (finding?.kind === 'renamed' && finding.from === missing.name) continue;
          context.report({
            loc: loc(),
            messageId: 'deletedMigration',
            data: { name: missing.name, record: RECORD_FILE_NAME, consequence: deletedConsequence(runner()) },
          });
        }
      },
    };
  },
});
