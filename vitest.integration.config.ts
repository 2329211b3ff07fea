import { defineConfig } from 'vitest/config';
import { TIERS } from './tests/tiers.mjs';

/** The integration tier (tests/tiers.mjs): servers, processes and databases on this machine. */
export default defineConfig({
  test: {
    include: TIERS.integration,
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
