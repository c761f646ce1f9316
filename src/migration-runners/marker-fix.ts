import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { unwrapExpression } from '../static';
import { enclosingClass, isModuleExportsTarget, outermostFunction } from './migration-functions';
import { hasKnexConfig } from './transaction-markers';
import type { Runner } from './runner';

/** A suggestion that makes the runner run this migration outside a transaction. */
export interface MarkerFix {
  /** The code the suggestion adds, for its message. */
  readonly marker: string;
  readonly fix: TSESLint.ReportFixFunction;
}

const KNEX_CONFIG = '{ transaction: false }';

function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}

/** Whitespace before `node` on its line, so an inserted line lines up with it. */
function indentOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const before = line.slice(0, node.loc.start.column);
  return /^\s*$/.test(before) ? before : '';
}

/**
 * The runner's own way to turn the transaction off for this migration, as a
 * fix: knex `config`, node-pg-migrate `pgm.noTransaction()`, TypeORM
 * `transaction = false`, MikroORM `isTransactional()`. Null when the runner
 * has none or the file's shape leaves no safe place for it.
 */
export function disableTransactionFix(
  runner: Runner,
  node: TSESTree.Node,
  program: TSESTree.Program,
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
): MarkerFix | null {
  switch (runner) {
    case 'knex':
      // A `config` that exists but keeps the transaction is the author's call to change.
      return hasKnexConfig(program, sourceCode.getScope(program)) ? null : knexConfigFix(program, sourceCode);
    case 'node-pg-migrate':
      return noTransactionFix(node, sourceCode);
    case 'typeorm':
    case 'mikro-orm':
      return classMemberFix(runner, node, sourceCode, isTypeScriptFile(filename));
    default:
      return null;
  }
}

function knexConfigFix(program: TSESTree.Program, sourceCode: Readonly<TSESLint.SourceCode>): MarkerFix | null {
  const isModule = program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration,
  );
  if (isModule) {
    const marker = `export const config = ${KNEX_CONFIG};`;
    const imports = program.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
    const lastImport = imports[imports.length - 1];
    return {
      marker,
      fix: (fixer) => (lastImport ? fixer.insertTextAfter(lastImport, `\n\n${marker}`) : fixer.insertTextBeforeRange([0, 0], `${marker}\n\n`)),
    };
  }
  // CommonJS: a `module.exports = { … }` object replaces `exports`, so the config goes inside it.
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    if (!isModuleExportsTarget(statement.expression.left)) continue;
    const object = unwrapExpression(statement.expression.right);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const first = object.properties[0];
    const marker = `config: ${KNEX_CONFIG}`;
    return {
      marker,
      fix: (fixer) => {
        if (!first) return fixer.replaceText(object, `{ ${marker} }`);
        // One property per line stays one per line.
        const onOwnLine = first.loc.start.line > object.loc.start.line;
        return fixer.insertTextBefore(first, onOwnLine ? `${marker},\n${indentOf(first, sourceCode)}` : `${marker}, `);
      },
    };
  }
  const last = program.body[program.body.length - 1];
  if (!last) return null;
  const marker = `exports.config = ${KNEX_CONFIG};`;
  return { marker, fix: (fixer) => fixer.insertTextAfter(last, `\n\n${marker}`) };
}

function noTransactionFix(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): MarkerFix | null {
  const fn = outermostFunction(node);
  const param = fn?.params[0];
  if (!fn || param?.type !== AST_NODE_TYPES.Identifier || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return null;
  const first = fn.body.body[0];
  if (!first) return null;
  const marker = `${param.name}.noTransaction();`;
  return { marker, fix: (fixer) => fixer.insertTextBefore(first, `${marker}\n${indentOf(first, sourceCode)}`) };
}

function classMemberFix(runner: 'typeorm' | 'mikro-orm', node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, typescript: boolean): MarkerFix | null {
  const classNode = enclosingClass(node);
  const first = classNode?.body.body[0];
  if (!first) return null;
  const indent = indentOf(first, sourceCode);
  if (runner === 'typeorm') {
    const marker = typescript ? 'transaction = false as const;' : 'transaction = false;';
    return { marker, fix: (fixer) => fixer.insertTextBefore(first, `${marker}\n${indent}`) };
  }
  const head = typescript ? 'override isTransactional(): boolean' : 'isTransactional()';
  const member = `${head} {\n${indent}  return false;\n${indent}}`;
  return { marker: `${head} { return false; }`, fix: (fixer) => fixer.insertTextBefore(first, `${member}\n\n${indent}`) };
}
