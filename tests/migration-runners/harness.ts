import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

export interface ProbeContext {
  readonly program: TSESTree.Program;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The scope at `node` (the module scope for the program). */
  readonly scope: (node: TSESTree.Node) => TSESLint.Scope.Scope;
}

/**
 * Parses `code` with the typescript-eslint parser inside a real ESLint Linter and
 * runs `probe` at the end of the traversal, so scopes and parents are exactly
 * what the rule sees.
 */
export function probeProgram<T>(code: string, probe: (context: ProbeContext) => T, filename = 'migrations/probe.ts'): T {
  let result: { value: T } | undefined;
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        'Program:exit'(program) {
          const sourceCode = context.sourceCode;
          result = { value: probe({ program, sourceCode, scope: (node) => sourceCode.getScope(node) }) };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const config = {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tsParser },
    plugins: { probe: { rules: { probe: rule } } },
    rules: { 'probe/probe': 'error' },
  };
  // typescript-eslint's rule and parser types describe the same objects ESLint's own types do.
  const messages = linter.verify(code, [config as unknown as Linter.Config], { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('the probe did not run');
  return result.value;
}

/** `value`, or a thrown error when it is missing (tests read results they just asserted exist). */
export function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** The first node of `type` in the program, in source order. */
export function findNode<K extends TSESTree.Node['type']>(root: TSESTree.Node, type: K): Extract<TSESTree.Node, { type: K }> {
  let found: TSESTree.Node | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === type) {
      found = node;
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      const children: unknown[] = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
      }
    }
  };
  visit(root);
  if (!found) throw new Error(`no ${type} in the code`);
  return found as Extract<TSESTree.Node, { type: K }>;
}
