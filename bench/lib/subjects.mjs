/**
 * What is compared with what, and the targets of the benchmark issue (ratios
 * within one run). Each of our rules is measured against its floor (every
 * rule: ≤ FLOOR_TARGET× its floor); the link and DDL rules also against their
 * peers — the rules a team would otherwise reach for.
 */
export const FLOOR_TARGET = 10;

export const KNOWN_SUBJECTS = {
  'no-raw-external-anchor': {
    topic: 'links',
    peers: ['react/jsx-no-target-blank', '@next/next/no-html-link-for-pages', 'jsx-a11y/anchor-is-valid'],
    targets: { floor: FLOOR_TARGET, peers: { 'react/jsx-no-target-blank': 0.5 } },
    // The least a link rule reads (bench/lib/floor.mjs, createLinkReadsRule), timed in its own pass.
    reads: 'bench/link-reads',
  },
  'no-adhoc-ddl': {
    topic: 'SQL',
    peers: ['sql/no-unsafe-query'],
    targets: { floor: FLOOR_TARGET, peers: { 'sql/no-unsafe-query': 1.0 } },
    reads: 'bench/ddl-reads',
  },
};

/** Doubling the corpus may cost at most this factor in time (no state kept across files). */
export const SCALING_TARGET = 2.1;
