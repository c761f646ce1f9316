/**
 * Template hosts of `no-raw-external-anchor`: each reads its parser's markup
 * into the shared template element model and feeds the same href judgement
 * as JSX. A host is active only when the file's parser provides its AST; with
 * any other parser the rule's listeners are returned unchanged.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { TemplateRuleContext } from './check';
import { svelteTemplateListeners } from './svelte';
import { withVueTemplate } from './vue';

export { asJsxElement, isAstroFile } from './astro';
export { isMarkdownLanguage, markdownListeners } from './markdown';
export type { TemplateRuleContext } from './check';

const COMPONENT_FILE = /(?:^|[\\/])([^\\/]+)\.(?:vue|svelte|astro)$/u;

/** Whether the file is the sanctioned component's own single-file component (`SafeLink.vue`, `SafeLink.svelte`, `SafeLink.astro`). */
export function isComponentFile(filename: string, component: string): boolean {
  // Most files are `.ts`/`.tsx`: decided by their last letter, before the pattern scans the path.
  const last = filename.charCodeAt(filename.length - 1);
  if (last !== 0x65 /* e: .vue, .svelte */ && last !== 0x6f /* o: .astro */) return false;
  return COMPONENT_FILE.exec(filename)?.[1] === component;
}

/** The rule's listeners plus the template visitor of the file's host, if any. */
export function withTemplateListeners(rule: TemplateRuleContext, listeners: TSESLint.RuleListener): TSESLint.RuleListener {
  const vue = withVueTemplate(rule, listeners);
  if (vue) return vue;
  const svelte = svelteTemplateListeners(rule);
  return svelte ? { ...listeners, ...svelte } : listeners;
}
