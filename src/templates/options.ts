import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The rule option the template hosts add: what a Markdown link means on this site. */
export const MARKDOWN_LINKS_OPTION: JSONSchema4 = {
  type: 'string',
  enum: ['report', 'ignore'],
  description:
    'Markdown links (`[text](url)`) render as a raw `<a>`; `ignore` when the site maps `a` to the sanctioned component (MDX `components`, a Markdown renderer override).',
};
