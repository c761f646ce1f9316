import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, findVariable } from '../util/ast';
import { isSqlSourceCode } from '../languages/sql/source-code';
import { createRule } from '../util/create-rule';
import { isInsideDefinitionOf } from '../jsx/component-definition';
import { FactoryLookup, isElementFactoryCall, mayCreateLink } from '../jsx/element-calls';
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
import { callPropsSayExternal, elementSaysExternal } from '../jsx/leave-intent';
import { jsxNameText } from '../jsx/names';
import { findPropSource, hasSpreadBefore } from '../jsx/prop-source';
import { buildSafeLinkFix } from '../jsx/safe-link-fix';
import { asJsxElement, isAstroFile, isComponentFile, isMarkdownLanguage, markdownListeners, withTemplateListeners } from '../templates';
import { MARKDOWN_LINKS_OPTION } from '../templates/options';
import { describeResolved } from '../url/display';
import { isReportable } from '../url/verdict';
import { createUrlPolicy, DEFAULT_ALLOWED_SCHEMES, type UrlPolicy } from '../url/policy';

export interface NoRawExternalAnchorOptions {
  component?: string;
  importSource?: string;
  allowedHosts?: string[];
  allowedSchemes?: string[];
  linkComponents?: LinkComponentOption[];
  polymorphicProps?: string[];
  unknownHref?: UnknownHrefMode;
  markdownLinks?: 'report' | 'ignore';
}

/**
 * What to do with a destination known only at run time: `report` every one
 * (strict), `likely-external` only when the code says the link leaves
 * (`target="_blank"`, `rel="noopener"`, a name such as `user.website`), or `ignore`.
 */
export type UnknownHrefMode = 'report' | 'likely-external' | 'ignore';

type Options = [NoRawExternalAnchorOptions];
type MessageIds = 'externalHref' | 'forbiddenScheme' | 'unknownHref' | 'useSafeLink';

const DEFAULTS = {
  component: 'SafeLink',
  allowedHosts: [],
  allowedSchemes: [...DEFAULT_ALLOWED_SCHEMES],
  linkComponents: [],
  polymorphicProps: ['as', 'component'],
  unknownHref: 'likely-external',
  markdownLinks: 'report',
} satisfies NoRawExternalAnchorOptions;

interface FileSetup {
  readonly policy: UrlPolicy;
  readonly detection: JsxLinkDetection;
  readonly component: string;
  readonly importSource: string | null;
  readonly unknownMode: UnknownHrefMode;
  readonly markdownLinks: 'report' | 'ignore';
}

/**
 * What a file's linting needs from the options and settings, built once per
 * option set rather than once per file: a run has a handful of configurations
 * and thousands of files. The key is exact and costs no serialisation: the
 * merged options object (one per distinct option set, see `createRule`), then
 * the `settings.linkComponents` value (one per configuration). Holds derived
 * option data only, never anything from a file.
 */
