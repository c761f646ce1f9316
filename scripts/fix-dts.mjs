#!/usr/bin/env node
// tsup's declaration bundler turns `export = plugin` into `export { plugin as default }`,
// which tells TypeScript users a `.default` exists that the CJS build does not have
// (are-the-types-wrong: "Incorrect default export"). Put the `export =` back.
import fs from 'node:fs';

const file = new URL('../dist/index.d.ts', import.meta.url);
const source = fs.readFileSync(file, 'utf8');
const wrong = /export \{ (\w+) as default \};\s*$/;
const match = wrong.exec(source);
if (!match) {
  if (/export = \w+;\s*$/.test(source)) process.exit(0);
  console.error('dist/index.d.ts: expected `export { plugin as default };` at the end; did tsup change its output?');
  process.exit(1);
}
fs.writeFileSync(file, source.replace(wrong, `export = ${match[1]};\n`));
