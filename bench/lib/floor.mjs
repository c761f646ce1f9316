import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

/**
 * The floor of a rule: empty visitors on exactly the selectors the rule
 * listens to. A rule cannot cost less than being called on its nodes, so
 * "× floor" says how much of its time is real work.
 *
 * The selectors are learnt by running the rule's own `create()` once per probe
 * file inside a real Linter (a real context, so no stub can miss a property the
 * rule reads), with the rule's options; their union is the floor's visitor.
 */
export function learnSelectors(rule, { options = [], settings = {}, cwd, probeFiles }) {
  const selectors = new Set();
  const probe = {
    meta: { ...rule.meta },
    create(context) {
      for (const key of Object.keys(rule.create(context) ?? {})) selectors.add(key);
      return {};
    },
  };
  // The probe files must lie under the Linter's cwd, or it ignores them.
  const linter = new Linter({ configType: 'flat', cwd });
  for (const filename of probeFiles) {
    const messages = linter.verify(
      'export {};\n',
      [
        {
          files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], // `**/*` alone matches no file in flat config
          languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { probe: { rules: { rule: probe } } },
          rules: { 'probe/rule': ['error', ...options] },
          settings,
        },
      ],
      { filename },
    );
    const fatal = messages.find((message) => message.fatal || message.ruleId === null);
    if (fatal) throw new Error(`Probing the selectors failed on ${filename}: ${fatal.message}`);
  }
  return [...selectors].sort();
}

export function createFloorRule(selectors, description) {
  const noop = () => {};
  const visitor = Object.freeze(Object.fromEntries(selectors.map((selector) => [selector, noop])));
  return {
    meta: { type: 'problem', docs: { description }, schema: [] },
    create: () => visitor,
  };
}

/**
 * The floor plus the rule's own `create()`: separates the per-file set-up a
 * rule does (options, imports, file-name checks) from its per-node work.
 * Shares the rule's `meta`, so it gets the same options and defaults.
 *
 * With `active`, it also notes each file on which the rule's `create()`
 * returned listeners: the files the rule acts on (a migration rule's
 * migrations), so that its time there and elsewhere can be told apart.
 */
export function createSetupRule(rule, selectors, active = null) {
  const noop = () => {};
  const visitor = Object.freeze(Object.fromEntries(selectors.map((selector) => [selector, noop])));
  return {
    meta: rule.meta,
    create(context) {
      const listeners = rule.create(context);
      if (active !== null && listeners) {
        for (const key in listeners) {
          active.add(context.physicalFilename ?? context.filename);
          break;
        }
      }
      return visitor;
    },
  };
}

/**
 * Runs first on every file and is not reported; it pays two per-file costs
 * that a real config pays once per file, in whichever rule ESLint creates
 * first, and that would otherwise be charged to the measured rule alone:
 *
 * - The first `structuredClone` after each file's parse costs 40–60 µs under
 *   ESLint on Node 20 (later ones about 1 µs), and typescript-eslint's
 *   `RuleCreator` (behind eslint-plugin-sql, and behind most configs' rules)
 *   clones the default options in every `create()`.
 * - ESLint gives each file a new context object (`FileContext`), which every
 *   rule's context inherits from. The first rule that reads its properties on
 *   a file pays 4–8 µs; the next ones, reading the same properties, under 1 µs
 *   (measured with two identical rules in one pass). The warm-up reads every
 *   property a rule's context has, as the first rule of a real config would.
 */
export const cloneWarmUpRule = {
  meta: { type: 'problem', docs: { description: 'Pays the per-file costs of the first rule of a config.' }, schema: [] },
  create(context) {
    structuredClone([]);
    readContext(context);
    return {};
  },
};

/**
 * The least a rule that acts on some folders only can do on every file: read
 * the file name and search it once for the folder (`/migrations/` or
 * `/migration/` anywhere before the last `/`, which a file's own name cannot
 * hold). Timed in its own pass, like a peer: on the files a migration rule
 * does not act on, this is what deciding "not here" costs at the least,
 * whoever writes the rule.
 */
