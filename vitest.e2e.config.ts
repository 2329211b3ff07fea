import { defineConfig } from 'vitest/config';
import { TIERS } from './tests/tiers.mjs';

/**
 * End-to-end tests: the BUILT extension (dist/, from `npm run build`) in Debian's Chromium and
 * Firefox ESR against pages served on 127.0.0.1. One browser at a time: no file parallelism.
 */
export default defineConfig({
  test: {
    include: TIERS.e2e,
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
