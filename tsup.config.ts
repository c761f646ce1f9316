import { defineConfig } from 'tsup';

const BIN = 'guardrails-migrations';

// CJS only: a dual build would give `require` and `import` two different plugin
// objects, and ESLint refuses a plugin registered twice under one name.
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    dts: true,
    // Both builds run at once: the plugin's clean must leave the bin's output alone.
    clean: [`!${BIN}.js`],
    sourcemap: false,
    splitting: false,
    shims: false,
    // Runtime dependencies stay external; package.json is inlined so reading
    // meta.version never touches the file system while linting.
    external: ['@typescript-eslint/utils', 'picomatch', 'eslint'],
  },
  {
    // The history tool (`guardrails-migrations`, package.json `bin`): no types, a shebang.
    entry: { [BIN]: `src/bin/${BIN}.ts` },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    dts: false,
    clean: false,
    sourcemap: false,
    splitting: false,
    shims: false,
    banner: { js: '#!/usr/bin/env node' },
    external: ['@typescript-eslint/utils', 'picomatch', 'eslint'],
  },
]);
