import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName, unwrapExpression } from '../static';
import { mayContainDml } from '../sql/dml';
import { isDatabaseName, receiverName } from '../sql/provenance';
import { rootText } from '../seeds/chains';
import { readFileFacts, type FileFacts } from '../seeds/file-facts';
import { areExclusive, buildOccurrences, type Escape, type Occurrence } from '../seeds/model';
import { isOpenerCandidate, readTransactionOpener, type TransactionOpener } from '../seeds/transactions';
import { isWriteCandidate, readControlCall, readOrmWrite, readSqlCall, readSqlTag, type Family, type SeedWrite, type TransactionControl } from '../seeds/writes';
import { isSqlSourceCode } from '../languages/sql/source-code';
import { createRule } from '../util/create-rule';
import { isSeedFile } from '../util/seeds';

export interface RequireSeedTransactionOptions {
  seeds?: string[];
  sequelizeCls?: boolean;
}

type Options = [RequireSeedTransactionOptions];
type MessageIds = 'notAtomic' | 'outerClient' | 'missingTransactionOption' | 'separateTransactions' | 'useHandle' | 'passTransaction';

type Scope = TSESLint.Scope.Scope;

/** How each library wraps writes in one transaction, for the message. `{{client}}` is the client's name. */
const FIXES: Readonly<Record<Family, string>> = {
  prisma: '{{client}}.$transaction(async (tx) => { … })',
  knex: '{{client}}.transaction(async (trx) => { … })',
  sequelize: '{{client}}.transaction(async (t) => { … }) with `{ transaction: t }` on each write',
  typeorm: '{{client}}.transaction(async (manager) => { … })',
  drizzle: '{{client}}.transaction(async (tx) => { … })',
  kysely: '{{client}}.transaction().execute(async (trx) => { … })',
  sql: "`BEGIN` … `COMMIT` on one connection",
};
const DEFAULT_CLIENTS: Readonly<Record<Family, string>> = {
  prisma: 'prisma',
  knex: 'knex',
  sequelize: 'sequelize',
  typeorm: 'dataSource',
  drizzle: 'db',
  kysely: 'db',
  sql: 'client',
};

