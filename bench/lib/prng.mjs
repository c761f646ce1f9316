/**
 * A small seeded PRNG (mulberry32), so that one seed always yields the same
 * corpus on every machine and Node version: figures from two runs are only
 * comparable when they lint the same files.
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (probability) => next() < probability;
  /** Picks from `[weight, value]` pairs. */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [weight, value] of pairs) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return pairs[pairs.length - 1][1];
  };
  return { next, int, pick, chance, weighted };
}
