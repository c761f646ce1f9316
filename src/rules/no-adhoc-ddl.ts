import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { calleeName, evaluateString, isStringRawTag, writtenStringText } from '../static';
import { analyzeSql, mayHoldCodeCasedDdl } from '../sql/analyze';
import { DDL_KINDS } from '../sql/keywords';
import { describeMigrationFolder } from '../sql/migration-folder';
import { mayContainDdl } from '../sql/prefilter';
import { findSchemaApiCalls, SCHEMA_API_CALLEE_NAMES } from '../sql/schema-apis';
import { classifyTag, getCallSink, isSinkCandidate, SINK_CALLEE_NAMES, type SinkStrength } from '../sql/sinks';
import { joinStaticString, sourceIndexAt, type JoinedString } from '../sql/source-map';
import { sqlExpressions } from '../sql/sql-arguments';
import type { SqlStatement } from '../sql/statement';
import { isNonSqlContext, isOnlyUsedOutsideSql, PROSE_PARENTS, stringRoot } from '../sql/string-context';
import { createRule } from '../util/create-rule';
import { isSqlSourceCode } from '../languages/sql/source-code';
import { sqlFileListeners } from '../languages/sql/adhoc-ddl';
import { getMigrationGlobs, isMigrationFile, relativeFilename } from '../util/migrations';
import { validateGuardrailsSettings } from '../settings';
import { callOf, isAssertionArgument, isBuiltNotRun, isDecoratorArgument } from '../sql/not-run';

export interface NoAdhocDdlOptions {
  migrations?: string[];
  allow?: string[];
  allowTemporary?: boolean;
  schemaApis?: boolean;
  databaseStatements?: boolean;
}

type Options = [NoAdhocDdlOptions];
type MessageIds = 'adhocDdl' | 'schemaApi';

/**
 * How sure we are that a string runs as SQL. `none`: no sink in sight, so only
 * an unmistakably complete statement counts (see `shouldReport`).
 */
type Evidence = SinkStrength | 'none';

/**
 * `*.test.*`, `*.spec.*`, and anything under a test or fixture folder
 * (`test/`, `tests/`, `__tests__/`, `__mocks__/`, `fixtures/`, `__fixtures__/`),
 * matched on the path relative to ESLint's working directory.
 */
const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|__mocks__|fixtures|__fixtures__)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/**
 * Statements that create or destroy the database itself: not schema changes a
 * migration can carry (a migration runs inside the database, and these cannot
 * run in a transaction block). Test set-up and provisioning scripts run them.
 * Reported only with `databaseStatements: true`.
 */
const DATABASE_KINDS: ReadonlySet<string> = new Set(['CREATE DATABASE', 'DROP DATABASE']);

/** The names of every call the rule looks into (a sink or a schema API): any other call costs one lookup. */
const CALL_NAMES: ReadonlySet<string> = new Set([...SINK_CALLEE_NAMES, ...SCHEMA_API_CALLEE_NAMES]);

const DEFAULTS = {
  allow: [],
  allowTemporary: true,
  schemaApis: true,
  databaseStatements: false,
} satisfies NoAdhocDdlOptions;

/** `allow` as a set, built once per option set (the merged options object is shared by its files). */
const allowedCache = new WeakMap<NoAdhocDdlOptions, ReadonlySet<string>>();
function allowedKinds(options: NoAdhocDdlOptions): ReadonlySet<string> {
  let allowed = allowedCache.get(options);
  if (!allowed) {
    allowed = new Set(options.allow ?? []);
    allowedCache.set(options, allowed);
  }
  return allowed;
}

