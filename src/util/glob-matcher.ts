import picomatch from 'picomatch';

type Matcher = (file: string) => boolean;

// Compiled once per distinct glob list: configs are shared by every file of a run.
const byList = new WeakMap<readonly string[], Matcher>();
const byText = new Map<string, Matcher>();

/**
 * A glob of the form `…/<folder>/**` (`**\/migrations/**`, `db/migrate/**`):
 * whether it matches a file depends only on the file's folder, except for a
 * file named like that last literal folder (`**` may match no segment, so
 * `**\/migrations/**` also matches a file `x/migrations`). Returns that literal
 * name, or null for any other glob.
 */
function folderGlobTail(glob: string): string | null {
  const match = /^(?:[^!].*\/)?([^/*?{}[\]()!+@,]+)\/\*\*$/u.exec(glob);
  return match?.[1] ?? null;
}

/**
 * When every glob is a folder glob, decides once per folder: the answer for a
 * folder's first file is the answer for every file in it, except files named
 * like a glob's last folder, which are matched one by one. Exact by the
 * argument in `folderGlobTail`; any other glob list is matched per file.
 */
function withFolderCache(globs: readonly string[], match: Matcher): Matcher {
  const tails = globs.map(folderGlobTail);
  if (tails.some((tail) => tail === null)) return match;
  const tailNames = new Set(tails as string[]);
  const folders = new Map<string, boolean>();
  return (file) => {
    const slash = file.lastIndexOf('/');
    const folder = slash === -1 ? '' : file.slice(0, slash);
    if (tailNames.has(file.slice(slash + 1))) return match(file);
    let decided = folders.get(folder);
    if (decided === undefined) {
      decided = match(file);
      folders.set(folder, decided);
    }
    return decided;
  };
}

/**
 * A matcher for cwd-relative, `/`-separated paths, compiled once per distinct
 * glob list (the same array, else the exact list) and shared by every setting
 * that names files by glob (`migrations`, `seeds`). Folder globs (the default
 * migration globs are) are decided once per folder.
 */
export function compileGlobs(globs: readonly string[]): Matcher {
  let matcher = byList.get(globs);
  if (matcher) return matcher;
  const key = globs.join('\0');
  matcher = byText.get(key);
  if (!matcher) {
    matcher = globs.length === 0 ? () => false : withFolderCache(globs, picomatch([...globs], { dot: true }));
    byText.set(key, matcher);
  }
  byList.set(globs, matcher);
  return matcher;
}
