import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import * as astroParser from 'astro-eslint-parser';
import { ESLint, type Linter } from 'eslint';
import * as mdxParser from 'eslint-mdx';
import svelteParser from 'svelte-eslint-parser';
import vueParser from 'vue-eslint-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src';

// The `web` and `recommended` flat configs lint Vue, Svelte, Astro and MDX files
// only where the user's own config matches them with their parser; without it,
// `eslint .` leaves them alone instead of parsing them as JavaScript.
const PAGES: Record<string, string> = {
  'Page.vue': '<template>\n  <a href="https://evil.example">x</a>\n</template>\n',
  'Page.svelte': '<a href="https://evil.example">x</a>\n',
  'page.astro': '---\nconst x = 1;\n---\n<a href="https://evil.example">x</a>\n',
  'post.mdx': '# Post\n\n<a href="https://evil.example">x</a>\n',
  'util.ts': 'export const x = 1;\n',
};

const PARSERS: Linter.Config[] = [
  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.astro'], languageOptions: { parser: astroParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.mdx'], languageOptions: { parser: mdxParser } },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-templates-'));
  for (const [file, text] of Object.entries(PAGES)) fs.writeFileSync(path.join(dir, file), text);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function lint(config: Linter.Config[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  return results.map((result) => `${path.basename(result.filePath)}: ${result.messages.map((message) => `${message.line} ${message.ruleId ?? message.message}`).join(', ')}`);
}

/** A flat config as a list: `flat/recommended` and `flat/scripts` are `[JS/TS entry, .sql entry]`. */
const entries = (config: Linter.Config | Linter.Config[]): Linter.Config[] => (Array.isArray(config) ? config : [config]);

describe.each(['flat/recommended', 'flat/web'] as const)('%s', (name) => {
  const config = entries(plugin.configs[name]);

  it('leaves template files alone when nothing gives them a parser', async () => {
    expect(await lint([{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, ...config])).toEqual(['util.ts: ']);
  });

  it('lints them with the rule once the user config gives them their parser', async () => {
    expect(await lint([...PARSERS, ...config])).toEqual([
      'Page.svelte: 1 guardrails/no-raw-external-anchor',
      'Page.vue: 2 guardrails/no-raw-external-anchor',
      'page.astro: 4 guardrails/no-raw-external-anchor',
      'post.mdx: 3 guardrails/no-raw-external-anchor',
      'util.ts: ',
    ]);
  });
});

describe('flat/scripts', () => {
  it('does not reach template files', async () => {
    const config = entries(plugin.configs['flat/scripts']);
    const results = await lint([...PARSERS, ...config]);
    expect(results.every((line) => line.endsWith(': '))).toBe(true);
  });
});