export default createRule<Options, MessageIds>({
  name: 'no-adhoc-ddl',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow schema changes (DDL) outside migration files',
      recommended: true,
    },
    messages: {
      adhocDdl: '`{{statement}}` changes the schema outside a migration. Schema changes belong in a migration under `{{migrations}}`.',
      schemaApi: '`{{api}}` changes the schema outside a migration. Schema changes belong in a migration under `{{migrations}}`.',
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
              "Globs, relative to ESLint's working directory, of the migration files where DDL is allowed. Replaces `settings.guardrails.migrations` and the built-in defaults.",
          },
          allow: {
            type: 'array',
            items: { type: 'string', enum: [...DDL_KINDS] },
            uniqueItems: true,
            description: 'Statement kinds allowed outside migrations, such as `TRUNCATE`, `CREATE TABLE` or `GRANT`.',
          },
          allowTemporary: {
            type: 'boolean',
            description: 'Allow session-local temporary objects (`CREATE TEMP TABLE`, `SELECT … INTO TEMP t`, `DROP TEMPORARY TABLE`).',
          },
          schemaApis: {
            type: 'boolean',
            description:
              'Also report ORM and query-builder calls that change the schema without SQL text (`knex.schema.createTable`, `sequelize.sync()`, `synchronize: true`…).',
          },
          databaseStatements: {
            type: 'boolean',
            description:
              'Also report `CREATE DATABASE` and `DROP DATABASE`, which create or destroy the database that migrations run in (off by default: they belong in provisioning and test set-up, not in a migration).',
          },
        },
      },
    ],
    defaultOptions: [DEFAULTS],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    const sourceCode = context.sourceCode;
    // Bad settings fail on every file, not only on the first one with a candidate.
    validateGuardrailsSettings(context.settings);
    /**
     * Migrations may do anything. Decided when the first string or call gets past
     * the cheap checks (a SQL sink, a schema API, a tag that is SQL, a lone string
     * with a DDL word), not in `create()`: most files hold none, and a migration
     * stops at its first. Once `true`, every listener returns at once.
     */
    let silent: boolean | undefined;
    const isSilent = (): boolean => (silent ??= isMigrationFile(context, options.migrations));
    // Test files are full of SQL-looking data (injection payloads, expected output):
    // there a string counts only when it reaches a SQL call. Test helpers that run
    // DDL through a sink are still reported. Decided on the first lone string that needs it.
    let testFile: boolean | undefined;
    const inTestFile = (): boolean => (testFile ??= TEST_FILE.test(relativeFilename(context)));
    const databaseStatements = options.databaseStatements === true;
    // Only messages name the folder: work it out on the first report.
    let migrationsText: string | undefined;
    const migrations = (): string => (migrationsText ??= describeMigrationFolder(getMigrationGlobs(context, options.migrations)));
    const allowed = allowedKinds(options);
    const allowTemporary = options.allowTemporary !== false;
    /** String expressions already read, so a piece of a concatenation or a sink argument is read once (made on the first one). */
    let evaluated: WeakSet<TSESTree.Node> | undefined;
    const markEvaluated = (node: TSESTree.Node): void => {
      (evaluated ??= new WeakSet()).add(node);
    };
    const wasEvaluated = (node: TSESTree.Node): boolean => evaluated?.has(node) === true;
    /** Report positions already used: a constant reaches both its declaration and its sink (made on the first report). */
    let reported: Set<string> | undefined;

    function shouldReport(statement: SqlStatement, evidence: Evidence): boolean {
      if (!statement.ddl || allowed.has(statement.kind)) return false;
      if (!databaseStatements && DATABASE_KINDS.has(statement.kind)) return false;
      if (statement.flags.temporary && allowTemporary) return false;
      if (evidence === 'sql') return true;
      // Prose capitalises only the first word ("Drop table users"); SQL is written in one case.
      if (statement.keywordCase === 'mixed') return false;
      return evidence === 'maybe' || statement.complete;
    }

    // A `.sql` file (the `guardrails/sql` language) runs every statement it holds.
    const sqlSource = context.sourceCode;
    if (isSqlSourceCode(sqlSource)) {
      if (isSilent()) return {};
      return sqlFileListeners(
        sqlSource,
        (statement) => shouldReport(statement, 'sql'),
        (statement, loc) => {
          context.report({ loc, messageId: 'adhocDdl', data: { statement: statement.label, migrations: migrations() } });
        },
      );
    }

    /** What `check` with no sink in sight (`none`) decides for a lone string, without any scope work. */
    function wouldReportText(text: string): boolean {
      // Without a sink, a statement cased as prose is never reported (see `shouldReport`).
      if (!mayHoldCodeCasedDdl(text)) return false;
      for (const statement of analyzeSql(text)) if (shouldReport(statement, 'none')) return true;
      return false;
    }

    function check(node: TSESTree.Node, evidence: Evidence, scope: TSESLint.Scope.Scope): void {
      markEvaluated(node);
      for (const alternative of evaluateString(node, scope)) {
        const joined = joinStaticString(alternative);
        if (!mayContainDdl(joined.text)) continue;
        for (const statement of analyzeSql(joined.text)) {
          if (shouldReport(statement, evidence)) report(statement, joined, node);
        }
      }
    }

    function report(statement: SqlStatement, joined: JoinedString, node: TSESTree.Node): void {
      const span = locateHead(statement, joined);
      // One report per statement: `?:` and `??` variants of one string share its start.
      const key = span ? `${span[0]}` : `${node.range[0]}:${node.range[1]}:${statement.kind}`;
      reported ??= new Set();
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        loc: span ? { start: sourceCode.getLocFromIndex(span[0]), end: sourceCode.getLocFromIndex(span[1]) } : node.loc,
        messageId: 'adhocDdl',
        data: { statement: statement.label, migrations: migrations() },
      });
    }

    /** Checks a string that reaches no sink (or one we could not see). */
    function checkAwayFromSink(piece: TSESTree.Node): void {
      // In a test file a string counts only when it reaches a SQL call (see `inTestFile`). In a
      // migration nothing counts: decided here, before a string is lexed, since a migration's
      // strings are DDL and the file's verdict is one folder lookup, made once per file.
      if (inTestFile() || isSilent()) return;
      const root = stringRoot(piece);
      // A template's tag is read by the TaggedTemplateExpression visitor, or by a sink that took the whole call.
      const tagged = root.parent?.type === AST_NODE_TYPES.TaggedTemplateExpression ? root.parent : null;
      if (wasEvaluated(root) || (tagged && wasEvaluated(tagged))) return;
      markEvaluated(root);
      // A string on its own (most UI text with a DDL word: "Create link") is all `check` would read:
      // when none of its statements would be reported, skip the context and scope work.
      if (root === piece && tagged === null) {
        const text = writtenStringText(piece);
        if (text !== null && !wouldReportText(text)) return;
      }
      if (isNonSqlContext(tagged ?? root) || isDecoratorArgument(tagged ?? root) || isAssertionArgument(tagged ?? root) || isOnlyUsedOutsideSql(tagged ?? root, sourceCode)) return;
      // `String.raw` keeps backslashes: read the tagged expression, not the cooked template.
      check(tagged && isStringRawTag(tagged.tag) ? tagged : root, 'none', sourceCode.getScope(piece));
    }

    function checkSchemaApis(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (!options.schemaApis || silent === true) return;
      const calls = findSchemaApiCalls(node, sourceCode);
      if (calls.length === 0 || isSilent()) return;
      for (const call of calls) {
        if (call.kind !== null && allowed.has(call.kind)) continue;
        // `knex.schema.createTable(…).toString()`, `expect(knex.schema…)`: built, not run.
        if (isBuiltNotRun(callOf(call.node), true)) continue;
        context.report({ node: call.node, messageId: 'schemaApi', data: { api: call.api, migrations: migrations() } });
      }
    }

    function onCall(node: TSESTree.CallExpression): void {
      const name = calleeName(node.callee);
      if (name === null || !CALL_NAMES.has(name) || silent === true) return;
      checkSchemaApis(node);
      if (!isSinkCandidate(node)) return;
      const scope = sourceCode.getScope(node);
      const sink = getCallSink(node, scope);
      if (!sink || isSilent()) return;
      if (isBuiltNotRun(node, false)) {
        // `knex.raw('…').toSQL()`: rendered, never run; its strings are no evidence either.
        for (const expression of sqlExpressions(sink.argument, scope)) markEvaluated(expression);
        return;
      }
      for (const expression of sqlExpressions(sink.argument, scope)) check(expression, sink.strength, scope);
    }

    function onTaggedTemplate(node: TSESTree.TaggedTemplateExpression): void {
      // Without holes the text is all there is: skip the tag lookup when it holds no DDL word.
      const { quasis, expressions } = node.quasi;
      if (silent === true || (expressions.length === 0 && !mayContainDdl(quasis[0]?.value.raw ?? ''))) return;
      const scope = sourceCode.getScope(node);
      const tag = classifyTag(node.tag, scope);
      if (tag === 'unknown' || isSilent()) return; // an unknown tag's template is read like any other string
      if (tag === 'other' || isBuiltNotRun(node, true)) markEvaluated(node.quasi);
      else check(node.quasi, tag, scope);
    }

    return {
      CallExpression: onCall,
      NewExpression: checkSchemaApis,
      TaggedTemplateExpression: onTaggedTemplate,
      Literal(node: TSESTree.Literal) {
        // Its own words first (its parent is one more node to load, and few strings pass); a prop, a module
        // specifier or a thrown string is never SQL (what checkAwayFromSink would decide).
        if (silent === true || typeof node.value !== 'string' || !mayContainDdl(node.value) || PROSE_PARENTS.has(node.parent.type)) return;
        checkAwayFromSink(node);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        if (silent === true || wasEvaluated(node)) return;
        // A loop, not a callback: this runs on every template literal.
        for (const quasi of node.quasis) {
          if (mayContainDdl(quasi.value.cooked ?? quasi.value.raw)) {
            checkAwayFromSink(node);
            return;
          }
        }
      },
    };
  },
});

/**
 * Source range `[start, end)` of the statement's head (`ALTER TABLE users`),
 * or of the SQL string holding it when escapes hide the statement itself,
 * when its first character is verbatim in the source. The range stays inside
 * the text run the statement starts in, so it never spans unrelated code.
 */
function locateHead(statement: SqlStatement, joined: JoinedString): [number, number] | null {
  const start = sourceIndexAt(joined, statement.start);
  if (start === null) return null;
  let partEnd = joined.text.length;
  for (const partStart of joined.partStarts) {
    if (partStart > statement.start) {
      partEnd = partStart;
      break;
    }
  }
  let last = Math.min(statement.headEnd, partEnd) - 1;
  while (last > statement.start && (isSpace(joined.text.charAt(last)) || sourceIndexAt(joined, last) === null)) last--;
  const end = sourceIndexAt(joined, last);
  if (end === null || end < start) return [start, start + 1];
  return [start, end + 1];
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}
