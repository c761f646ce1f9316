import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { JsxLinkDetection } from '../jsx/identify-jsx-link';
import { attributeSaysExternal, relSaysExternal, targetLeaves, valueNameSaysExternal } from '../jsx/leave-intent';
import { type LinkFinding, worstFinding } from '../jsx/link-findings';
import type { UrlPolicy } from '../url/policy';
import { buildTemplateSafeLinkFix } from './fix';
import { identifyTemplateLink, type TemplateHost } from './identify';
import { judgeTemplateProp } from './judge';
import { findTemplateAttribute, type TemplateAttribute, type TemplateElement } from './model';

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
  readonly report: (
    finding: LinkFinding,
    at: TSESTree.Node,
    suggest: () => TemplateSuggestions,
    onlyForbidden: boolean,
    saysExternal: () => boolean,
  ) => void;
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

/** Whether some value of the element's `name` attribute passes `test` (static text, or every branch of an expression). */
function templateAttributeSays(element: TemplateElement, name: string, test: (text: string) => boolean): boolean {
  const attribute = findTemplateAttribute(element, name);
  if (!attribute) return false;
  const { value } = attribute;
  if (value.kind === 'bare') return test('');
  if (value.kind === 'expression') return attributeSaysExternal(value.expression, value.scope, test);
  let text = '';
  for (const part of value.parts) {
    // A mustache in the value (`target="{where}"`): not a sign either way.
    if (part.type !== 'text') return false;
    text += part.value;
  }
  return test(text);
}

/**
 * The template form of the JSX leave-intent signals (`src/jsx/leave-intent.ts`),
 * which `unknownHref: 'likely-external'` reads: a `target` other than the
 * current context, an external `rel` token, or a destination whose name says
 * another site (`:href="user.website"`).
 */
function templateSaysExternal(element: TemplateElement, source: TemplateAttribute | undefined): boolean {
  if (templateAttributeSays(element, 'target', targetLeaves) || templateAttributeSays(element, 'rel', relSaysExternal)) return true;
  if (source?.kind === 'attribute' && source.value.kind === 'expression') return valueNameSaysExternal(source.value.expression, source.value.scope);
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
  const destination = source?.kind === 'attribute' ? source.attribute : undefined;
  rule.report(finding, finding.node, suggest, link.kind === 'sanctioned', () => templateSaysExternal(element, destination));
}
