import { describe, expect, it } from 'vitest';
import { EXTERNAL_NAME_WORDS, nameSaysExternal, nameWords } from '../../src/jsx/leave-intent';

/** The definition: some word or pair of neighbouring words of the name is an "external" word (no prefilter). */
const byDefinition = (name: string): boolean => nameWords(name).some((word) => EXTERNAL_NAME_WORDS.has(word));

describe('nameSaysExternal', () => {
  it.each([
    ['externalUrl', true],
    ['EXTERNAL_URL', true],
    ['externalURL', true],
    ['user_website', true],
    ['third_party-link', true],
    ['thirdPartyLink', true],
    ['githubRepo', true],
    ['linkedIn', true],
    ['you_tube', true],
    ['href', false],
    ['url', false],
    ['reporter', false],
    ['externalities', false],
    ['repositoryUrl', true],
    ['socialist', false],
    ['', false],
    ['ünicode_website', true],
  ])('%s', (name, expected) => {
    expect(nameSaysExternal(name)).toBe(expected);
    expect(byDefinition(name)).toBe(expected);
  });

  it('agrees with the definition on random names', () => {
    // Pieces of the words, other words, separators and case changes, glued at random (a fixed LCG, so every run sees the same names).
    const pieces = ['ext', 'ernal', 'External', 'web', 'Site', 'site', 'home', 'Page', 'third', 'Party', 'party', 'git', 'Hub', 'HUB', 'linked', 'In', 'repo', 'Repo', 'sitory', 'url', 'URL', 'href', 'link', 'Link', 'x', 'X', '_', '-', '$', '1', 'ü', 'off', 'out', 'bound', 'Bound', 'social', 'ist'];
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let positives = 0;
    for (let round = 0; round < 20_000; round += 1) {
      let name = '';
      const length = 1 + (next() % 5);
      for (let index = 0; index < length; index += 1) name += pieces[next() % pieces.length] ?? '';
      const expected = byDefinition(name);
      if (expected) positives += 1;
      expect(nameSaysExternal(name), name).toBe(expected);
    }
    expect(positives).toBeGreaterThan(500);
  });
});
