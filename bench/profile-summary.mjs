#!/usr/bin/env node
/**
 * Summarises a V8 CPU profile (from `node --cpu-prof bench/run.mjs`) by
 * function: self and inclusive time, for the functions whose script URL
 * contains a filter (default: this repository's `dist/index.js`, i.e. the
 * plugin's own code; pass `eslint-plugin-react` to look at a peer).
 *
 *   node bench/profile-summary.mjs /tmp/guardrails-profile/CPU.*.cpuprofile [filter] [rows]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pluginUrl = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js')).href;
const [file, filter = pluginUrl, rowsArgument = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [url filter] [rows]');
  process.exit(2);
}
const rows = Number(rowsArgument);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
};

// Sampled time per profile node (microseconds).
const sampled = new Map();
profile.samples.forEach((id, index) => sampled.set(id, (sampled.get(id) ?? 0) + profile.timeDeltas[index]));

const self = new Map();
const inclusive = new Map();
for (const [id, micros] of sampled) {
  const node = nodes.get(id);
  if (node.callFrame.url.includes(filter)) self.set(label(node), (self.get(label(node)) ?? 0) + micros);
  // Inclusive time: every matching function on the stack, once per sample even when recursive.
  const seen = new Set();
  for (let current = id; current !== undefined; current = parents.get(current)) {
    const frame = nodes.get(current);
    const key = label(frame);
    if (!frame.callFrame.url.includes(filter) || seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
}

const print = (title, table) => {
  console.log(title);
  for (const [key, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${(micros / 1000).toFixed(1).padStart(9)} ms  ${key}`);
  }
  console.log('');
};
print(`Self time, functions in scripts matching "${filter}":`, self);
print('Inclusive time (callees included):', inclusive);
