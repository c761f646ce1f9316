import picomatch from 'picomatch';

// Compiled once per distinct glob list: configs are shared by every file of a run.
const matcherCache = new Map<string, (file: string) => boolean>();

/**
 * A matcher for cwd-relative, `/`-separated paths, compiled once per distinct
 * glob list (the key is the exact list) and shared by every setting that
 * names files by glob (`migrations`, `seeds`).
 */
export function compileGlobs(globs: readonly string[]): (file: string) => boolean {
  const key = globs.join('\0');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
    matcherCache.set(key, matcher);
  }
  return matcher;
}
