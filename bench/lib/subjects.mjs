/**
 * What is compared with what. Each of our rules is measured against its floor
 * and its peers — the rules a team would otherwise reach for — with the
 * targets of the benchmark issue. Rules the plugin exports beyond these are
 * measured against their floor only.
 */
export const KNOWN_SUBJECTS = {
  'no-raw-external-anchor': {
    topic: 'links',
    peers: ['react/jsx-no-target-blank', '@next/next/no-html-link-for-pages', 'jsx-a11y/anchor-is-valid'],
    targets: { floor: 2, peers: { 'react/jsx-no-target-blank': 0.1 } },
  },
  'no-adhoc-ddl': {
    topic: 'SQL',
    peers: ['sql/no-unsafe-query'],
    targets: { floor: 3, peers: { 'sql/no-unsafe-query': 0.25 } },
  },
};

/** Doubling the corpus may cost at most this factor in time (no state kept across files). */
export const SCALING_TARGET = 2.1;
