import { createRequire } from 'node:module';
import tsParser from '@typescript-eslint/parser';

// ESLint's own default parser, as ESLint resolves it (not whatever espree the bench might hoist).
const eslintRequire = createRequire(createRequire(import.meta.url).resolve('eslint'));
const espree = eslintRequire('espree');

/**
 * A parse cache for the timed rounds. Each pass of a round lints the same
 * files; without the cache every pass parses every file again, and parsing
 * is most of the benchmark's time while no rule is charged for it.
 *
 * `parsers.ts` and `parsers.js` wrap @typescript-eslint/parser and espree
 * (ESLint's default) in parser objects (`meta` + `parseForESLint`) that
 * return the cached result for the same file path and text, and parse (with
 * the options ESLint passes) otherwise. ESLint 9 still builds a new
 * `SourceCode` from the returned result on every lint
 * (`languages/js/index.js` `createSourceCode`), so every per-SourceCode cache
 * (ESLint's `getScope` cache, the traversal steps, the rules' own caches)
 * starts cold in every pass. What is shared across passes is the parse
 * result itself: the AST (ESLint only sets `node.parent`, to the same value
 * each time), tokens and comments, and typescript-eslint's scope manager
 * (to which ESLint's `finalize()` adds the configured globals; a second call
 * finds them there and changes nothing). espree returns no scope manager,
 * so ESLint analyses scopes afresh for every lint of a JS file.
 *
 * A rule that cached its work in a module-level WeakMap keyed on AST nodes
 * (rather than on `context.sourceCode`) would find it warm in a later pass of
 * the same chunk; the plugin's rules key their caches on the SourceCode.
 */
export function createParseCache() {
  const entries = new Map();
  let hits = 0;
  let misses = 0;
  const memoize = (name, parse) => ({
    meta: { name: `bench-cached-${name}`, version: '0.0.0' },
    parseForESLint(text, options) {
      const key = options?.filePath;
      const cached = key === undefined ? undefined : entries.get(key);
      if (cached !== undefined && cached.text === text && cached.parser === name) {
        hits += 1;
        return cached.result;
      }
      misses += 1;
      const result = parse(text, options); // a parse error throws and is not cached
      if (key !== undefined) entries.set(key, { parser: name, text, result });
      return result;
    },
  });
  return {
    parsers: {
      ts: memoize('typescript-eslint', (text, options) => tsParser.parseForESLint(text, options)),
      js: memoize('espree', (text, options) => ({ ast: espree.parse(text, options) })),
    },
    /** Forgets every parse (at the start of each chunk, so memory stays bounded). */
    clear() {
      entries.clear();
    },
    get stats() {
      return { hits, misses, size: entries.size };
    },
  };
}
