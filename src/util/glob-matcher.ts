import picomatch from 'picomatch';

type PathMatcher = (path: string) => boolean;

/**
 * Whether a cwd-relative, `/`-separated path matches: the path is `file` from
 * `start` on (the whole of `file` by default), so that a caller holding the
 * absolute file name of a file below cwd passes the length of cwd and its `/`
 * instead of a copy of the rest.
 */
export type Matcher = (file: string, start?: number) => boolean;

/** A glob on file names, run only on names that start with its literal prefix. */
interface NamedGlob {
  readonly prefix: string;
  readonly match: PathMatcher;
}

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
 * The literal start of the file name a glob can match, when the glob's last
 * segment is the file name (no `{…}`, `(…)` or `[…]` before its last `/`, no
 * negation, not ending in `**`): `seed-` for `**\/seed-*.ts`. A file whose name
 * does not start with it cannot match, so the glob is not run on it. Returns
 * null when nothing can be said (the glob is then run on every file).
 */
function fileNamePrefix(glob: string): string | null {
  if (glob.startsWith('!') || glob.endsWith('**')) return null;
  const slash = glob.lastIndexOf('/');
  if (/[{}()[\]]/u.test(glob.slice(0, Math.max(slash, 0)))) return null;
  const name = glob.slice(slash + 1);
  const meta = name.search(/[*?{}()[\]!+@\\]/u);
  const prefix = meta === -1 ? name : name.slice(0, meta);
  return prefix === '' ? null : prefix;
}

/**
 * Splits a glob list so that most files are decided without running a glob:
 *
 * - folder globs (`folderGlobTail`) are decided once per folder: the answer
 *   for a folder's first file is the answer for every file in it, except files
 *   named like a glob's last folder, which are matched one by one;
 * - file-name globs (`fileNamePrefix`) run only on files whose name starts
 *   with their literal prefix;
 * - any other glob, or a list with a negation, is matched per file.
 *
 * A file matches the list when it matches one glob, so the answer is
 * picomatch's for the whole list (a test compares the two).
 */
/** The path a matcher is asked about: `file` from `start` on. */
function pathFrom(file: string, start: number): string {
  return start === 0 ? file : file.slice(start);
}

function withShortcuts(globs: readonly string[], match: PathMatcher): Matcher {
  const whole: Matcher = (file, start = 0) => match(pathFrom(file, start));
  if (globs.some((glob) => glob.startsWith('!'))) return whole;
  const folderGlobs: string[] = [];
  // Each folder glob's last folder name: a file named like one is matched on its own.
  const tailNames: string[] = [];
  const named: NamedGlob[] = [];
  for (const glob of globs) {
    const tail = folderGlobTail(glob);
    if (tail !== null) {
      folderGlobs.push(glob);
      if (!tailNames.includes(tail)) tailNames.push(tail);
      continue;
    }
    const prefix = fileNamePrefix(glob);
    if (prefix === null) return whole;
    named.push({ prefix, match: picomatch(glob, { dot: true }) });
  }
  const folderMatch = folderGlobs.length === 0 ? null : named.length === 0 ? match : picomatch(folderGlobs, { dot: true });
  // Which name lengths a tail name has: most file names have none of them and are not compared.
  const tailLength: boolean[] = [];
  for (const name of tailNames) tailLength[name.length] = true;
  const folders = new Map<string, boolean>();
  // The folder decided last: a run lints a folder's files one after another, and comparing
  // the start of the path with it costs less than cutting the folder out and hashing it.
  let lastFolder: string | null = null;
  let lastDecided = false;
  return (file, start = 0) => {
    // The path is `file` from `start` on; a caller passing start > 0 has a `/` just before it.
    const slash = file.lastIndexOf('/');
    const folderEnd = slash < start ? -1 : slash - start; // where the folder ends in the path
    if (folderMatch !== null) {
      let decided: boolean | undefined;
      const nameLength = file.length - slash - 1;
      if (tailLength[nameLength] === true && isTailName(file, slash, tailNames)) {
        decided = folderMatch(pathFrom(file, start));
      } else if (lastFolder !== null && folderEnd === lastFolder.length && file.startsWith(lastFolder, start)) decided = lastDecided;
      else {
        const folder = folderEnd === -1 ? '' : file.slice(start, slash);
        decided = folders.get(folder);
        if (decided === undefined) {
          decided = folderMatch(pathFrom(file, start));
          folders.set(folder, decided);
        }
        if (folderEnd !== -1) {
          lastFolder = folder;
          lastDecided = decided;
        }
      }
      if (decided) return true;
    }
    for (const glob of named) {
      if (file.startsWith(glob.prefix, slash + 1) && glob.match(pathFrom(file, start))) return true;
    }
    return false;
  };
}

/** Whether the file's name (after `slash`) is one of `names`: compared by length and ending, not cut out and hashed. */
function isTailName(file: string, slash: number, names: readonly string[]): boolean {
  for (const name of names) {
    if (file.length - slash - 1 === name.length && file.endsWith(name)) return true;
  }
  return false;
}

// The last list asked for: the rules of one file ask with the same list in turn.
let lastList: readonly string[] | null = null;
let lastMatcher: Matcher = () => false;

/**
 * A matcher for cwd-relative, `/`-separated paths, compiled once per distinct
 * glob list (the same array, else the exact list) and shared by every setting
 * that names files by glob (`migrations`, `seeds`). Folder globs (the default
 * migration globs are) are decided once per folder, file-name globs only on
 * names with their literal prefix (see `withShortcuts`).
 */
export function compileGlobs(globs: readonly string[]): Matcher {
  if (globs === lastList) return lastMatcher;
  let matcher = byList.get(globs);
  if (matcher) return remember(globs, matcher);
  const key = globs.join('\0');
  matcher = byText.get(key);
  if (!matcher) {
    matcher = globs.length === 0 ? () => false : withShortcuts(globs, picomatch([...globs], { dot: true }));
    byText.set(key, matcher);
  }
  byList.set(globs, matcher);
  return remember(globs, matcher);
}

function remember(globs: readonly string[], matcher: Matcher): Matcher {
  lastList = globs;
  lastMatcher = matcher;
  return matcher;
}
