import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isSqlSourceCode } from '../languages/sql/source-code';
import { createRule } from '../util/create-rule';
import { isInsideDefinitionOf } from '../jsx/component-definition';
import { collectFactoryNames, isElementFactoryCall } from '../jsx/element-calls';
import {
  ANCHOR_HREF_PROPS,
  createJsxLinkDetection,
  identifyJsxLink,
  isAnchorTagValue,
  type JsxLink,
  type JsxLinkDetection,
} from '../jsx/identify-jsx-link';
import { collectLinkComponents, type LinkComponentOption } from '../jsx/link-components';
import { judgeCallProp, judgePropSource, type LinkFinding, worstFinding } from '../jsx/link-findings';
import { jsxNameText } from '../jsx/names';
import { findPropSource, hasSpreadBefore } from '../jsx/prop-source';
import { buildSafeLinkFix } from '../jsx/safe-link-fix';
import { describeResolved } from '../url/display';
import { isReportable } from '../url/verdict';
import { ALLOWED_HOST_PATTERN, createUrlPolicy, DEFAULT_ALLOWED_SCHEMES, SCHEME_PATTERN, type UrlPolicy } from '../url/policy';

export interface NoRawExternalAnchorOptions {
  component?: string;
  importSource?: string;
  allowedHosts?: string[];
  allowedSchemes?: string[];
  linkComponents?: LinkComponentOption[];
  polymorphicProps?: string[];
  unknownHref?: 'report' | 'ignore';
}

type Options = [NoRawExternalAnchorOptions];
type MessageIds = 'externalHref' | 'forbiddenScheme' | 'unknownHref' | 'useSafeLink';

const DEFAULTS = {
  component: 'SafeLink',
  allowedHosts: [],
  allowedSchemes: [...DEFAULT_ALLOWED_SCHEMES],
  linkComponents: [],
  polymorphicProps: ['as', 'component'],
  unknownHref: 'report',
} satisfies NoRawExternalAnchorOptions;

interface FileSetup {
  readonly policy: UrlPolicy;
  readonly detection: JsxLinkDetection;
}

/**
 * What a file's linting needs from the options and settings, built once per
 * distinct configuration rather than once per file: a run has a handful of
 * configurations and thousands of files. Holds derived option data only,
 * never anything from a file.
 */
const setupCache = new Map<string, FileSetup>();
function setupFor(options: NoRawExternalAnchorOptions, settings: Readonly<Record<string, unknown>>): FileSetup {
  const key = JSON.stringify([options, settings.linkComponents ?? null]);
  let setup = setupCache.get(key);
  if (!setup) {
    setup = {
      policy: createUrlPolicy({
        allowedHosts: options.allowedHosts ?? [],
        allowedSchemes: options.allowedSchemes ?? DEFAULTS.allowedSchemes,
      }),
      detection: createJsxLinkDetection(
        options.component ?? DEFAULTS.component,
        collectLinkComponents(options.linkComponents, settings),
        options.polymorphicProps ?? DEFAULTS.polymorphicProps,
      ),
    };
    setupCache.set(key, setup);
  }
  return setup;
}

