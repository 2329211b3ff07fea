import { defineConfig } from 'vitest/config';
import { TIERS } from './tests/tiers.mjs';

/** The unit tier (tests/tiers.mjs): `npx vitest` and `npm run test:unit` give the fast answer. */
export default defineConfig({
  test: {
    include: TIERS.unit,
    environment: 'node',
    // Worker threads start faster than forked processes, and each file still gets a fresh module
    // graph: about a third less CPU than forks for this tier here. Nothing here loads a native module
    // (better-sqlite3 is the integration tier's).
    pool: 'threads',
    testTimeout: 30_000,
  },
});