export default createRule<Options, MessageIds>({
  name: 'require-seed-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require seed loaders to write all-or-nothing, in one transaction',
      recommended: true,
    },
    hasSuggestions: true,
    // JS/TS seed loaders only: ESLint 10.2+ refuses to enable it for another language (`.sql`).
    ...({ languages: ['js/js'] } as object),
    messages: {
      notAtomic:
        '`{{write}}` writes outside a transaction ({{reason}}), so a failure half-way leaves part of the seed data behind and the next run duplicates it. Run all the writes in one transaction: {{fix}}.',
      outerClient:
        '`{{write}}` goes through `{{client}}` instead of the transaction handle `{{handle}}`, so it is not part of the transaction: it stays written if the transaction rolls back. Use `{{handle}}` for every write inside the callback.',
      missingTransactionOption:
        '`{{write}}` is not given the transaction, so it runs outside it and stays written if the transaction rolls back. Pass `{ transaction: {{handle}} }`.',
      separateTransactions:
        '`{{transaction}}` is {{reason}}, so a failure in a later one leaves the earlier ones\' writes behind. Run all the writes of the seed in one transaction.',
      useHandle: 'Use the transaction handle `{{handle}}`.',
      passTransaction: 'Pass `{ transaction: {{handle}} }`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          seeds: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              "Globs, relative to ESLint's working directory, of the seed files this rule checks. Replaces `settings.guardrails.seeds` and the built-in defaults.",
          },
          sequelizeCls: {
            type: 'boolean',
            description:
              'Sequelize runs with CLS (`Sequelize.useCLS(namespace)`), so writes inside `sequelize.transaction(cb)` join it without `{ transaction: t }`.',
          },
        },
      },
    ],
    defaultOptions: [{ sequelizeCls: false }],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    // Cheapest check first: one cached glob match; other files get no listeners.
    if (!isSeedFile(context, options.seeds)) return {};
    // Older ESLint runs it on any language: a `.sql` seed has no JS writes to judge.
    if (isSqlSourceCode(context.sourceCode)) return {};

    const sourceCode = context.sourceCode;
    /** Calls that passed the syntactic pre-check; resolved (with scope) at the end, only if any. */
    const candidates: TSESTree.CallExpression[] = [];
    const tags: TSESTree.TaggedTemplateExpression[] = [];
    const openerCandidates: TSESTree.CallExpression[] = [];
    const thisCalls = new Map<string, TSESTree.CallExpression[]>();
    let usesCls = false;

    function resolve(program: TSESTree.Program): void {
      if (candidates.length === 0 && tags.length === 0) return;
      const facts: FileFacts = readFileFacts(program);
      const writes: { write: SeedWrite; scope: Scope }[] = [];
      const controls: TransactionControl[] = [];
      for (const call of candidates) {
        const scope = sourceCode.getScope(call);
        const control = readControlCall(call);
        if (control) {
          controls.push(control);
          continue;
        }
        const found = readOrmWrite(call, scope, facts) ?? readSqlCall(call, scope, facts);
        if (found === null) continue;
        if ('label' in found) writes.push({ write: found, scope });
        else controls.push(found);
      }
      for (const tag of tags) {
        const scope = sourceCode.getScope(tag);
        const write = readSqlTag(tag, scope);
        if (write) writes.push({ write, scope });
      }
      if (writes.length === 0) return;
      const openers: TransactionOpener[] = [];
      for (const call of openerCandidates) {
        const opener = readTransactionOpener(call);
        if (!opener) continue;
        if (opener.needsClientEvidence && !isDatabaseName(receiverName(call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee))) continue;
        openers.push(opener);
      }
      const occurrences = buildOccurrences({ sourceCode, writes, openers, controls, thisCalls, sequelizeCls: options.sequelizeCls === true || usesCls });
      judge(occurrences);
    }

    function judge(occurrences: readonly Occurrence[]): void {
      const reported = new Set<TSESTree.Node>();
      const byUnit = new Map<TSESTree.Node, Occurrence[]>();
      for (const occurrence of occurrences) {
        const list = byUnit.get(occurrence.unit) ?? [];
        list.push(occurrence);
        byUnit.set(occurrence.unit, list);
      }
      for (const [unit, list] of byUnit) {
        for (const occurrence of list) if (occurrence.escape) reportEscape(occurrence.write, occurrence.escape, reported);
        const unitName = describeUnit(unit);
        /** Another write that can run in the same run as this one (not in an exclusive branch). */
        const hasCompany = (occurrence: Occurrence): boolean => list.some((other) => other !== occurrence && !areExclusive(occurrence, other));
        for (const occurrence of list) {
          const { write } = occurrence;
          if (occurrence.tx !== null || occurrence.escape !== null || reported.has(write.node)) continue;
          if (!occurrence.loop && !hasCompany(occurrence)) continue;
          reported.add(write.node);
          const client = rootText(write.chain) ?? DEFAULT_CLIENTS[write.family];
          context.report({
            node: write.node,
            messageId: 'notAtomic',
            data: {
              write: write.label,
              reason: occurrence.loop ? 'it runs in a loop' : `one of ${list.length} writes in ${unitName}`,
              fix: write.call.type === AST_NODE_TYPES.TaggedTemplateExpression && write.family === 'sql' && /^[\w$]+$/.test(client)
                ? `\`${client}.begin(async (${client}) => { … })\``
                : fixFor(write.family, client),
            },
          });
        }
        // Every write is in a transaction, but not in one: report each transaction after the first.
        const transactions = new Map<TSESTree.Node, string>();
        for (const occurrence of list) if (occurrence.tx) transactions.set(occurrence.tx.key, occurrence.tx.label);
        const ordered = [...transactions.entries()].sort((a, b) => a[0].range[0] - b[0].range[0]);
        ordered.forEach(([key, label], index) => {
          const mine = list.filter((occurrence) => occurrence.tx?.key === key);
          const inLoop = mine.some((occurrence) => occurrence.txRepeated);
          const others = list.filter((occurrence) => occurrence.tx !== null && occurrence.tx.key !== key);
          const together = mine.some((occurrence) => others.some((other) => !areExclusive(occurrence, other)));
          if (!inLoop && (index === 0 || !together)) return;
          if (reported.has(key)) return;
          reported.add(key);
          context.report({
            node: key.type === AST_NODE_TYPES.CallExpression ? key.callee : key,
            messageId: 'separateTransactions',
            data: { transaction: label, reason: inLoop ? 'opened once per iteration of a loop' : `one of ${ordered.length} transactions in ${unitName}` },
          });
        });
      }
    }

    function reportEscape(write: SeedWrite, escape: Escape, reported: Set<TSESTree.Node>): void {
      if (reported.has(write.node)) return;
      reported.add(write.node);
      const handle = escape.handle?.name ?? (escape.kind === 'missingOption' ? 't' : 'tx');
      if (escape.kind === 'outerClient') {
        const target = escape.replace;
        context.report({
          node: write.node,
          messageId: 'outerClient',
          data: { write: write.label, client: escape.client, handle },
          suggest: target
            ? [{ messageId: 'useHandle', data: { handle }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(target, handle) }]
            : [],
        });
        return;
      }
      const fix = escape.handle ? transactionOptionFix(write, escape.handle.name) : null;
      context.report({
        node: write.node,
        messageId: 'missingTransactionOption',
        data: { write: write.label, handle },
        suggest: fix ? [{ messageId: 'passTransaction', data: { handle }, fix }] : [],
      });
    }

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = getStaticPropertyName(callee);
          if (name !== null) {
            const list = thisCalls.get(name) ?? [];
            list.push(node);
            thisCalls.set(name, list);
          }
        }
        if (isOpenerCandidate(node)) openerCandidates.push(node);
        if (isWriteCandidate(node)) candidates.push(node);
        if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'useCLS') usesCls = true;
      },
      TaggedTemplateExpression(node) {
        const tag = unwrapExpression(node.tag);
        const raw = tag.type === AST_NODE_TYPES.MemberExpression && (getStaticPropertyName(tag) ?? '').startsWith('$executeRaw');
        if (raw || node.quasi.quasis.some((quasi) => mayContainDml(quasi.value.raw))) tags.push(node);
      },
      'Program:exit': resolve,
    };
  },
});

