import { findSchemaChangeCall, type SchemaChangeCall } from '../migration-runners/schema-changes';
import { getMigrationModel } from '../migration/get-model';
import { rewriteHazard } from '../migration/hazards/no-table-rewrite';
import { jsMigrationFacts, type JsPlace, migrationVisitor } from '../migration/js-host';
import { actionLabel, clipLabel, isExistingTable, locIn } from '../migration/policy';
import { findRewrites } from '../migration/policies/table-rewrite';
import { checkedPostgresMigration, MIGRATION_OPTION_PROPERTIES, type MigrationRuleOptions } from '../migration/rule-options';
import { alterTableOf } from '../migration/policy';
import { typeChangeVerdict } from '../sql/type-change';
import { createRule } from '../util/create-rule';

export interface NoTableRewriteOptions extends MigrationRuleOptions {
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
          ...MIGRATION_OPTION_PROPERTIES,
          assumeWidening: {
            type: 'boolean',
            description:
              'Stay silent on a column type change whose old type the migration does not show when the new type can be a widening PostgreSQL makes without a rewrite (`varchar(n)`, `varchar`, `text`, `numeric(p,s)`, `numeric`, `varbit(n)`, a time precision).',
          },
        },
      },
    ],
    defaultOptions: [{ runner: 'auto', assumeWidening: false }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    const postgresVersion = checkedPostgresMigration(context, options.migrations);
    if (postgresVersion === null) return {};
    const sourceCode = context.sourceCode;
    const assumeWidening = options.assumeWidening === true;

    return migrationVisitor(context, () => {
      const model = getMigrationModel(context, options.runner);
      for (const statement of model.statements) {
        for (const finding of findRewrites(statement.tokens, statement.text, { postgresVersion })) {
          if (!isExistingTable(model, finding.table, statement.step, statement.order)) continue;
          if (finding.unsure && assumeWidening) continue;
          const alter = alterTableOf(statement);
          context.report({
            loc: locIn(sourceCode, statement, finding.start, finding.end),
            messageId: finding.unsure ? 'typeChangeMaybeRewrite' : 'tableRewrite',
            data: {
              statement: alter ? actionLabel(statement, alter.table, finding.start, finding.end) : clipLabel(statement.text.slice(finding.start, finding.end)),
              table: finding.tableLabel,
              cause: finding.cause,
              advice: rewriteHazard(finding.hazard).advice,
            },
          });
        }
      }

      // Builder type changes: JS migrations only (a `.sql` file has no calls).
      if (model.host !== 'js') return;
      const facts = jsMigrationFacts(context, options.runner);
      const changes: { found: SchemaChangeCall; place: JsPlace }[] = [];
      for (const { node, scope } of facts.calls) {
        const found = findSchemaChangeCall(node, facts.runner, scope);
        if (found?.kind === 'alter-column-type') changes.push({ found, place: facts.placeOf(node) });
      }
      for (const { found, place } of changes) {
        if (!isExistingTable(model, found.table, place.step, place.order)) continue;
        // The other direction's change of the same column restores the type this one replaces:
        // that is the old type (a Sequelize `changeColumn` repeats the type to change nullability).
        const other = changes.find(
          (candidate) =>
            candidate.place.direction !== null &&
            place.direction !== null &&
            candidate.place.direction !== place.direction &&
            candidate.found.table === found.table &&
            candidate.found.column !== null &&
            candidate.found.column === found.column,
        );
        const verdict = found.type ? typeChangeVerdict(other?.found.type ?? null, found.type, postgresVersion) : 'unknown';
        if (verdict === 'no' || (verdict === 'unknown' && assumeWidening && found.type !== null)) continue;
        context.report({
          node: found.node,
          messageId: 'builderTypeChange',
          data: { call: found.api, column: found.column ?? '…', table: found.table ?? '…', advice: rewriteHazard('alter-column-type').advice },
        });
      }
    });
  },
});
