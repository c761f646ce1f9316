/** Where a link goes, as far as static analysis can tell. */
export type HrefVerdict =
  /** Stays on the page's origin: relative paths, `?q`, `#x`, `/users/1`. */
  | { readonly kind: 'internal' }
  /** Leaves the origin to a place the policy allows (an allowlisted host or scheme). */
  | { readonly kind: 'allowed' }
  /** Browsers cannot parse it, so the link does not navigate anywhere. */
  | { readonly kind: 'invalid' }
  /** Leaves the origin. `resolved` is what the browser reads (`…` where a hole sits). */
  | { readonly kind: 'external'; readonly resolved: string }
  /** `javascript:`, `vbscript:` or `data:`: never acceptable. */
  | { readonly kind: 'forbiddenScheme'; readonly scheme: string; readonly resolved: string }
  /** Depends on values only known at run time. */
  | { readonly kind: 'unknown' };

export type HrefVerdictKind = HrefVerdict['kind'];

/** Whether a verdict can lead to a report (the others never show their href in a message). */
export function isReportable(verdict: HrefVerdict): boolean {
  return verdict.kind === 'external' || verdict.kind === 'forbiddenScheme' || verdict.kind === 'unknown';
}

// Most alarming first: a link that may run script beats one that may leave,
// which beats one nobody can check.
const SEVERITY: Readonly<Record<HrefVerdictKind, number>> = {
  forbiddenScheme: 5,
  external: 4,
  unknown: 3,
  allowed: 2,
  internal: 1,
  invalid: 0,
};

/**
 * One verdict for a value with several possible strings (`c ? a : b`, `a ?? b`):
 * the most alarming alternative wins, so "external if any branch is external".
 */
export function combineVerdicts(verdicts: readonly HrefVerdict[]): HrefVerdict {
  let worst: HrefVerdict = { kind: 'unknown' };
  let worstSeverity = -1;
  for (const verdict of verdicts) {
    const severity = SEVERITY[verdict.kind];
    if (severity > worstSeverity) {
      worst = verdict;
      worstSeverity = severity;
    }
  }
  return worst;
}
