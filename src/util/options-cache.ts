import { ESLintUtils } from '@typescript-eslint/utils';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A private copy of option data (arrays and plain objects, `undefined`
 * values kept). The merge below shares the user's arrays and objects with its
 * result, which is frozen: merging a copy leaves the config's own data alone.
 */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyData(value[key]);
  return copy as T;
}

/**
 * Whether two option values are the same data: arrays item by item, objects
 * key by key in any order (a key set to `undefined` is not a missing key,
 * since `applyDefault` lets an explicit `undefined` replace a default),
 * anything else by `Object.is`.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameData(a[index], b[index])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData(a[key], b[key])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

interface Merged<Options> {
  /** The option list as it was merged: a frozen private copy, compared with later lists. */
  readonly options: readonly unknown[];
  readonly merged: Options;
}

/**
 * Merges a rule's options over its defaults (typescript-eslint's
 * `applyDefault`), once per distinct option list. The key is exact: the same
 * options object (ESLint 8, and ESLint 9 and 10 for a rule configured without
 * options, pass the same objects for every file of one configuration), else
 * equality as data with a list merged before. ESLint 9 and 10 merge
 * `meta.defaultOptions` into a fresh copy per file when options are given:
 * comparing that copy with a handful of known lists (most recent first) costs
 * a few property reads, where turning it into text cost more than the rest of
 * a gate rule's `create()`. The results are frozen; the user's data is not.
 */
export function createOptionsResolver<Options extends readonly unknown[]>(defaults: Options): (options: readonly unknown[]) => Options {
  let withoutOptions: Options | undefined;
  const byObject = new WeakMap<object, Options>();
  // The object of the last hit in `byObject`, and its merge: ESLint hands every file of one
  // config the same object, and comparing it costs less than a hash lookup in a cold table.
  let lastObject: object | null = null;
  let lastMerged: Options | undefined;
  // Most recently used first: a run has a handful of distinct lists per rule.
  const known: Merged<Options>[] = [];
  const merge = (options: readonly unknown[]): Options => deepFreeze(ESLintUtils.applyDefault<readonly unknown[], Options>(defaults, options));
  /** The merge of a list equal as data to one merged before (most recent first), or null. */
  const find = (options: readonly unknown[]): Options | null => {
    for (let index = 0; index < known.length; index++) {
      const entry = known[index] as Merged<Options>;
      if (!sameData(entry.options, options)) continue;
      if (index > 0) {
        known.splice(index, 1);
        known.unshift(entry);
      }
      return entry.merged;
    }
    return null;
  };
  return (options) => {
    if (options.length === 0 || options === defaults) return (withoutOptions ??= merge([]));
    const first = options[0];
    const keyed = options.length === 1 && typeof first === 'object' && first !== null;
    if (keyed) {
      if (first === lastObject) return lastMerged as Options;
      const cached = byObject.get(first);
      if (cached) {
        lastObject = first;
        lastMerged = cached;
        return cached;
      }
    }
    const found = find(options);
    if (found) return found;
    const copy = copyData(options);
    const merged = merge(copy);
    known.unshift({ options: deepFreeze(copy), merged });
    // Only the object a list was first merged for is remembered: ESLint 9 and 10 make a fresh
    // object per file, and remembering each of those would grow the map by one entry per file.
    if (keyed) byObject.set(first, merged);
    return merged;
  };
}
