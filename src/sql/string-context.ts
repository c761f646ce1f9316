import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { getStaticPropertyName } from '../static';

/**
 * The outermost expression a string piece belongs to, so a concatenation, a
 * template, a conditional or a `[…].join()` is read once as a whole:
 * `'ALTER TABLE ' + t + ' ADD c int'` → the whole `+` expression.
 */
export function stringRoot(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    switch (parent.type) {
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return current;
        break;
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return current;
        break;
      case AST_NODE_TYPES.ArrayExpression: {
        // `[…].join(' ')` builds one string; a plain array holds separate ones.
        const member = parent.parent;
        const call = member.parent;
        if (
          member.type !== AST_NODE_TYPES.MemberExpression ||
          member.object !== parent ||
          getStaticPropertyName(member) !== 'join' ||
          call?.type !== AST_NODE_TYPES.CallExpression ||
          call.callee !== member
        ) {
          return current;
        }
        current = call;
        continue;
      }
      default:
        return current;
    }
    current = parent;
  }
}

/** Callees whose string arguments are messages for people: logs, errors, test names, translations, alerts. */
const PROSE_FUNCTIONS: ReadonlySet<string> = new Set([
  'it',
  'test',
  'describe',
  'suite',
  'bench',
  'context',
  'xit',
  'xdescribe',
  'fit',
  'fdescribe',
  't',
  '$t',
  '_t',
  '__',
  'i18n',
  'translate',
  'formatMessage',
  'alert',
  'confirm',
  'prompt',
  'toast',
  'notify',
  'expect',
  'assert',
  'fail',
  'equal', // node:assert, tap, uvu and friends, imported bare
  'deepEqual',
  'strictEqual',
  'deepStrictEqual',
  'notEqual',
  'notStrictEqual',
  'same',
  'log',
  'warn',
  'error',
  'info',
  'debug',
  'trace',
]);

/** Objects whose methods take messages for people. */
const PROSE_OBJECTS: ReadonlySet<string> = new Set([
  'console',
  'logger',
  'log',
  'logging',
  'winston',
  'pino',
  'Sentry',
  'toast',
  'i18n',
  'i18next',
  'intl',
  'expect',
  'assert',
  'it',
  'test',
  'describe',
  'core', // @actions/core
]);

/** Methods that take messages for people, whatever the object. */
const PROSE_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'silly',
  'notice',
  'captureMessage',
  'captureException',
  'formatMessage',
  'translate',
]);

/** Object keys whose values are texts for people. */
const LABEL_KEYS: ReadonlySet<string> = new Set([
  'label',
  'title',
  'description',
  'message',
  'placeholder',
  'tooltip',
  'hint',
  'help',
  'summary',
  'caption',
  'heading',
  'subtitle',
  'alt',
  'text', // note: pg's `{ text }` query config is read by the sink, which runs before this check
  'name',
]);

/** String methods whose argument is compared or searched for, never run. */
const COMPARING_METHODS: ReadonlySet<string> = new Set([
  'includes',
  'startsWith',
  'endsWith',
  'indexOf',
  'lastIndexOf',
  'match',
  'matchAll',
  'search',
  'split',
  'localeCompare',
  'has',
  'equal', // assertion methods: `assert.equal`, `t.deepEqual`, `expect(x).toBe`
  'deepEqual',
  'strictEqual',
  'deepStrictEqual',
  'notEqual',
  'same',
  'is',
  'toBe',
  'toEqual',
  'toStrictEqual',
  'toMatch',
  'toContain',
  'toMatchInlineSnapshot',
  'toHaveBeenCalledWith',
]);

const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=']);

/**
 * Parents under which a string is never SQL, whatever it says: a thrown
 * value, JSX props and children, module specifiers, literal types. A string
 * directly under one is its own root (see `stringRoot`), so a visitor can
 * drop it before reading its text.
 */
export const PROSE_PARENTS: ReadonlySet<string> = new Set<string>([
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.JSXAttribute,
  AST_NODE_TYPES.JSXExpressionContainer,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TSLiteralType,
]);

/**
 * Whether a string at `root` is plainly not run as SQL, so it is never
 * evidence of DDL away from a sink: text for people (log and console calls,
 * `new …Error`, `throw`, test names, translations, JSX text and attributes,
 * UI label keys), comparisons (`s === '…'`, `case '…':`, `s.startsWith('…')`),
 * types and module specifiers.
 */
export function isNonSqlContext(root: TSESTree.Node): boolean {
  const parent = root.parent;
  if (!parent) return false;
  if (PROSE_PARENTS.has(parent.type)) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === root) return false;
      const callee = parent.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && COMPARING_METHODS.has(getStaticPropertyName(callee) ?? '')) return true;
      return isProseCallee(callee);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.has(parent.operator);
    case AST_NODE_TYPES.SwitchCase:
      return parent.test === root;
    case AST_NODE_TYPES.NewExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && /(?:Error|Exception)$/.test(parent.callee.name);
    case AST_NODE_TYPES.Property: {
      if (parent.key === root) return true;
      const key = getStaticPropertyName(parent);
      return key !== null && LABEL_KEYS.has(key);
    }
    default:
      return false;
  }
}

/**
 * `const message = '…'` whose every use is for people (`logger.info(message)`,
 * `throw new Error(message)`): the declaration is no evidence either.
 */
export function isOnlyUsedOutsideSql(root: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const declarator = root.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== root) return false;
  // An exported constant may be run as SQL by another module.
  if (declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
  return reads.length > 0 && reads.every((reference) => isNonSqlContext(stringRoot(reference.identifier)));
}

function isProseCallee(callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return PROSE_FUNCTIONS.has(callee.name);
  if (callee.type === AST_NODE_TYPES.CallExpression) return isProseCallee(callee.callee); // `it.each(table)('name')`
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method !== null && PROSE_METHODS.has(method)) return true;
  let object: TSESTree.Node = callee.object;
  while (object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.CallExpression) {
    object = object.type === AST_NODE_TYPES.MemberExpression ? object.object : object.callee;
  }
  // `this.logger.info`, `it.only`, `describe.each(…)`, `process.stderr.write`
  if (callee.object.type === AST_NODE_TYPES.MemberExpression) {
    const inner = getStaticPropertyName(callee.object);
    if (inner !== null && (PROSE_OBJECTS.has(inner) || inner === 'stderr' || inner === 'stdout')) return true;
  }
  return object.type === AST_NODE_TYPES.Identifier && PROSE_OBJECTS.has(object.name);
}