const setupCache = new WeakMap<object, Map<unknown, FileSetup>>();
function setupFor(options: NoRawExternalAnchorOptions, settings: Readonly<Record<string, unknown>>): FileSetup {
  let perSettings = setupCache.get(options);
  if (!perSettings) {
    perSettings = new Map();
    setupCache.set(options, perSettings);
  }
  const linkComponentsSetting = settings.linkComponents;
  let setup = perSettings.get(linkComponentsSetting);
  if (!setup) {
    const component = options.component ?? DEFAULTS.component;
    setup = {
      policy: createUrlPolicy({
        allowedHosts: options.allowedHosts ?? [],
        allowedSchemes: options.allowedSchemes ?? DEFAULTS.allowedSchemes,
      }),
      detection: createJsxLinkDetection(
        component,
        collectLinkComponents(options.linkComponents, settings),
        options.polymorphicProps ?? DEFAULTS.polymorphicProps,
      ),
      component,
      importSource: options.importSource ?? null,
      unknownMode: options.unknownHref ?? DEFAULTS.unknownHref,
      markdownLinks: options.markdownLinks ?? DEFAULTS.markdownLinks,
    };
    perSettings.set(linkComponentsSetting, setup);
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

/** The expression a finding's destination comes from, for reading its name. */
function destinationNode(finding: LinkFinding): TSESTree.Node | null {
  const source = finding.source;
  if (!source) return finding.node;
  if (source.kind === 'unknownSpread') return source.spread.argument;
  return source.kind === 'absent' ? null : source.value;
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
    // JS (JSX, and the template parsers, which ESLint runs as `js/js`) and ESLint's Markdown
    // language (registered as `markdown`); ESLint 10.2+ refuses to enable it for another language (`.sql`).
    ...({ languages: ['js/js', 'markdown/*'] } as object),
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
            // Each entry is checked when the rule starts (`parseHostEntry`), with an
            // error that says the form; a schema `pattern` would print the regex instead.
            items: { type: 'string', minLength: 1 },
            description:
              'Hosts raw links may point at, written as hosts, not URLs: `example.com` (exact), `*.example.com` (subdomains only), optional `:port`; no scheme, path or query.',
          },
          allowedSchemes: {
            type: 'array',
            uniqueItems: true,
            // Checked when the rule starts, with an error that says the form (see `allowedHosts`).
            items: { type: 'string', minLength: 1 },
            description: 'Schemes raw links may use, such as `mailto` or `tel` (the colon is optional). `javascript`, `vbscript` and `data` are never allowed.',
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
            enum: ['report', 'likely-external', 'ignore'],
            description:
              'Links whose destination is only known at run time: `likely-external` (default) reports them when the code says the link leaves (`target="_blank"`, `rel="noopener"`, a name such as `user.website`), `report` reports every one, `ignore` none.',
          },
          markdownLinks: MARKDOWN_LINKS_OPTION,
        },
      },
    ],
    defaultOptions: [DEFAULTS],
  },
  create(context, optionList) {
    const options = optionList[0]; // indexed, not destructured: destructuring runs the array iterator on every file
    const { sourceCode } = context;
    // Older ESLint runs it on any language: a `.sql` file has no links.
    if (isSqlSourceCode(sourceCode)) return {};
    const { policy, detection, component, importSource, unknownMode, markdownLinks } = setupFor(options, context.settings);
    const factoryLookup = new FactoryLookup(sourceCode);
    const ownFile = isComponentFile(context.filename, component);

    function suggestionFor(link: JsxLink, element: TSESTree.JSXOpeningElement, finding: LinkFinding): TSESLint.ReportSuggestionArray<MessageIds> {
      const source = finding.source;
      if (link.kind !== 'anchor' || link.tag !== 'a' || source?.kind !== 'attribute') return [];
      if (hasSpreadBefore(element.attributes, source.attribute)) return [];
      if (isInsideSvg(element.parent)) return [];
      // Never offer code that would not compile: the name must be bound, or importable.
      const inScope = findVariable(sourceCode.getScope(element), component) !== null;
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
      saysExternal: () => boolean,
    ): void {
      const { verdict, node, href } = finding;
      if (!isReportable(verdict) || (onlyForbidden && verdict.kind !== 'forbiddenScheme')) return;
      if (verdict.kind === 'unknown' && unknownMode !== 'report') {
        // `likely-external`: a route template (`/${slug}/settings`) stays on the site; anything
        // else is reported only when the code says the link leaves.
        if (unknownMode === 'ignore' || finding.routeLike === true || !saysExternal()) return;
      }
      if (!onlyForbidden && (ownFile || isInsideDefinitionOf(at, component))) return;
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

    if (isMarkdownLanguage(sourceCode)) {
      return markdownListeners({ policy, markdownLinks, report: (finding, at) => {
          // Markdown gives no target or name to read: an unknown destination is not a signal.
          report(finding, at, () => [], false, () => false);
        },
      });
    }

    // Astro's attribute forms exist only in Astro's parser output: other files skip the attribute scan.
    const astro = isAstroFile(sourceCode);
    return withTemplateListeners({ sourceCode, detection, policy, component, importSource, report }, {
      JSXOpeningElement(written) {
        const element = astro ? asJsxElement(written) : written;
        const link = identifyJsxLink(element, detection, sourceCode);
        if (!link) return;
        const sanctioned = link.kind === 'sanctioned';
        const scope = sourceCode.getScope(element);
        const props = link.hrefProps;
        const judge = (prop: string): LinkFinding | null => judgePropSource(findPropSource(element.attributes, prop, scope), scope, policy, sourceCode);
        const primary = props.length === 0 ? null : judge(props[0] as string);
        let finding = primary;
        if (props.length > 1) {
          // An unknown spread could set any prop; once `href` itself is known, an
          // `xlinkHref` that only such a spread might supply is noise, not a finding.
          const hrefKnown = primary !== null && primary.source?.kind !== 'unknownSpread';
          const judged = [primary];
          for (let index = 1; index < props.length; index++) {
            const other = judge(props[index] as string);
            if (!hrefKnown || other?.source?.kind !== 'unknownSpread') judged.push(other);
          }
          finding = worstFinding(judged);
        }
        if (finding) {
          report(finding, element, () => suggestionFor(link, element, finding), sanctioned, () =>
            elementSaysExternal(element, destinationNode(finding), scope),
          );
        }
      },

      CallExpression(call) {
        // Syntax first: most calls have one argument, or a first one that is no tag name.
        if (!mayCreateLink(call) || !isElementFactoryCall(call, factoryLookup)) return;
        const [type, props] = call.arguments;
        if (!type || type.type === AST_NODE_TYPES.SpreadElement) return;
        const scope = sourceCode.getScope(call);
        if (!isAnchorTagValue(type, scope)) return;
        const finding = worstFinding(ANCHOR_HREF_PROPS.map((prop) => judgeCallProp(props, prop, call, scope, policy, sourceCode)));
        // Rewriting a call into a component is not mechanical: no suggestion.
        if (finding) report(finding, call, () => [], false, () => callPropsSayExternal(props, finding.node, scope));
      },
    });
  },
});
