import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast';
import { readConstObjectProperty } from '../static';
import { truncate } from '../url/display';
import type { UrlPolicy } from '../url/policy';
import { combineVerdicts, type HrefVerdict } from '../url/verdict';
import { judgeHrefValue, type HrefJudgement } from './judge-href';
import type { PropSource } from './prop-source';

type Scope = TSESLint.Scope.Scope;

/** One destination of a link, judged, with where to report it. */
export interface LinkFinding {
  readonly verdict: HrefVerdict;
  /** The href as the message shows it. */
  readonly href: string;
  /** The node the report points at. */
  readonly node: TSESTree.Node;
  /** Where the value came from (JSX only). */
  readonly source?: PropSource;
  /** An unknown destination that reads as a route of this site (see `HrefJudgement`). */
  readonly routeLike?: boolean;
}

/**
 * A judgement with where to report it. Written out rather than spread: a spread
 * of judgements of two shapes is a slow generic copy, and this runs on every link.
 */
function withNode(judged: HrefJudgement, node: TSESTree.Node, source: PropSource): LinkFinding {
  return judged.routeLike === true
    ? { verdict: judged.verdict, href: judged.href, routeLike: true, node, source }
    : { verdict: judged.verdict, href: judged.href, node, source };
}

/** The finding for one JSX prop, or null when nothing sets it. */
export function judgePropSource(source: PropSource, scope: Scope, policy: UrlPolicy, sourceCode: Readonly<TSESLint.SourceCode>): LinkFinding | null {
  switch (source.kind) {
    case 'absent':
      return null;
    case 'attribute': {
      // A bare `<a href>` is `href={true}`: the relative path `true`.
      if (!source.value) return { verdict: { kind: 'internal' }, href: 'true', node: source.attribute, source };
      return withNode(judgeHrefValue(source.value, scope, policy, sourceCode), source.value, source);
    }
    case 'spread':
      return withNode(judgeHrefValue(source.value, scope, policy, sourceCode), source.spread, source);
    case 'unknownSpread':
      return { verdict: { kind: 'unknown' }, href: truncate(sourceCode.getText(source.spread)), node: source.spread, source };
  }
}

/** The finding for `props[name]` of a `createElement`-style call. */
export function judgeCallProp(
  props: TSESTree.CallExpressionArgument | undefined,
  name: string,
  call: TSESTree.CallExpression,
  scope: Scope,
  policy: UrlPolicy,
  sourceCode: Readonly<TSESLint.SourceCode>,
): LinkFinding | null {
  if (!props) return null;
  const unknown = (): LinkFinding => ({ verdict: { kind: 'unknown' }, href: truncate(sourceCode.getText(props)), node: props });
  if (props.type === AST_NODE_TYPES.SpreadElement) return unknown();
  if ((props.type === AST_NODE_TYPES.Literal && props.value === null) || (props.type === AST_NODE_TYPES.Identifier && props.name === 'undefined')) {
    return null;
  }
  const value = readConstObjectProperty(props, name, scope);
  if (value === null) return null;
  if (value === undefined) return unknown();
  // Point at the value when it is written in the call, else at the props argument.
  const inCall = value.range[0] >= call.range[0] && value.range[1] <= call.range[1];
  return { ...judgeHrefValue(value, scope, policy, sourceCode), node: inCall ? value : props };
}

/** The most alarming of several findings (`href` and `xlinkHref` on one element). */
export function worstFinding(findings: readonly (LinkFinding | null)[]): LinkFinding | null {
  const present = findings.filter((finding): finding is LinkFinding => finding !== null);
  if (present.length === 0) return null;
  const worst = combineVerdicts(present.map((finding) => finding.verdict));
  return present.find((finding) => finding.verdict === worst) ?? null;
}
