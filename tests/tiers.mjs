/**
 * The test tiers, cheapest first, and the files each one holds. Every vitest config takes its
 * `include` from here, and tests/unit/tiers.test.ts fails when a test file belongs to no tier or to
 * two, or when a unit test does what only the integration tier may (a server, a child process, a
 * database, a built feed).
 *
 * - unit: pure and in-process (node; fake-indexeddb and linkedom are fine); `npm run test:unit`.
 * - integration: real HTTP servers on 127.0.0.1, spawned CLIs, SQLite/PostgreSQL, feed syncs into
 *   fake IndexedDB, generated feeds.
 * - component: the Preact surfaces (panel, popup, options, report pages) in Debian's Chromium, with a
 *   fake service worker at the message boundary (tests/component/harness).
 * - e2e: the built extension in Chromium and Firefox ESR (tests/e2e/driver).
 */
/** @type {Record<'unit' | 'integration' | 'component' | 'e2e', string[]>} */
export const TIERS = {
  unit: ['src/**/*.test.ts', 'extension/**/*.test.ts', 'extension/**/*.test.tsx', 'tests/unit/**/*.test.ts'],
  integration: ['tests/integration/**/*.test.ts'],
  component: ['tests/component/**/*.component.test.ts'],
  e2e: ['tests/e2e/**/*.e2e.test.ts'],
};
