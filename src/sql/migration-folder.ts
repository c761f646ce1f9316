/**
 * How a message names the place migrations live, from the first migration
 * glob: `**\/migrations/**` → `migrations/`, `db/migrate/**` → `db/migrate/`.
 * A glob with wildcards in the middle is shown as written.
 */
export function describeMigrationFolder(globs: readonly string[]): string {
  const first = globs[0];
  if (first === undefined) return 'migrations/';
  let folder = first;
  while (folder.startsWith('**/')) folder = folder.slice(3);
  for (const tail of ['/**/*', '/**', '/*']) {
    if (folder.endsWith(tail)) {
      folder = folder.slice(0, -tail.length);
      break;
    }
  }
  return /[*?{}[\]!]/.test(folder) || folder === '' ? first : `${folder}/`;
}
