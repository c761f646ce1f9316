import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The rule option the template hosts add: what a Markdown link means on this site. */
export const MARKDOWN_LINKS_OPTION: JSONSchema4 = {
  type: 'string',
  enum: ['report', 'ignore'],
  description: '`ignore` when the site renders Markdown links (`[text](url)`) through the sanctioned component.',
};
