import { defineConfig } from 'vitest/config';
import { TIERS } from './tests/tiers.mjs';

/**
 * The component tier (tests/tiers.mjs): the Preact surfaces bundled with a fake service worker and
 * driven in Debian's Chromium (tests/component/harness). One file at a time: each has its browser.
 */
export default defineConfig({
  test: {
    include: TIERS.component,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
