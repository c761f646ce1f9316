import type { TSESTree } from '@typescript-eslint/utils';
import { findTableChange } from '../migration-runners/builder-calls';
import { outermostFunction } from '../migration-runners/migration-functions';
import { detectRunner, type Runner } from '../migration-runners/runner';
import { findSchemaChangeCall, type SchemaChangeCall } from '../migration-runners/schema-changes';
import { isCheckedMigration } from '../migration/gate';
import { getMigrationModel } from '../migration/get-model';
import { BREAKING_KINDS, breakingHazard, type BreakingKind } from '../migration/hazards/no-breaking-schema-change';
import { createdEarlier } from '../migration/model';
import { findBreakingChanges } from '../migration/policies/breaking-change';
import { directionOf, isPostgres, label, partLoc } from '../migration/policies/report';
import { createRule } from '../util/create-rule';

export interface NoBreakingSchemaChangeOptions {
  migrations?: string[];
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
          migrations: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              "Globs, relative to ESLint's working directory, of the migration files this rule checks. Replaces `settings.guardrails.migrations` and the built-in defaults.",
          },
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
    defaultOptions: [{ allow: [] }],
  },
  create(context, [options]) {
    if (!isCheckedMigration(context, options.migrations)) return {};
    if (!isPostgres(context.settings)) return {};
    const allowed = new Set<BreakingKind>(options.allow ?? []);
    const sourceCode = context.sourceCode;
    let runner: Runner | null = null;
    const builderCalls: BreakingCall[] = [];
    const builderCreated: { table: string; step: object | null; order: number }[] = [];

    function report(loc: TSESTree.SourceLocation, kind: BreakingKind, statement: string, subject: string): void {
      const hazard = breakingHazard(kind);
      context.report({ loc, messageId: 'breakingChange', data: { statement, what: WHAT[kind], subject, why: hazard.why, steps: hazard.steps } });
    }

    return {
      Program(program) {
        runner = detectRunner(program, sourceCode);
      },
      CallExpression(node) {
        const scope = sourceCode.getScope(node);
        const created = findTableChange(node, scope);
        if (created?.change === 'create') builderCreated.push({ table: created.table, step: outermostFunction(node), order: created.at.range[0] });
        const found = findSchemaChangeCall(node, runner, scope);
        if (found && isBreakingCall(found) && !allowed.has(found.kind)) builderCalls.push(found);
      },
      'Program:exit'() {
        const model = getMigrationModel(context);
        for (const statement of model.statements) {
          // Rollback code undoes an expand step: dropping what `up` added is the point.
          if (statement.direction === 'down') continue;
          for (const finding of findBreakingChanges(statement.tokens, statement.text)) {
            if (allowed.has(finding.kind) || createdEarlier(model, finding.table, statement.step, statement.order)) continue;
            report(partLoc(statement, finding.start, finding.end, sourceCode), finding.kind, label(statement.text, finding.start, finding.end), finding.subject);
          }
        }
        for (const found of builderCalls) {
          if (directionOf(found.call) === 'down') continue;
          const step = outermostFunction(found.call);
          const order = found.call.range[0];
          if (found.table !== null) {
            const table = found.table;
            if (builderCreated.some((created) => created.table === table && created.step === step && created.order < order)) continue;
            if (step !== null && createdEarlier(model, table, step, order)) continue;
          }
          const subject =
            found.kind === 'drop-column' || found.kind === 'rename-column' ? `${found.table ?? '…'}.${found.column ?? '…'}` : (found.column ?? found.table ?? '…');
          report(found.node.loc, found.kind, found.api, subject);
        }
      },
    };
  },
});
