#!/usr/bin/env node
/**
 * Lints a checkout with the built plugin's `flat/recommended` config and
 * default options, and writes every finding (with the source line) as JSON, so
 * that the findings can be read and tabulated (docs/precision.md).
 *
 *   npm run build && node scripts/precision.mjs <checkout> <out.json> [--sample 30 --seed 1]
 *
 * With `--sample`, also prints a seeded random sample of N findings per
 * message kind (rule + messageId) to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const require = createRequire(import.meta.url);
const plugin = require('../dist/index.js');

const [checkout, out, ...rest] = process.argv.slice(2);
if (!checkout || !out) {
  console.error('usage: node scripts/precision.mjs <checkout> <out.json> [--sample N --seed S]');
  process.exit(2);
}
const flag = (name, fallback) => {
  const at = rest.indexOf(name);
  return at === -1 ? fallback : Number(rest[at + 1]);
};
const sampleSize = flag('--sample', 0);
const seed = flag('--seed', 1);

const cwd = path.resolve(checkout);
const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/coverage/**', '**/out/**', '**/*.min.js'] },
    {
      files: ['**/*.{js,jsx,mjs,cjs}'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs['flat/recommended'],
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
  ],
  cache: false,
  errorOnUnmatchedPattern: false,
  warnIgnored: false,
});

const results = await eslint.lintFiles(['.']);
const findings = [];
let files = 0;
let parseErrors = 0;
for (const result of results) {
  files++;
  const lines = result.source === undefined ? fs.readFileSync(result.filePath, 'utf8').split('\n') : result.source.split('\n');
  for (const message of result.messages) {
    if (!message.ruleId) {
      parseErrors++;
      continue;
    }
    findings.push({
      file: path.relative(cwd, result.filePath),
      line: message.line,
      column: message.column,
      rule: message.ruleId.replace('guardrails/', ''),
      kind: message.messageId,
      message: message.message,
      text: (lines[message.line - 1] ?? '').trim().slice(0, 200),
    });
  }
}
fs.writeFileSync(out, `${JSON.stringify({ checkout: cwd, files, parseErrors, findings }, null, 1)}\n`);

const byKind = new Map();
for (const finding of findings) {
  const key = `${finding.rule}/${finding.kind}`;
  byKind.set(key, [...(byKind.get(key) ?? []), finding]);
}
console.log(`${files} files, ${parseErrors} parse errors, ${findings.length} findings`);
for (const [key, list] of byKind) console.log(`  ${key}: ${list.length}`);

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function random(state) {
  let t = state;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
if (sampleSize > 0) {
  for (const [key, list] of byKind) {
    const next = random(seed);
    const shuffled = list.map((finding) => [next(), finding]).sort((a, b) => a[0] - b[0]).map(([, finding]) => finding);
    console.log(`\n## ${key} (${Math.min(sampleSize, list.length)} of ${list.length})`);
    for (const finding of shuffled.slice(0, sampleSize)) console.log(`${finding.file}:${finding.line}  ${finding.text}`);
  }
}
