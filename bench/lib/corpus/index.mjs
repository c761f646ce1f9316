import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../prng.mjs';
import { ADJECTIVES, NOUNS } from './vocabulary.mjs';
import { componentName, generateTsxModule } from './web.mjs';
import { generateMigration, generateScript, generateServerModule, generateTestModule } from './server.mjs';

/** Bump when a generator changes, so cached corpora are rebuilt. */
const GENERATOR_VERSION = 5;

/** Share of each kind of file in the monorepo, by weight. */
const FILE_KINDS = [
  [50, 'component'],
  [8, 'appPage'],
  [4, 'legacyPage'],
  [8, 'ui'],
  [18, 'server'],
  [5, 'test'],
  [4, 'script'],
  [3, 'migration'],
];

function planFile(rng, kind, index) {
  const noun = rng.pick(NOUNS);
  switch (kind) {
    case 'component': {
      const name = componentName(rng, index);
      return { file: `apps/web/components/${noun}/${name}.tsx`, make: () => generateTsxModule(rng, { name, kind }) };
    }
    case 'appPage': {
      const segment = rng.chance(0.3) ? '[id]' : `${rng.pick(ADJECTIVES)}-${index}`;
      const name = `${componentName(rng, index)}Page`;
      return { file: `apps/web/app/${noun}s/${segment}/page.tsx`, make: () => generateTsxModule(rng, { name, kind: 'page' }) };
    }
    case 'legacyPage': {
      const name = `${componentName(rng, index)}Page`;
      return { file: `apps/web/pages/${noun}-${rng.pick(ADJECTIVES)}-${index}.tsx`, make: () => generateTsxModule(rng, { name, kind: 'legacyPage' }) };
    }
    case 'ui': {
      const name = componentName(rng, index);
      return { file: `packages/ui/src/${name}.tsx`, make: () => generateTsxModule(rng, { name, kind }) };
    }
    case 'server':
      return { file: `services/api/src/${noun}s/${noun}-${rng.pick(['service', 'repository', 'handler', 'jobs'])}-${index}.ts`, make: () => generateServerModule(rng) };
    case 'test':
      return { file: `services/api/src/${noun}s/${noun}-${index}.test.ts`, make: () => generateTestModule(rng) };
    case 'script':
      return { file: `scripts/${rng.pick(['seed', 'backfill', 'maintenance', 'bootstrap'])}-${noun}s-${index}.ts`, make: () => generateScript(rng) };
    default: {
      const stamp = String(20240101000000 + index * 137);
      return { file: `services/api/migrations/${stamp}_${noun}s.ts`, make: () => generateMigration(rng) };
    }
  }
}

/**
 * Writes `count` files under `<root>/a/` and the same files again under
 * `<root>/b/` (the doubled corpus of the scaling check), unless a corpus of the
 * same seed, size and generator version is already there.
 * Returns `{ root, files: string[] }` with paths relative to `<root>/a/`.
 */
export function ensureCorpus(baseDir, { count, seed }) {
  const root = path.join(baseDir, `seed${seed}-n${count}`);
  const manifestPath = path.join(root, 'manifest.json');
  if (fs.existsSync(manifestPath)) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (manifest.version === GENERATOR_VERSION) return { root, files: manifest.files, generated: false };
  }
  fs.rmSync(root, { recursive: true, force: true });
  const rng = createRandom(seed);
  const files = [];
  const taken = new Set();
  for (let index = 0; index < count; index += 1) {
    const plan = planFile(rng, rng.weighted(FILE_KINDS), index);
    if (taken.has(plan.file)) {
      index -= 1; // a rare name collision: draw again (still deterministic)
      continue;
    }
    taken.add(plan.file);
    const text = plan.make();
    for (const copy of ['a', 'b']) {
      const target = path.join(root, copy, plan.file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
    files.push(plan.file);
  }
  fs.writeFileSync(manifestPath, JSON.stringify({ version: GENERATOR_VERSION, seed, count, files }, null, 1));
  return { root, files, generated: true };
}
