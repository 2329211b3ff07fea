import { defineConfig } from 'vitest/config';
import { TIERS } from './tests/tiers.mjs';

/** The unit tier (tests/tiers.mjs): `npx vitest` and `npm run test:unit` give the fast answer. */
export default defineConfig({
  test: {
    include: TIERS.unit,
    environment: 'node',
    testTimeout: 30_000,
  },
});