function fixFor(family: Family, client: string): string {
  if (family === 'sql') return FIXES.sql;
  const name = /^(?:this\.)?[\w$]+$/.test(client) ? client : DEFAULT_CLIENTS[family];
  const fix = FIXES[family].replace('{{client}}', receiverFor(family, name));
  const [code, rest] = fix.split(' with ');
  return rest ? `\`${code}\` with ${rest}` : `\`${code}\``;
}

/** The object whose transaction method the fix calls: not a model or a repository, which have none. */
function receiverFor(family: Family, client: string): string {
  if (family === 'sequelize') {
    if (/sequelize$/i.test(client)) return client;
    // `queryInterface.sequelize`, and sequelize-cli's `models/index.js`, which exports `db.sequelize`.
    return /queryinterface$|^(?:db|models)$/i.test(client) ? `${client}.sequelize` : 'sequelize';
  }
  if (family === 'typeorm') return /(?:manager|datasource|connection|^em)$/i.test(client) ? client : 'dataSource';
  return client;
}

function describeUnit(unit: TSESTree.Node): string {
  if (unit.type === AST_NODE_TYPES.Program) return 'this file';
  if (unit.type === AST_NODE_TYPES.FunctionDeclaration && unit.id) return `\`${unit.id.name}\``;
  const parent = unit.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return `\`${parent.id.name}\``;
  if ((parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition) && !parent.computed) {
    const name = getStaticPropertyName(parent);
    if (name !== null) return `\`${name}\``;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(parent.left);
    if (name !== null) return `\`${name}\``;
  }
  return 'this function';
}

/** Adds `{ transaction: t }` where the write's options go, when that is mechanical. */
function transactionOptionFix(write: SeedWrite, handle: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const call = write.call;
  if (call.type !== AST_NODE_TYPES.CallExpression || write.optionsIndex === null) return null;
  const index = write.optionsIndex;
  const args = call.arguments;
  const property = handle === 'transaction' ? 'transaction' : `transaction: ${handle}`;
  if (args.length === index && index > 0) {
    const last = args[index - 1];
    if (!last) return null;
    return (fixer) => fixer.insertTextAfter(last, `, { ${property} }`);
  }
  const options = args[index];
  if (args.length !== index + 1 || options?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  if (options.properties.length === 0) return (fixer) => fixer.replaceText(options, `{ ${property} }`);
  const first = options.properties[0];
  if (!first) return null;
  return (fixer) => fixer.insertTextBefore(first, `${property}, `);
}
