import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { JsxLinkDetection } from '../jsx/identify-jsx-link';
import { type LinkFinding, worstFinding } from '../jsx/link-findings';
import type { UrlPolicy } from '../url/policy';
import { buildTemplateSafeLinkFix } from './fix';
import { identifyTemplateLink, type TemplateHost } from './identify';
import { judgeTemplateProp } from './judge';
import type { TemplateAttribute, TemplateElement } from './model';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
export type TemplateSuggestions = TSESLint.ReportSuggestionArray<'useSafeLink'>;

/** What the rule hands every template host: its settings and its one way of reporting. */
export interface TemplateRuleContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly detection: JsxLinkDetection;
  readonly policy: UrlPolicy;
  readonly component: string;
  readonly importSource: string | null;
  /** The rule's reporter: applies `unknownHref`, the sanctioned-component exemption and the messages. */
  readonly report: (finding: LinkFinding, at: TSESTree.Node, suggest: () => TemplateSuggestions, onlyForbidden: boolean) => void;
}

/**
 * How a host makes the component available for the suggestion: `null` when it
 * already is (imported, or resolved by global registration), a fix adding the
 * import, or `false` when it cannot be made available mechanically.
 */
export type ImportPlan = null | ((fixer: Fixer) => Fix) | false;

function hasSpreadBefore(attributes: readonly TemplateAttribute[], attribute: TemplateAttribute): boolean {
  for (const candidate of attributes) {
    if (candidate === attribute) return false;
    if (candidate.kind === 'spread') return true;
  }
  return false;
}

/** Judges one template element with the same engine and reporter as JSX. */
export function checkTemplateElement(
  element: TemplateElement,
  host: TemplateHost,
  rule: TemplateRuleContext,
  planImport: () => ImportPlan,
): void {
  const link = identifyTemplateLink(element, rule.detection, host);
  if (!link) return;
  const [primary = null, ...others] = link.hrefProps.map((prop) => judgeTemplateProp(element, prop, rule.policy, rule.sourceCode));
  // As in JSX: once `href` is known, an `xlink:href` only an unknown spread might set is noise.
  const hrefKnown = primary !== null && primary.source.kind !== 'unknownSpread';
  const candidates = [primary, ...others.filter((other) => !hrefKnown || other?.source.kind !== 'unknownSpread')];
  const finding = worstFinding(candidates.map((candidate) => candidate?.finding ?? null));
  if (!finding) return;
  const source = candidates.find((candidate) => candidate?.finding === finding)?.source;

  const suggest = (): TemplateSuggestions => {
    if (link.kind !== 'anchor' || link.dynamic || link.tag !== 'a' || source?.kind !== 'attribute') return [];
    if (hasSpreadBefore(element.attributes, source.attribute) || element.insideSvg) return [];
    const plan = planImport();
    if (plan === false) return [];
    return [
      {
        messageId: 'useSafeLink',
        data: { element: link.tag, component: rule.component },
        fix: buildTemplateSafeLinkFix(element, rule.component, rule.sourceCode, plan),
      },
    ];
  };
  rule.report(finding, finding.node, suggest, link.kind === 'sanctioned');
}
