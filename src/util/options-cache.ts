import { ESLintUtils } from '@typescript-eslint/utils';

/**
 * The text of an option list that tells every distinct list apart, `undefined`
 * values included (JSON drops them, but `applyDefault` lets an explicit
 * `undefined` replace a default). Options are JSON data: ESLint validated them
 * against the rule's schema.
 */
function optionsKey(options: readonly unknown[]): string {
  return JSON.stringify(options, (_key, value: unknown) => (value === undefined ? { '\u0000undefined': true } : value));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Merges a rule's options over its defaults (typescript-eslint's
 * `applyDefault`), once per distinct option list. The key is exact: the same
 * options object (ESLint 8, and ESLint 9 and 10 for a rule configured without
 * options, pass the same objects for every file of one configuration), else the
 * full text of the list (ESLint 9 and 10 merge `meta.defaultOptions` into a
 * fresh copy per file when options are given). The results are frozen.
 */
export function createOptionsResolver<Options extends readonly unknown[]>(defaults: Options): (options: readonly unknown[]) => Options {
  let withoutOptions: Options | undefined;
  const byObject = new WeakMap<object, Options>();
  const byText = new Map<string, Options>();
  const merge = (options: readonly unknown[]): Options => deepFreeze(ESLintUtils.applyDefault<readonly unknown[], Options>(defaults, options));
  return (options) => {
    if (options.length === 0 || options === defaults) return (withoutOptions ??= merge([]));
    const first = options[0];
    const keyed = options.length === 1 && typeof first === 'object' && first !== null;
    if (keyed) {
      const known = byObject.get(first);
      if (known) return known;
    }
    const key = optionsKey(options);
    let merged = byText.get(key);
    if (!merged) {
      merged = merge(options);
      byText.set(key, merged);
    }
    if (keyed) byObject.set(first, merged);
    return merged;
  };
}
