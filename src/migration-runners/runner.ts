import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { unwrapExpression } from '../static';
import { migrationFunctions } from './migration-functions';

/** The JS migration runners the rule knows how each wraps migrations in transactions. */
export const RUNNERS = ['knex', 'node-pg-migrate', 'typeorm', 'sequelize', 'kysely', 'mikro-orm'] as const;
export type Runner = (typeof RUNNERS)[number];

/** Which runner a package belongs to, by module specifier. */
export function runnerOfPackage(source: string): Runner | null {
  if (source === 'knex' || source.startsWith('knex/')) return 'knex';
  if (source === 'node-pg-migrate' || source.startsWith('node-pg-migrate/')) return 'node-pg-migrate';
  if (source === 'typeorm' || source.startsWith('typeorm/')) return 'typeorm';
  if (source === 'sequelize' || source === 'sequelize-typescript' || source.startsWith('@sequelize/') || source === 'umzug') {
    return 'sequelize';
  }
  if (source === 'kysely' || source.startsWith('kysely/')) return 'kysely';
  if (source.startsWith('@mikro-orm/')) return 'mikro-orm';
  return null;
}

/** Type names in a migration's signature that give the runner away: `up(knex: Knex)`. */
const TYPE_HINTS: Readonly<Record<string, Runner>> = {
  Knex: 'knex',
  MigrationBuilder: 'node-pg-migrate',
  QueryRunner: 'typeorm',
  QueryInterface: 'sequelize',
  Kysely: 'kysely',
};

/** Parameter names the runners' generators write: `exports.up = function (knex)`. */
const PARAMETER_HINTS: Readonly<Record<string, Runner>> = {
  knex: 'knex',
  pgm: 'node-pg-migrate',
  queryRunner: 'typeorm',
  queryInterface: 'sequelize',
};

/** `import("knex")` in a JSDoc type, as `knex migrate:make` writes for JS migrations. */
const JSDOC_IMPORT = /import\(\s*["']([^"']+)["']\s*\)/g;

/**
 * Which runner this migration file is written for: first from what it imports
 * (ES imports, `require`, JSDoc `import("…")` types), then from its shape (the
 * signature of `up`/`down`, the migration class's base or interface). Null when
 * nothing says.
 */
export function detectRunner(program: TSESTree.Program, sourceCode: Readonly<TSESLint.SourceCode>): Runner | null {
  return fromImports(program) ?? fromComments(sourceCode) ?? fromShape(program);
}

function fromImports(program: TSESTree.Program): Runner | null {
  for (const statement of program.body) {
    const source = importedModule(statement);
    const runner = source === null ? null : runnerOfPackage(source);
    if (runner) return runner;
  }
  return null;
}

function importedModule(statement: TSESTree.ProgramStatement): string | null {
  switch (statement.type) {
    case AST_NODE_TYPES.ImportDeclaration:
      return statement.source.value;
    case AST_NODE_TYPES.TSImportEqualsDeclaration:
      return statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
        ? statement.moduleReference.expression.value
        : null;
    case AST_NODE_TYPES.VariableDeclaration:
      for (const declarator of statement.declarations) {
        const source = declarator.init ? requiredModule(declarator.init) : null;
        if (source !== null) return source;
      }
      return null;
    default:
      return null;
  }
}

/** `require("m")`, `require("m").x`, `await import("m")`. */
function requiredModule(node: TSESTree.Node): string | null {
  let current = unwrapExpression(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  let argument: TSESTree.Node | undefined;
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'require') {
    argument = current.arguments[0];
  } else if (current.type === AST_NODE_TYPES.ImportExpression) {
    argument = current.source;
  }
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
}

function fromComments(sourceCode: Readonly<TSESLint.SourceCode>): Runner | null {
  for (const comment of sourceCode.getAllComments()) {
    if (!comment.value.includes('import(')) continue;
    for (const match of comment.value.matchAll(JSDOC_IMPORT)) {
      const runner = runnerOfPackage(match[1] ?? '');
      if (runner) return runner;
    }
  }
  return null;
}

function fromShape(program: TSESTree.Program): Runner | null {
  for (const fn of migrationFunctions(program)) {
    const runner = fromSignature(fn);
    if (runner) return runner;
  }
  for (const node of program.body) {
    const declaration = node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration ? node.declaration : node;
    if (declaration?.type !== AST_NODE_TYPES.ClassDeclaration) continue;
    if (declaration.implements.some((clause) => typeName(clause.expression) === 'MigrationInterface')) return 'typeorm';
    // MikroORM: `class Migration2024… extends Migration { async up() { this.addSql(…) } }`.
    if (declaration.superClass && typeName(declaration.superClass) === 'Migration') return 'mikro-orm';
  }
  return null;
}

function fromSignature(fn: TSESTree.FunctionLike): Runner | null {
  const [first, second] = fn.params;
  if (first?.type === AST_NODE_TYPES.Identifier) {
    const annotation = first.typeAnnotation?.typeAnnotation;
    if (annotation?.type === AST_NODE_TYPES.TSTypeReference) {
      const name = typeName(annotation.typeName);
      if (name !== null && Object.hasOwn(TYPE_HINTS, name)) return TYPE_HINTS[name] ?? null;
    }
    if (Object.hasOwn(PARAMETER_HINTS, first.name)) return PARAMETER_HINTS[first.name] ?? null;
  }
  // sequelize-cli: `up(queryInterface, Sequelize)`.
  if (second?.type === AST_NODE_TYPES.Identifier && (second.name === 'Sequelize' || second.name === 'DataTypes')) return 'sequelize';
  return null;
}

/** `Knex` for `Knex`, `Knex.Knex`, `typeorm.QueryRunner` → the last name. */
function typeName(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.TSQualifiedName) return node.right.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  return null;
}
