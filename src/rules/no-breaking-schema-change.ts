import type { TSESTree } from '@typescript-eslint/utils';
import { findSchemaChangeCall, type SchemaChangeCall } from '../migration-runners/schema-changes';
import { getMigrationModel } from '../migration/get-model';
import { BREAKING_KINDS, breakingHazard, type BreakingKind } from '../migration/hazards/no-breaking-schema-change';
import { jsMigrationFacts, migrationVisitor } from '../migration/js-host';
import { findBreakingChanges } from '../migration/policies/breaking-change';
import { actionLabel, alterTableOf, clipLabel, isExistingTable, locIn } from '../migration/policy';
import { checkedPostgresMigration, MIGRATION_OPTION_PROPERTIES, type MigrationRuleOptions } from '../migration/rule-options';
import { createRule } from '../util/create-rule';

export interface NoBreakingSchemaChangeOptions extends MigrationRuleOptions {
  allow?: BreakingKind[];
}

type Options = [NoBreakingSchemaChangeOptions];
type MessageIds = 'breakingChange';

/** A builder call that drops or renames (every schema change but a type change). */
type BreakingCall = SchemaChangeCall & { readonly kind: BreakingKind };

function isBreakingCall(found: SchemaChangeCall): found is BreakingCall {
  return (BREAKING_KINDS as readonly string[]).includes(found.kind);
}

const WHAT: Readonly<Record<BreakingKind, string>> = {
  'drop-column': 'drops',
  'rename-column': 'renames',
  'rename-table': 'renames',
  'drop-table': 'drops',
  'rename-enum-value': 'renames',
};

export default createRule<Options, MessageIds>({
  name: 'no-breaking-schema-change',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping or renaming columns, tables and enum values that the running app version still uses, in migrations',
      recommended: true,
    },
    messages: {
      breakingChange:
        '`{{statement}}` {{what}} `{{subject}}` while the app version still running during the deploy uses it: {{why}}. Expand/contract: {{steps}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...MIGRATION_OPTION_PROPERTIES,
          allow: {
            type: 'array',
            items: { type: 'string', enum: [...BREAKING_KINDS] },
            uniqueItems: true,
            description:
              'Statement kinds the team accepts (for example `drop-table` when tables are only dropped after a release that stopped using them): `drop-column`, `rename-column`, `rename-table`, `drop-table`, `rename-enum-value`.',
          },
        },
      },
    ],
    defaultOptions: [{ runner: 'auto', allow: [] }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    if (checkedPostgresMigration(context, options.migrations) === null) return {};
    const allowed = new Set<BreakingKind>(options.allow ?? []);
    const sourceCode = context.sourceCode;

    function report(loc: TSESTree.SourceLocation, kind: BreakingKind, statement: string, subject: string): void {
      const hazard = breakingHazard(kind);
      context.report({ loc, messageId: 'breakingChange', data: { statement, what: WHAT[kind], subject, why: hazard.why, steps: hazard.steps } });
    }

    return migrationVisitor(context, () => {
      const model = getMigrationModel(context, options.runner);
      for (const statement of model.statements) {
        // Rollback code undoes an expand step: dropping what `up` added is the point.
        if (statement.direction === 'down') continue;
        for (const finding of findBreakingChanges(statement.tokens, statement.text)) {
          if (allowed.has(finding.kind) || !isExistingTable(model, finding.table, statement.step, statement.order)) continue;
          const alter = alterTableOf(statement);
          const label = alter ? actionLabel(statement, alter.table, finding.start, finding.end) : clipLabel(statement.text.slice(finding.start, finding.end));
          report(locIn(sourceCode, statement, finding.start, finding.end), finding.kind, label, finding.subject);
        }
      }

      // Builder drops and renames: JS migrations only.
      if (model.host !== 'js') return;
      const facts = jsMigrationFacts(context, options.runner);
      for (const { node, scope } of facts.calls) {
        const found = findSchemaChangeCall(node, facts.runner, scope);
        if (!found || !isBreakingCall(found) || allowed.has(found.kind)) continue;
        const place = facts.placeOf(node);
        if (place.direction === 'down' || !isExistingTable(model, found.table, place.step, place.order)) continue;
        const subject =
          found.kind === 'drop-column' || found.kind === 'rename-column' ? `${found.table ?? '…'}.${found.column ?? '…'}` : (found.column ?? found.table ?? '…');
        report(found.node.loc, found.kind, found.api, subject);
      }
    });
  },
});
