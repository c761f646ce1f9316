import picomatch from 'picomatch';

type PathMatcher = (path: string) => boolean;

export interface Matcher {
  /**
   * Whether a cwd-relative, `/`-separated path matches: the path is `file`
   * from `start` on (the whole of `file` by default), so that a caller
   * holding the absolute file name of a file below cwd passes the length of
   * cwd and its `/` instead of a copy of the rest.
   */
  (file: string, start?: number): boolean;
  /**
   * False when an absolute, normalised, `/`-separated file name shows that
   * its path relative to any folder cannot match (the path's segments, `..`
   * aside, are the name's last ones): the globs need a folder or a file name
   * it does not have. True when it may match. One search of the name, where
   * the match proper first works out the relative path; most files of a run
   * are decided here.
   */
  readonly mayMatch: (filename: string) => boolean;
}

const NEVER: Matcher = Object.assign(() => false, { mayMatch: () => false });

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

/** The path a matcher is asked about: `file` from `start` on. */
function pathFrom(file: string, start: number): string {
  return start === 0 ? file : file.slice(start);
}

/**
 * Splits a glob list so that most files are decided without running a glob,
 * and without cutting anything out of the file name:
 *
 * - folder globs (`folderGlobTail`) need a folder named like their last one:
 *   a file without one is decided by searching its name for `/<folder>/`;
 *   any other is decided once per folder (the answer for a folder's first
 *   file is the answer for every file in it), except files named like a
 *   glob's last folder, which are matched one by one;
 * - file-name globs (`fileNamePrefix`) run only on files whose name starts
 *   with their literal prefix (searched for as `/<prefix>` first);
 * - any other glob, or a list with a negation, is matched per file.
 *
 * A file matches the list when it matches one glob, so the answer is
 * picomatch's for the whole list (a test compares the two).
 */
function withShortcuts(globs: readonly string[], match: PathMatcher): Matcher {
  const whole = Object.assign((file: string, start = 0) => match(pathFrom(file, start)), { mayMatch: () => true });
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
  // Every folder glob needs a folder of its last name, every file-name glob a name starting with its prefix:
  // most files have neither, and a search for them in place decides those files.
  const folderNames = tailNames.every(isPlainName) ? tailNames.map((name) => segmentStart(`${name}/`)) : null;
  const prefixes = [...new Set(named.map((glob) => glob.prefix))];
  const namePrefixes = prefixes.map(segmentStart);
  const folders = new Map<string, boolean>();
  // The folder decided last: a run lints a folder's files one after another, and comparing
  // the start of the path with it costs less than cutting the folder out and hashing it.
  let lastFolder: string | null = null;
  let lastDecided = false;
  /** The folder globs' answer for a file with a folder named like a glob's last one. */
  const byFolder = (file: string, start: number, decide: PathMatcher): boolean => {
    const slash = file.lastIndexOf('/');
    const folderEnd = slash < start ? -1 : slash - start; // where the folder ends in the path
    if (lastFolder !== null && folderEnd === lastFolder.length && file.startsWith(lastFolder, start)) return lastDecided;
    const folder = folderEnd === -1 ? '' : file.slice(start, slash);
    let decided = folders.get(folder);
    if (decided === undefined) {
      decided = decide(pathFrom(file, start));
      folders.set(folder, decided);
    }
    if (folderEnd !== -1) {
      lastFolder = folder;
      lastDecided = decided;
    }
    return decided;
  };
  // `lastIndexOf` is not used on a file that is decided by the searches: on the names ESLint
  // hands rules (built by concatenation) it costs more than all of them together.
  const matches = (file: string, start = 0): boolean => {
    if (folderMatch !== null) {
      if (isTailName(file, start, tailNames)) {
        if (folderMatch(pathFrom(file, start))) return true;
      } else if ((folderNames === null || hasSegmentStarting(file, start, folderNames)) && byFolder(file, start, folderMatch)) return true;
    }
    if (named.length === 0 || !hasSegmentStarting(file, start, namePrefixes)) return false;
    const nameStart = file.lastIndexOf('/') + 1;
    for (const glob of named) {
      if (file.startsWith(glob.prefix, nameStart) && glob.match(pathFrom(file, start))) return true;
    }
    return false;
  };
  if (folderNames === null) return Object.assign(matches, { mayMatch: () => true });
  const screen = screenOf(tailNames, prefixes);
  return Object.assign(matches, { mayMatch: (filename: string) => screen.test(filename) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[$()*+./?[\\\]^{|}]/gu, '\\$&');
}

/**
 * What every match needs of an absolute file name: a folder named like a
 * folder glob's last one (`/migrations/`, or the name `/migrations` itself),
 * or a name starting with a file-name glob's prefix (`/seed-…`, no `/` after).
 * In an absolute name every segment follows a `/`, so the search starts with one.
 */
function screenOf(tailNames: readonly string[], prefixes: readonly string[]): RegExp {
  const needs: string[] = [];
  if (tailNames.length > 0) needs.push(`/(?:${tailNames.map(escapeRegExp).join('|')})(?:/|$)`);
  if (prefixes.length > 0) needs.push(`/(?:${prefixes.map(escapeRegExp).join('|')})[^/]*$`);
  return new RegExp(needs.join('|'), 'u');
}

/** A folder name a glob spells as itself: no escape, not `.` or `..` (which a path may spell otherwise). */
function isPlainName(name: string): boolean {
  return !name.includes('\\') && name !== '.' && name !== '..';
}

/** Text a path segment starts with, as searched for at the path's start (`text`) and after a `/` (`/text`). */
interface SegmentStart {
  readonly head: string;
  readonly inner: string;
}

function segmentStart(text: string): SegmentStart {
  return { head: text, inner: `/${text}` };
}

/**
 * Whether a segment of the path (`file` from `start` on) starts with one of
 * the texts. Searched for in place: cutting the folder out of the file name
 * and hashing it costs more than the search.
 */
function hasSegmentStarting(file: string, start: number, texts: readonly SegmentStart[]): boolean {
  for (const { head, inner } of texts) {
    // A caller passing start > 0 has a `/` just before it, so `/text` found from there covers the path's start.
    if (start > 0 ? file.includes(inner, start - 1) : file.startsWith(head) || file.includes(inner)) return true;
  }
  return false;
}

/** Whether the path's last segment (the file's name) is one of `names`: compared at the end, not cut out. */
function isTailName(file: string, start: number, names: readonly string[]): boolean {
  for (const name of names) {
    const at = file.length - name.length;
    if (at >= start && file.endsWith(name) && (at === start || file.charCodeAt(at - 1) === 47)) return true; // 47: `/`
  }
  return false;
}

// The last list asked for: the rules of one file ask with the same list in turn.
let lastList: readonly string[] | null = null;
let lastMatcher: Matcher = NEVER;

/**
 * A matcher for cwd-relative, `/`-separated paths, compiled once per distinct
 * glob list (the same array, else the exact list) and shared by every setting
 * that names files by glob (`migrations`, `seeds`). Most files are ruled out
 * by one search of their absolute name (`mayMatch`); for the others, folder
 * globs (the default migration globs are) are decided once per folder,
 * file-name globs only on names with their literal prefix (see `withShortcuts`).
 */
export function compileGlobs(globs: readonly string[]): Matcher {
  if (globs === lastList) return lastMatcher;
  let matcher = byList.get(globs);
  if (matcher) return remember(globs, matcher);
  const key = globs.join('\0');
  matcher = byText.get(key);
  if (!matcher) {
    matcher = globs.length === 0 ? NEVER : withShortcuts(globs, picomatch([...globs], { dot: true }));
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