export function createFolderGateRule() {
  const folder = /\/migrations?\//u;
  const visitor = Object.freeze({ 'Program:exit': () => {} });
  return {
    meta: { type: 'problem', docs: { description: 'The minimal per-folder gate.' }, schema: [] },
    create(context) {
      return folder.test(context.filename) ? visitor : {};
    },
  };
}

/**
 * The least a link rule reads, judging nothing: the name of every JSX
 * element; for `<a>`/`<area>` and for capitalised elements (components such
 * as a router's `<Link>`) the names of its attributes, and for an `href`
 * written as a string a test for a scheme or `//`; for every call the count
 * of its arguments and the kind of its first one (what `createElement("a",
 * props)` would need). No scope lookup, no evaluation of an expression, no
 * URL parsing, no report. Timed in its own pass: the part of a link rule's
 * time that only reading the nodes it must look at costs, whoever writes it.
 */
export function createLinkReadsRule() {
  const external = /^\s*(?:[a-z][a-z\d+.-]*:|\/\/)/iu;
  const visitor = Object.freeze({
    JSXOpeningElement(element) {
      const name = element.name;
      if (name.type === 'JSXNamespacedName') return;
      if (name.type === 'JSXIdentifier') {
        const first = name.name.charCodeAt(0);
        if (first >= 97 && first <= 122 && name.name !== 'a' && name.name !== 'area') return;
      }
      for (const attribute of element.attributes) {
        if (attribute.type !== 'JSXAttribute') {
          sink = (sink + 1) | 0;
          continue;
        }
        if (attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== 'href') continue;
        const value = attribute.value;
        if (value !== null && value.type === 'Literal' && typeof value.value === 'string' && external.test(value.value)) sink = (sink + 1) | 0;
      }
    },
    CallExpression(call) {
      const args = call.arguments;
      if (args.length >= 2) sink = (sink + args[0].type.length) | 0;
    },
  });
  return {
    meta: { type: 'problem', docs: { description: 'The least a link rule reads.' }, schema: [] },
    create: () => visitor,
  };
}

/**
 * The least a rule against ad-hoc DDL reads, judging nothing: every string
 * (literals, the parts of template literals) tested for a DDL verb, and the
 * name of every call's method (where a schema API such as
 * `knex.schema.createTable` shows). No scope lookup, no lexing, no report.
 * Timed in its own pass, like `createLinkReadsRule`.
 */
export function createDdlReadsRule() {
  const verb = /\b(?:create|alter|drop|truncate|rename|comment|grant|revoke|select|reassign|security|import)\b/iu;
  const schemaMethods = new Set(['createTable', 'alterTable', 'dropTable', 'createIndex', 'addColumn', 'removeColumn', 'raw', 'query', 'execute']);
  const visitor = Object.freeze({
    Literal(node) {
      if (typeof node.value === 'string' && verb.test(node.value)) sink = (sink + 1) | 0;
    },
    TemplateLiteral(node) {
      for (const quasi of node.quasis) if (verb.test(quasi.value.raw)) sink = (sink + 1) | 0;
    },
    CallExpression(call) {
      const callee = call.callee;
      if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && schemaMethods.has(callee.property.name)) sink = (sink + 1) | 0;
    },
  });
  return {
    meta: { type: 'problem', docs: { description: 'The least a rule against ad-hoc DDL reads.' }, schema: [] },
    create: () => visitor,
  };
}

let sink = 0;
function readContext(context) {
  const values = [
    context.id,
    context.options,
    context.settings,
    context.filename,
    context.physicalFilename,
    context.cwd,
    context.sourceCode,
    context.languageOptions,
    context.parserOptions,
    context.parserPath,
    context.report,
  ];
  sink = (sink + values.length) | 0; // keeps the reads from being optimised away
}

/**
 * The rule with `context.report` made a no-op: what it costs to analyse the
 * code, without building messages and suggestions (ESLint runs suggestion
 * fixers as soon as a problem is reported). The gap to the real rule is the
 * price of reporting, which a codebase that follows the policy does not pay.
 */
export function createQuietRule(rule) {
  return {
    meta: rule.meta,
    create(context) {
      return rule.create(Object.create(context, { report: { value: () => {} } }));
    },
  };
}
