import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.ts'],
    // Integration tests install real ESLint versions; they get generous time.
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
