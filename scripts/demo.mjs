#!/usr/bin/env node
// `npm run demo`: lint the bundled example monorepo with the real ESLint CLI and
// the freshly built plugin, print ESLint's normal output, then check that it
// found exactly what the example plants (examples/monorepo/expected-findings.json).
// Exit 0 when it did; non-zero on a crash, a missing finding or an unexpected one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples/monorepo');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

if (!fs.existsSync(path.join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run demo` (it builds first) or `npm run build`.');
  process.exit(2);
}

// The example imports `eslint-plugin-guardrails` like any consumer would; point
// that name at this checkout (a link inside the example's own node_modules).
const link = path.join(example, 'node_modules/eslint-plugin-guardrails');
fs.mkdirSync(path.dirname(link), { recursive: true });
if (!fs.existsSync(link)) fs.symlinkSync(root, link, 'junction');

function eslint(args) {
  return spawnSync(process.execPath, [eslintBin, ...args], { cwd: example, encoding: 'utf8', maxBuffer: 64 << 20 });
}

console.log(`$ cd examples/monorepo && eslint .\n`);
const human = eslint(['.', '--color']);
process.stdout.write(human.stdout);
process.stderr.write(human.stderr);
if (human.status !== 0 && human.status !== 1) {
  console.error(`\nESLint crashed (exit ${human.status}).`);
  process.exit(human.status ?? 2);
}

const json = eslint(['.', '--format', 'json']);
const results = JSON.parse(json.stdout);
const key = (f) => `${f.file}:${f.line} ${f.ruleId}`;
const found = results.flatMap((result) =>
  result.messages.map((message) => ({
    file: path.relative(example, result.filePath).split(path.sep).join('/'),
    line: message.line,
    ruleId: message.ruleId,
  })),
);
const expected = JSON.parse(fs.readFileSync(path.join(example, 'expected-findings.json'), 'utf8')).findings;
const foundKeys = new Set(found.map(key));
const expectedKeys = new Set(expected.map(key));
const missing = [...expectedKeys].filter((k) => !foundKeys.has(k));
const unexpected = [...foundKeys].filter((k) => !expectedKeys.has(k));

const byRule = {};
for (const f of found) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
const adhocInMigrations = found.filter(
  (f) => f.file.startsWith('infra/migrations/') && f.ruleId === 'guardrails/no-adhoc-ddl',
).length;
console.log('Summary:');
for (const [rule, count] of Object.entries(byRule)) console.log(`  ${rule}: ${count}`);
console.log(`  no-adhoc-ddl findings in infra/migrations (where DDL belongs): ${adhocInMigrations}`);

if (missing.length || unexpected.length) {
  if (missing.length) console.error(`\nMissing findings:\n  ${missing.join('\n  ')}`);
  if (unexpected.length) console.error(`\nUnexpected findings:\n  ${unexpected.join('\n  ')}`);
  process.exit(1);
}

// The history record, checked without ESLint (what a CI step or a hook runs): the planted 003 pair.
const migrations = 'infra/migrations/versions';
console.log(`\n$ cd examples/monorepo && guardrails-migrations check ${migrations}\n`);
const history = spawnSync(process.execPath, [path.join(root, 'dist/guardrails-migrations.js'), 'check', migrations], { cwd: example, encoding: 'utf8' });
process.stdout.write(history.stdout);
process.stdout.write(history.stderr);
const historyLines = history.stdout.trim().split('\n').length;
if (history.status !== 1 || historyLines !== 2) {
  console.error(`\nguardrails-migrations check: expected exit 1 with the 2 lines of the 003 conflict, got exit ${history.status} with ${historyLines}.`);
  process.exit(1);
}

console.log(`\nDemo OK: ESLint found all ${expected.length} planted problems and nothing else.`);
