/**
 * The Markdown host, for ESLint's Markdown language (`@eslint/markdown`,
 * flat config): its mdast `link`, `linkReference` and raw-HTML nodes. A
 * Markdown link renders as a raw `<a>` unless the site maps `a` to the
 * sanctioned component (MDX `components`, a Markdown renderer's overrides):
 * the `markdownLinks` option says whether that mapping exists.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LinkFinding } from '../jsx/link-findings';
import { classifyHref } from '../url/classify-href';
import { describeHref } from '../url/display';
import type { UrlPolicy } from '../url/policy';

type RuleListener = TSESLint.RuleListener;

interface MdastNode {
  readonly type: string;
  readonly url?: string;
  readonly identifier?: string;
  readonly value?: string;
  readonly children?: readonly MdastNode[];
}

export interface MarkdownRuleContext {
  readonly policy: UrlPolicy;
  /** `report`: Markdown links are raw anchors; `ignore`: the site renders them through the component. */
  readonly markdownLinks: 'report' | 'ignore';
  readonly report: (finding: LinkFinding, at: TSESTree.Node) => void;
}

/** Whether the file is Markdown parsed by ESLint's Markdown language (an mdast `root`, not an ESTree `Program`). */
export function isMarkdownLanguage(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (sourceCode.ast as unknown as MdastNode).type === 'root';
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  sol: '/',
  bsol: '\\',
  period: '.',
  tab: '\t',
  newline: '\n',
};

/** Decodes the character references browsers decode in an attribute value (numeric, and the named ones URLs can be built from). */
export function decodeHtmlAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/giu, (match, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

/** `href` values of the `<a>` / `<area>` start tags in a raw HTML chunk. */
export function htmlAnchorHrefs(html: string): string[] {
  const hrefs: string[] = [];
  for (const tag of html.matchAll(/<(?:a|area)(?=[\s/>])([^>]*)>/giu)) {
    const attributes = tag[1] ?? '';
    const href = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/iu.exec(attributes);
    if (href) hrefs.push(decodeHtmlAttribute(href[1] ?? href[2] ?? href[3] ?? ''));
  }
  return hrefs;
}

function judge(url: string, node: MdastNode, policy: UrlPolicy): LinkFinding | null {
  const verdict = classifyHref(url, policy);
  if (verdict.kind !== 'external' && verdict.kind !== 'forbiddenScheme') return null;
  return { verdict, href: describeHref([{ type: 'text', value: url }]), node: node as unknown as TSESTree.Node };
}

/** The listeners for a Markdown file. */
export function markdownListeners(rule: MarkdownRuleContext): RuleListener {
  const definitions = new Map<string, string>();
  const references: MdastNode[] = [];
  const reportIf = (finding: LinkFinding | null, node: MdastNode) => {
    if (finding) rule.report(finding, node as unknown as TSESTree.Node);
  };
  const listeners: Record<string, (node: MdastNode) => void> = {
    html(node) {
      for (const href of htmlAnchorHrefs(node.value ?? '')) reportIf(judge(href, node, rule.policy), node);
    },
  };
  if (rule.markdownLinks === 'report') {
    listeners.link = (node) => {
      reportIf(judge(node.url ?? '', node, rule.policy), node);
    };
    listeners.definition = (node) => {
      // The first definition of a label wins, as in CommonMark.
      const label = (node.identifier ?? '').toLowerCase();
      if (!definitions.has(label)) definitions.set(label, node.url ?? '');
    };
    listeners.linkReference = (node) => references.push(node);
    listeners['root:exit'] = () => {
      for (const reference of references) {
        const url = definitions.get((reference.identifier ?? '').toLowerCase());
        if (url !== undefined) reportIf(judge(url, reference, rule.policy), reference);
      }
    };
  }
  return listeners;
}
