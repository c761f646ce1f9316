import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';

/** Which database libraries a file imports (top-level imports and `require`s only: cheap, no scope). */
export interface FileFacts {
  readonly prisma: boolean;
  readonly knex: boolean;
  readonly sequelize: boolean;
  /** A local `models` module (`require('../models')`): sequelize-cli's layout. */
  readonly models: boolean;
  readonly typeorm: boolean;
  readonly drizzle: boolean;
  readonly kysely: boolean;
}

function requiredSource(node: TSESTree.Node | null | undefined): string | null {
  let current = node;
  // `require('x')`, `require('x').default`, `require('knex')(config)`, `await import('x')`.
  for (let hops = 0; current && hops < 4; hops++) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = current.argument;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.ImportExpression) {
      return current.source.type === AST_NODE_TYPES.Literal && typeof current.source.value === 'string' ? current.source.value : null;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = current.callee;
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
        const [argument] = current.arguments;
        return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
      }
      current = callee;
    } else return null;
  }
  return null;
}

function sources(program: TSESTree.Program): string[] {
  const out: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) out.push(statement.source.value);
    else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = requiredSource(declarator.init);
        if (source !== null) out.push(source);
      }
    }
  }
  return out;
}

const is = (source: string, name: string): boolean => source === name || source.startsWith(`${name}/`);

export function readFileFacts(program: TSESTree.Program): FileFacts {
  const all = sources(program);
  const any = (test: (source: string) => boolean): boolean => all.some(test);
  return {
    prisma: any((s) => is(s, '@prisma/client') || /(?:^|\/)prisma(?:\.[cm]?[jt]s)?$/.test(s) || s.includes('generated/prisma')),
    knex: any((s) => is(s, 'knex')),
    sequelize: any((s) => is(s, 'sequelize') || is(s, 'sequelize-typescript') || s.startsWith('@sequelize/')),
    models: any((s) => /(?:^|\/)models(?:\/index(?:\.[cm]?[jt]s)?)?$/.test(s)),
    typeorm: any((s) => is(s, 'typeorm') || s.startsWith('@nestjs/typeorm')),
    drizzle: any((s) => is(s, 'drizzle-orm')),
    kysely: any((s) => is(s, 'kysely')),
  };
}