/** Whether the element sits inside an `<svg>`, where SafeLink (an HTML anchor) would not render. */
function isInsideSvg(element: TSESTree.JSXElement): boolean {
  for (let node: TSESTree.Node | undefined = element.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.JSXElement && jsxNameText(node.openingElement.name) === 'svg') return true;
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-raw-external-anchor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require links that leave the site to go through the sanctioned link component',
      recommended: true,
    },
    hasSuggestions: true,
    // JSX and templates only: ESLint 10.2+ refuses to enable it for another language (`.sql`).
    ...({ languages: ['js/js'] } as object),
    messages: {
      externalHref: '`{{href}}` leaves the site (browsers read it as `{{resolved}}`). Use `<{{component}}>` for external links.',
      forbiddenScheme:
        '`{{href}}` is a `{{scheme}}:` URL, which runs code or carries content instead of pointing somewhere; use a real URL, or a `<button>` for actions.',
      unknownHref:
        'The destination `{{href}}` is only known at run time and may leave the site unchecked; use `<{{component}}>`, which checks the URL when it renders.',
      useSafeLink: 'Replace `<{{element}}>` with `<{{component}}>`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          component: {
            type: 'string',
            pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$',
            description: 'Name of the sanctioned link component (an identifier); it, `<x.Name>` and its own definition are exempt.',
          },
          importSource: {
            type: 'string',
            minLength: 1,
            description: 'Module the suggestion imports the component from when it is not in scope.',
          },
          allowedHosts: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', pattern: ALLOWED_HOST_PATTERN },
            description: 'Hosts raw links may point at: `example.com` (exact), `*.example.com` (subdomains only), optional `:port`.',
          },
          allowedSchemes: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', pattern: SCHEME_PATTERN },
            description: 'Schemes raw links may use, without the colon. `javascript`, `vbscript` and `data` are never allowed.',
          },
          linkComponents: {
            type: 'array',
            description: 'Link components that render a raw anchor, in addition to the built-in router links.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name'],
              properties: {
                name: {
                  type: 'string',
                  minLength: 1,
                  description: 'Exported name (`default` for a default export) when `source` is set, else the tag as written.',
                },
                source: { type: 'string', minLength: 1, description: 'Module the component is imported from.' },
                hrefProp: { type: 'string', minLength: 1, description: 'Prop holding the destination (default `href`).' },
              },
            },
          },
          polymorphicProps: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', minLength: 1 },
            description: 'Props that choose the rendered element, as in `<Box as="a">`.',
          },
          unknownHref: {
            type: 'string',
            enum: ['report', 'ignore'],
            description: 'Whether to report links whose destination cannot be determined statically.',
          },
        },
      },
    ],
    defaultOptions: [DEFAULTS],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Older ESLint runs it on any language: a `.sql` file has no links.
    if (isSqlSourceCode(sourceCode)) return {};
    const component = options.component ?? DEFAULTS.component;
    const importSource = options.importSource ?? null;
    const reportUnknown = (options.unknownHref ?? DEFAULTS.unknownHref) === 'report';
    const { policy, detection } = setupFor(options, context.settings);
    let factoryNames: ReadonlySet<string> = new Set();

    function suggestionFor(link: JsxLink, element: TSESTree.JSXOpeningElement, finding: LinkFinding): TSESLint.ReportSuggestionArray<MessageIds> {
      const source = finding.source;
      if (link.kind !== 'anchor' || link.tag !== 'a' || source?.kind !== 'attribute') return [];
      if (hasSpreadBefore(element.attributes, source.attribute)) return [];
      if (isInsideSvg(element.parent)) return [];
      // Never offer code that would not compile: the name must be bound, or importable.
      const inScope = ASTUtils.findVariable(sourceCode.getScope(element), component) !== null;
      if (!inScope && importSource === null) return [];
      return [
        {
          messageId: 'useSafeLink',
          data: { element: link.tag, component },
          fix: buildSafeLinkFix({
            element: element.parent,
            component,
            importSource: inScope ? null : importSource,
            program: sourceCode.ast,
            sourceCode,
          }),
        },
      ];
    }

    /**
     * Reports a finding unless it is silent here: non-forbidden verdicts on the
     * sanctioned component (`onlyForbidden`), anything inside the component's own
     * definition. Checked last, because most links are internal and never get here.
     */
    function report(
      finding: LinkFinding,
      at: TSESTree.Node,
      suggest: () => TSESLint.ReportSuggestionArray<MessageIds>,
      onlyForbidden: boolean,
    ): void {
      const { verdict, node, href } = finding;
      if (!isReportable(verdict) || (onlyForbidden && verdict.kind !== 'forbiddenScheme')) return;
      if (verdict.kind === 'unknown' && !reportUnknown) return;
      if (!onlyForbidden && isInsideDefinitionOf(at, component)) return;
      if (verdict.kind === 'forbiddenScheme') {
        context.report({ node, messageId: 'forbiddenScheme', data: { href, scheme: verdict.scheme } });
      } else if (verdict.kind === 'external') {
        context.report({
          node,
          messageId: 'externalHref',
          data: { href, resolved: describeResolved(verdict.resolved), component },
          suggest: suggest(),
        });
      } else {
        context.report({ node, messageId: 'unknownHref', data: { href, component }, suggest: suggest() });
      }
    }

    return {
      Program(program) {
        factoryNames = collectFactoryNames(program);
      },

      JSXOpeningElement(element) {
        const link = identifyJsxLink(element, detection, () => sourceCode.getScope(element));
        if (!link) return;
        const sanctioned = link.kind === 'sanctioned';
        const scope = sourceCode.getScope(element);
        const [primary = null, ...others] = link.hrefProps.map((prop) =>
          judgePropSource(findPropSource(element.attributes, prop, scope), scope, policy, sourceCode),
        );
        // An unknown spread could set any prop; once `href` itself is known, an
        // `xlinkHref` that only such a spread might supply is noise, not a finding.
        const hrefKnown = primary !== null && primary.source?.kind !== 'unknownSpread';
        const finding = worstFinding([primary, ...others.filter((other) => !hrefKnown || other?.source?.kind !== 'unknownSpread')]);
        if (finding) report(finding, element, () => suggestionFor(link, element, finding), sanctioned);
      },

      CallExpression(call) {
        if (!isElementFactoryCall(call, factoryNames, () => sourceCode.getScope(call))) return;
        const [type, props] = call.arguments;
        if (!type || type.type === AST_NODE_TYPES.SpreadElement) return;
        const scope = sourceCode.getScope(call);
        if (!isAnchorTagValue(type, scope)) return;
        const finding = worstFinding(ANCHOR_HREF_PROPS.map((prop) => judgeCallProp(props, prop, call, scope, policy, sourceCode)));
        // Rewriting a call into a component is not mechanical: no suggestion.
        if (finding) report(finding, call, () => [], false);
      },
    };
  },
});
