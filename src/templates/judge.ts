import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { judgeHrefValue } from '../jsx/judge-href';
import type { LinkFinding } from '../jsx/link-findings';
import { concatAlternatives, evaluateString, readConstObjectProperty, staticStringText, type StaticString } from '../static';
import { classifyStaticHref } from '../url/classify-static-href';
import { describeHref, truncate } from '../url/display';
import type { UrlPolicy } from '../url/policy';
import { combineVerdicts, isReportable } from '../url/verdict';
import type { TemplateAttribute, TemplateElement, TemplateTextPart, TemplateValue } from './model';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Attribute = Extract<TemplateAttribute, { kind: 'attribute' }>;
type Spread = Extract<TemplateAttribute, { kind: 'spread' }>;

/** Where one prop of a template element gets its value, the last writer winning (Vue 3, Svelte and Astro merge in order). */
export type TemplatePropSource =
  | { readonly kind: 'absent' }
  | { readonly kind: 'attribute'; readonly attribute: Attribute }
  | { readonly kind: 'spread'; readonly spread: Spread; readonly value: TSESTree.Node }
  | { readonly kind: 'unknownSpread'; readonly spread: Spread };

export function findTemplatePropSource(element: TemplateElement, name: string): TemplatePropSource {
  let source: TemplatePropSource = { kind: 'absent' };
  for (const attribute of element.attributes) {
    if (attribute.kind === 'attribute') {
      if (attribute.name === name) source = { kind: 'attribute', attribute };
      continue;
    }
    const value = attribute.expression ? readConstObjectProperty(attribute.expression, name, attribute.scope) : undefined;
    if (value === undefined) source = { kind: 'unknownSpread', spread: attribute };
    else if (value !== null) source = { kind: 'spread', spread: attribute, value };
  }
  return source;
}

/** Every string attribute text with mustaches may be: text runs joined with each mustache's alternatives. */
function textAlternatives(parts: readonly TemplateTextPart[]): StaticString[] {
  let results: StaticString[] = [[]];
  for (const part of parts) {
    const piece: StaticString[] =
      part.type === 'text' ? [[{ type: 'text', value: part.value, start: null }]] : evaluateString(part.expression, part.scope);
    const joined = concatAlternatives(results, piece);
    if (!joined) {
      const node = part.type === 'expression' ? part.expression : null;
      // Too many combinations: the value is unknown from here on.
      return node ? [[...(results[0] ?? []), { type: 'hole', node }]] : results;
    }
    results = joined;
  }
  return results;
}

/** The verdict and message text of a template value; `href` is empty when nothing will be reported. */
export function judgeTemplateValue(value: TemplateValue, policy: UrlPolicy, sourceCode: SourceCode): { verdict: LinkFinding['verdict']; href: string } {
  switch (value.kind) {
    case 'bare':
      return { verdict: { kind: 'internal' }, href: '' };
    case 'expression':
      return judgeHrefValue(value.expression, value.scope, policy, sourceCode);
    case 'text': {
      const alternatives = textAlternatives(value.parts);
      const verdicts = alternatives.map((alternative) => classifyStaticHref(alternative, policy));
      const worst = combineVerdicts(verdicts);
      if (!isReportable(worst)) return { verdict: worst, href: '' };
      const parts = alternatives[verdicts.indexOf(worst)] ?? [];
      const only = parts.length === 1 ? parts[0] : undefined;
      const href =
        only?.type === 'hole'
          ? truncate(sourceCode.getText(only.node))
          : describeHref(parts, (part) => (part.type === 'hole' ? sourceCode.getText(part.node) : ''));
      return { verdict: worst, href };
    }
  }
}

/** The finding for one prop of a template element, or null when nothing sets it. */
export function judgeTemplateProp(
  element: TemplateElement,
  name: string,
  policy: UrlPolicy,
  sourceCode: SourceCode,
): { finding: LinkFinding; source: TemplatePropSource } | null {
  const source = findTemplatePropSource(element, name);
  switch (source.kind) {
    case 'absent':
      return null;
    case 'attribute':
      return { finding: { ...judgeTemplateValue(source.attribute.value, policy, sourceCode), node: source.attribute.valueNode }, source };
    case 'spread': {
      const judged = judgeHrefValue(source.value, source.spread.scope, policy, sourceCode);
      return { finding: { ...judged, node: source.spread.node }, source };
    }
    case 'unknownSpread': {
      const text = source.spread.expression ? sourceCode.getText(source.spread.expression) : sourceCode.getText(source.spread.node);
      return { finding: { verdict: { kind: 'unknown' }, href: truncate(text), node: source.spread.node }, source };
    }
  }
}

/** The static text of an attribute value (`rel="noopener"`, `is="a"`, `:is="'a'"`), or null when it depends on run time. */
export function templateValueStrings(value: TemplateValue): string[] | null {
  switch (value.kind) {
    case 'bare':
      return [''];
    case 'expression': {
      const texts = evaluateString(value.expression, value.scope).map(staticStringText);
      return texts.every((text): text is string => text !== null) ? texts : null;
    }
    case 'text': {
      const texts = textAlternatives(value.parts).map(staticStringText);
      return texts.every((text): text is string => text !== null) ? texts : null;
    }
  }
}
