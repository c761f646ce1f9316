import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { evaluateString, readConstObjectProperty, resolveConstant, type StringPart } from '../static';
import { classifyStaticHref } from '../url/classify-static-href';
import { describeHref, truncate } from '../url/display';
import type { UrlPolicy } from '../url/policy';
import { combineVerdicts, isReportable, type HrefVerdict } from '../url/verdict';

type Scope = TSESLint.Scope.Scope;

export interface HrefJudgement {
  readonly verdict: HrefVerdict;
  /** The href as the message shows it; empty for verdicts that are never reported (no message, no work). */
  readonly href: string;
  /**
   * Every unknown alternative starts with one `/` and a run-time piece
   * (`/${workspaceSlug}/settings`): a route of this site, unless the piece
   * itself starts with `/`. Only the strict setting reports these.
   */
  readonly routeLike?: boolean;
}

/** `/${slug}…`: known text of one leading `/` (not `//` or `/\`), then anything. */
function isRouteLike(parts: readonly StringPart[]): boolean {
  const first = parts[0];
  return first?.type === 'text' && first.value.startsWith('/') && !/^\/[/\\\t\n\r]/u.test(first.value);
}

/**
 * A URL object (`<Link href={{ pathname: "/about" }}>`, next/link and
 * react-router accept them). Without `protocol`/`host`/`hostname` it is the
 * path; with any of those the destination is not read here.
 */
function judgeUrlObject(
  object: TSESTree.Node,
  scope: Scope,
  policy: UrlPolicy,
  sourceCode: Readonly<TSESLint.SourceCode>,
): HrefJudgement | null {
  for (const key of ['protocol', 'host', 'hostname', 'href']) {
    if (readConstObjectProperty(object, key, scope) !== null) return null;
  }
  const pathname = readConstObjectProperty(object, 'pathname', scope);
  if (pathname === undefined) return null;
  if (pathname === null) return { verdict: { kind: 'internal' }, href: '{ … }' };
  return judgeHrefValue(pathname, scope, policy, sourceCode);
}

/**
 * Every string the value may be, classified; the most alarming alternative
 * decides, and its text is what the message shows.
 */
export function judgeHrefValue(
  value: TSESTree.Node,
  scope: Scope,
  policy: UrlPolicy,
  sourceCode: Readonly<TSESLint.SourceCode>,
): HrefJudgement {
  const node = value.type === AST_NODE_TYPES.JSXExpressionContainer ? value.expression : value;
  if (node.type === AST_NODE_TYPES.JSXEmptyExpression) return { verdict: { kind: 'internal' }, href: '' };
  if (resolveConstant(node, scope).type === AST_NODE_TYPES.ObjectExpression) {
    const judged = judgeUrlObject(node, scope, policy, sourceCode);
    if (judged) return judged;
  }
  const alternatives = evaluateString(node, scope);
  const verdicts = alternatives.map((alternative) => classifyStaticHref(alternative, policy));
  const worst = combineVerdicts(verdicts);
  if (!isReportable(worst)) return { verdict: worst, href: '' };
  const parts = alternatives[verdicts.indexOf(worst)] ?? [];
  const routeLike =
    worst.kind === 'unknown' && alternatives.every((alternative, index) => verdicts[index]?.kind !== 'unknown' || isRouteLike(alternative));
  // A value that is one unknown expression reads best as that expression: `url`, `props.href`.
  const only = parts.length === 1 ? parts[0] : undefined;
  const href =
    only?.type === 'hole'
      ? truncate(sourceCode.getText(only.node))
      : describeHref(parts, (part) => (part.type === 'hole' ? sourceCode.getText(part.node) : ''));
  return routeLike ? { verdict: worst, href, routeLike } : { verdict: worst, href };
}
