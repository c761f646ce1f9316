import { defineConfig } from 'tsup';

// CJS only: a dual build would give `require` and `import` two different plugin
// objects, and ESLint refuses a plugin registered twice under one name.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  dts: true,
  clean: true,
  sourcemap: false,
  splitting: false,
  shims: false,
  // Runtime dependencies stay external; package.json is inlined so reading
  // meta.version never touches the file system while linting.
  external: ['@typescript-eslint/utils', 'picomatch', 'eslint'],
});
