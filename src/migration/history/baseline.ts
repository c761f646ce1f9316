interface ContextLike {
  readonly filename: string;
  readonly cwd: string;
}

/**
 * Whether the history record of the file's migration folder lists this file
 * with its current content hash (a shipped, unchanged migration).
 *
 * Placeholder until the history record lands: no real file is recorded.
 */
export function isShippedUnchanged(context: ContextLike): boolean {
  return context.filename === '';
}
