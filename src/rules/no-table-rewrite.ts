import { findTableChange } from '../migration-runners/builder-calls';
import { outermostFunction } from '../migration-runners/migration-functions';
import { detectRunner, type Runner } from '../migration-runners/runner';
import { findSchemaChangeCall, type SchemaChangeCall } from '../migration-runners/schema-changes';
import { isCheckedMigration } from '../migration/gate';
import { getMigrationModel } from '../migration/get-model';
import { rewriteHazard } from '../migration/hazards/no-table-rewrite';
import { createdEarlier } from '../migration/model';
import { isPostgres, label, partLoc } from '../migration/policies/report';
import { findRewrites } from '../migration/policies/table-rewrite';
import { getPostgresVersion } from '../settings';
import { typeChangeVerdict } from '../sql/type-change';
import { createRule } from '../util/create-rule';

export interface NoTableRewriteOptions {
  migrations?: string[];
  assumeWidening?: boolean;
}

type Options = [NoTableRewriteOptions];
type MessageIds = 'tableRewrite' | 'typeChangeMaybeRewrite' | 'builderTypeChange';

const LOCK = 'an ACCESS EXCLUSIVE lock that blocks every read and write of it until the copy is done';

export default createRule<Options, MessageIds>({
  name: 'no-table-rewrite',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow migration statements that rewrite an existing table under an `ACCESS EXCLUSIVE` lock',
      recommended: true,
    },
    messages: {
      tableRewrite: '`{{statement}}` rewrites `{{table}}` because of {{cause}}, under ' + LOCK + '. Instead, {{advice}}.',
      typeChangeMaybeRewrite:
        '`{{statement}}` rewrites `{{table}}` under ' +
        LOCK +
        ', unless it only widens the column (a longer `varchar`, `varchar` to `text`, more `numeric` precision), which this migration does not show. If it widens, say so in a disable comment; otherwise {{advice}}.',
      builderTypeChange:
        '`{{call}}` changes the type of `{{column}}` (`ALTER COLUMN … TYPE`), which rewrites `{{table}}` under ' +
        LOCK +
        ', unless the type is unchanged or only widens. Instead, {{advice}}.',
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
          assumeWidening: {
            type: 'boolean',
            description:
              'Stay silent on a column type change whose old type the migration does not show when the new type can be a widening PostgreSQL makes without a rewrite (`varchar(n)`, `varchar`, `text`, `numeric(p,s)`, `numeric`, `varbit(n)`, a time precision).',
          },
        },
      },
    ],
    defaultOptions: [{ assumeWidening: false }],
  },
  create(context, [options]) {
    if (!isCheckedMigration(context, options.migrations)) return {};
    if (!isPostgres(context.settings)) return {};
    const postgresVersion = getPostgresVersion(context.settings);
    const sourceCode = context.sourceCode;
    const assumeWidening = options.assumeWidening === true;
    let runner: Runner | null = null;
    const builderCalls: SchemaChangeCall[] = [];
    /** Tables builder calls create, by step, for "created earlier in this step". */
    const builderCreated: { table: string; step: object | null; order: number }[] = [];

    function reportBuilder(found: SchemaChangeCall, createdBySql: (table: string, step: object | null, order: number) => boolean): void {
      const step = outermostFunction(found.call);
      const order = found.call.range[0];
      if (found.table !== null && (builderCreated.some((created) => created.table === found.table && created.step === step && created.order < order) || createdBySql(found.table, step, order))) return;
      if (found.type && typeChangeVerdict(null, found.type, postgresVersion) === 'unknown' && assumeWidening) return;
      context.report({
        node: found.node,
        messageId: 'builderTypeChange',
        data: {
          call: found.api,
          column: found.column ?? '…',
          table: found.table ?? '…',
          advice: rewriteHazard('alter-column-type').advice,
        },
      });
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
        if (found?.kind === 'alter-column-type') builderCalls.push(found);
      },
      'Program:exit'() {
        const model = getMigrationModel(context);
        for (const statement of model.statements) {
          for (const finding of findRewrites(statement.tokens, statement.text, { postgresVersion })) {
            if (createdEarlier(model, finding.table, statement.step, statement.order)) continue;
            if (finding.unsure && assumeWidening) continue;
            const hazard = rewriteHazard(finding.hazard);
            context.report({
              loc: partLoc(statement, finding.start, finding.end, sourceCode),
              messageId: finding.unsure ? 'typeChangeMaybeRewrite' : 'tableRewrite',
              data: {
                statement: label(statement.text, finding.start, finding.end),
                table: finding.tableLabel,
                cause: finding.cause,
                advice: hazard.advice,
              },
            });
          }
        }
        const createdBySql = (table: string, step: object | null, order: number): boolean => step !== null && createdEarlier(model, table, step, order);
        for (const found of builderCalls) reportBuilder(found, createdBySql);
      },
    };
  },
});
