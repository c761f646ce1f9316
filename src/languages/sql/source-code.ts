import type { MigrationModel } from '../../migration/model';
import type { SqlCommentNode, SqlNode, SqlPosition, SqlProgram, SqlSourceLocation } from './ast';
import { SQL_VISITOR_KEYS } from './ast';
import { parseDirective, parseRulesConfig } from './directives';
import type { LineIndex } from './lines';
import type { SqlRunner } from '../../migration-runners/sql-runners';

/** One step of ESLint's traversal: enter (phase 1) or leave (phase 2) a node. */
interface VisitStep {
  readonly kind: 1;
  readonly target: SqlNode;
  readonly phase: 1 | 2;
  readonly args: [SqlNode, SqlNode | undefined];
}

interface FileProblem {
  readonly ruleId: null;
  readonly message: string;
  readonly loc: SqlSourceLocation;
}

interface DisableDirective {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  readonly node: SqlCommentNode;
  readonly value: string;
  readonly justification: string;
}

/** What the file is, as far as the migration model cares; fixed when the source code is created. */
export interface SqlFileFacts {
  /** Path of the file (`context.filename`), or `''` when linted as text without one. */
  readonly path: string;
  /** The runner that applies it: the `runner` language option, or the one its path names. */
  readonly runner: SqlRunner;
  /** `runnerVersion` language option, as written, or null. */
  readonly runnerVersion: string | null;
}

/**
 * The `SourceCode` of a `.sql` file: text, lines, comments, locations, the
 * traversal ESLint runs rules on, and ESLint's comment directives. It offers no
 * scope analysis: a rule that needs `getScope` is a JavaScript rule.
 */
const SQL_SOURCE = Symbol.for('eslint-plugin-guardrails/sql-source-code');

export class SqlSourceCode {
  /** Brand checked by `isSqlSourceCode` (a symbol from the global registry, so two copies of the plugin agree). */
  readonly [SQL_SOURCE] = true;
  readonly text: string;
  readonly ast: SqlProgram;
  readonly lines: string[];
  readonly hasBOM: boolean;
  readonly visitorKeys = SQL_VISITOR_KEYS;
  readonly parserServices: Record<string, never> = {};
  /** What the migration rules need to know about the file (set by the language). */
  readonly file: SqlFileFacts;
  /** The migration model, built once by `sqlMigrationModel` and shared by every rule. */
  migrationModel: MigrationModel | undefined;

  readonly #index: LineIndex;
  readonly #parents = new WeakMap<SqlNode, SqlNode | undefined>();
  #steps: VisitStep[] | undefined;
  #inlineConfigNodes: SqlCommentNode[] | undefined;

  constructor(options: { text: string; ast: SqlProgram; lineIndex: LineIndex; hasBOM: boolean; file: SqlFileFacts }) {
    this.text = options.text;
    this.ast = options.ast;
    this.#index = options.lineIndex;
    this.lines = options.lineIndex.lines();
    this.hasBOM = options.hasBOM;
    this.file = options.file;
  }

  getLoc(node: { readonly loc: SqlSourceLocation }): SqlSourceLocation {
    return node.loc;
  }

  getRange(node: { readonly range: readonly [number, number] }): [number, number] {
    return [node.range[0], node.range[1]];
  }

  getLocFromIndex(index: number): SqlPosition {
    return this.#index.position(index);
  }

  getIndexFromLoc(loc: SqlPosition): number {
    return this.#index.index(loc);
  }

  /** The text of a node (or of the whole file), with optional characters before and after. */
  getText(node?: { readonly range: readonly [number, number] }, before = 0, after = 0): string {
    if (!node) return this.text;
    return this.text.slice(Math.max(0, node.range[0] - before), node.range[1] + after);
  }

  getLines(): string[] {
    return this.lines;
  }

  getAllComments(): SqlCommentNode[] {
    return this.ast.comments;
  }

  getParent(node: SqlNode): SqlNode | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  getAncestors(node: SqlNode): SqlNode[] {
    const ancestors: SqlNode[] = [];
    for (let parent = this.getParent(node); parent; parent = this.getParent(parent)) ancestors.unshift(parent);
    return ancestors;
  }

  /** ESLint's traversal: enter and leave every node, depth first, in source order. */
  traverse(): Iterable<VisitStep> {
    if (this.#steps) return this.#steps;
    const steps: VisitStep[] = [];
    const visit = (node: SqlNode, parent: SqlNode | undefined): void => {
      this.#parents.set(node, parent);
      steps.push({ kind: 1, target: node, phase: 1, args: [node, parent] });
      if (node.type === 'Program') for (const child of node.body) visit(child, node);
      else if (node.type === 'Statement') for (const child of node.nested) visit(child, node);
      steps.push({ kind: 1, target: node, phase: 2, args: [node, parent] });
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps;
  }

  /** Comments that hold an ESLint directive (`eslint-disable…`, `eslint-enable`, `eslint`). */
  getInlineConfigNodes(): SqlCommentNode[] {
    this.#inlineConfigNodes ??= this.ast.comments.filter((comment) => parseDirective(comment) !== null);
    return this.#inlineConfigNodes;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: DisableDirective[] } {
    const problems: FileProblem[] = [];
    const directives: DisableDirective[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = parseDirective(comment);
      if (!directive || directive.label === 'eslint') continue;
      if (directive.label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: 'eslint-disable-line comment should not span multiple lines.', loc: comment.loc });
        continue;
      }
      directives.push({
        type: directive.label.slice('eslint-'.length) as DisableDirective['type'],
        node: comment,
        value: directive.value,
        justification: directive.justification,
      });
    }
    return { problems, directives };
  }

  /** `/* eslint rule: "off" *\/` comments, as rule configurations. */
  applyInlineConfig(): { problems: FileProblem[]; configs: { config: { rules: Record<string, unknown> }; loc: SqlSourceLocation }[] } {
    const problems: FileProblem[] = [];
    const configs: { config: { rules: Record<string, unknown> }; loc: SqlSourceLocation }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = parseDirective(comment);
      if (directive?.label !== 'eslint') continue;
      const result = parseRulesConfig(directive.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.message, loc: comment.loc });
    }
    return { problems, configs };
  }
}

/** Whether a rule's `context.sourceCode` is a `.sql` file of the `guardrails/sql` language. */
export function isSqlSourceCode(sourceCode: unknown): sourceCode is SqlSourceCode {
  return typeof sourceCode === 'object' && sourceCode !== null && (sourceCode as Partial<Record<typeof SQL_SOURCE, boolean>>)[SQL_SOURCE] === true;
}
