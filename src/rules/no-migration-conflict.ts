import { journalFindings, mayConflict, sameVersion, schemeOutlier } from '../migration/history/conflicts';
import { currentMigration } from '../migration/history/current';
import { newestUnit } from '../migration/history/history';
import { firstLineOnDemand } from '../migration/history/report';
import { MIGRATIONS_OPTION_SCHEMA } from '../migration/rule-options';
import { createRule } from '../util/create-rule';
import { isMigrationFile } from '../util/migrations';

export interface NoMigrationConflictOptions {
  migrations?: string[];
}

type Options = [NoMigrationConflictOptions];
type MessageIds = 'duplicateVersion' | 'mixedVersionSchemes' | 'journalUnreadable' | 'journalMissingFile' | 'journalUnlisted' | 'journalOutOfOrder';

const JOURNAL = '`meta/_journal.json`';

export default createRule<Options, MessageIds>({
  name: 'no-migration-conflict',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow two migrations claiming one version, mixed version schemes, and a drizzle journal that disagrees with its migrations',
      recommended: true,
    },
    messages: {
      duplicateVersion:
        '`{{name}}` claims version `{{version}}`, and so does {{others}}: runners order them by the rest of the name, and a database that ran one may skip or refuse the other. Give the migration that has not shipped a version after every other one.',
      mixedVersionSchemes:
        '`{{name}}` is versioned with {{scheme}}, but `{{other}}` and the others here use {{otherScheme}}: sorted as text and sorted as numbers they run in different orders. Name it the way the others are named.',
      journalUnreadable: "The drizzle journal {{journal}} cannot be used: {{problem}}. drizzle's migrator fails before running any migration; regenerate it with `drizzle-kit`.",
      journalMissingFile:
        "The drizzle journal {{journal}} lists `{{tag}}`, but `{{tag}}.sql` is not in this folder: drizzle's migrator fails (\"No file … found\"). Restore the file, or remove the entry with `drizzle-kit drop`.",
      journalUnlisted:
        "`{{name}}` is not in drizzle's journal {{journal}}: drizzle's migrator runs only the migrations the journal lists, so it never runs. Create migrations with `drizzle-kit generate`, which writes the journal entry.",
      journalOutOfOrder:
        "`{{name}}` follows `{{previous}}` in drizzle's journal {{journal}}, but its `when` is not later: drizzle's migrator skips it on every database that already ran `{{previous}}`. Give it a `when` after its predecessor's (regenerate it after merging).",
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
    const unit = current?.state.byName.get(current.name);
    // Nearly every migration has a version of its own, the folder's scheme and no journal to disagree with.
    if (!current || !unit || !mayConflict(current.state, unit)) return {};
    const { state } = current;
    const recorded = state.record.status === 'ok' ? state.record.byName : null;
    const shipped = (name: string) => recorded?.has(name) === true;

    // Where a finding goes, found only when there is one.
    const loc = firstLineOnDemand(context.sourceCode);

    return {
      Program() {
        // A conflict among migrations that all shipped already ran everywhere: only an edit could change it, and that is forbidden.
        const same = sameVersion(state, unit);
        if (same.length > 0 && !(shipped(unit.name) && same.every((other) => shipped(other.name)))) {
          context.report({
            loc: loc(),
            messageId: 'duplicateVersion',
            data: { name: unit.name, version: unit.version.text, others: same.map((other) => `\`${other.name}\``).join(', ') },
          });
        }
        const usual = schemeOutlier(state, unit);
        if (usual && !shipped(unit.name)) {
          context.report({
            loc: loc(),
            messageId: 'mixedVersionSchemes',
            data: { name: unit.name, scheme: unit.version.schemeLabel, other: usual.name, otherScheme: usual.version.schemeLabel },
          });
        }
        const journal = journalFindings(state);
        if (journal.length === 0) return;
        const isNewestSql = newestUnit(state, (candidate) => candidate.name.endsWith('.sql'))?.name === unit.name;
        for (const finding of journal) {
          if (finding.kind === 'journalUnreadable' && isNewestSql) {
            context.report({ loc: loc(), messageId: 'journalUnreadable', data: { journal: JOURNAL, problem: finding.message } });
          } else if (finding.kind === 'journalMissingFile' && isNewestSql) {
            context.report({ loc: loc(), messageId: 'journalMissingFile', data: { journal: JOURNAL, tag: finding.tag } });
          } else if (finding.kind === 'journalUnlisted' && finding.name === unit.name) {
            context.report({ loc: loc(), messageId: 'journalUnlisted', data: { journal: JOURNAL, name: unit.name } });
          } else if (finding.kind === 'journalOutOfOrder' && finding.name === unit.name) {
            context.report({ loc: loc(), messageId: 'journalOutOfOrder', data: { journal: JOURNAL, name: unit.name, previous: finding.previous } });
          }
        }
      },
    };
  },
});
