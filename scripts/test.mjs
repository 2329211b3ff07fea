// `npm test`: every test, on a fresh clone with nothing installed first.
// Steps: dependencies → lint → type-check → PostgreSQL (installed where apt-get can run, for the
// receiver's tests) → unit tests (node) → build → end-to-end tests in
// Debian's Chromium and Firefox ESR against the built extension.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowsers, ensureDependencies, ensurePostgres, root, run } from './ensure.mjs';

const started = Date.now();
const steps = [];
function step(name, fn) {
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  fn();
  steps.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)}s`);
}

try {
  step('dependencies', () => ensureDependencies());
  step('lint', () => run('npm', ['run', 'lint']));
  step('type-check', () => run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
  step('postgresql', () => {
    // Installed where apt-get can run (CI); then its tests must run, not skip.
    if (ensurePostgres()) process.env.LIANGZHAO_REQUIRE_POSTGRES = '1';
  });
  step('unit tests', () => run('npx', ['vitest', 'run']));
  if (existsSync(join(root, 'vitest.e2e.config.ts'))) {
    step('browsers', () => {
      const paths = ensureBrowsers(['chromium', 'firefox']);
      process.env.CHROMIUM_PATH ??= paths.chromium;
      process.env.FIREFOX_PATH ??= paths.firefox;
    });
    step('build', () => run('node', ['scripts/build-extension.mjs']));
    step('end-to-end tests', () => run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']));
  }
  console.log(`\nnpm test: all steps passed in ${((Date.now() - started) / 1000).toFixed(0)}s (${steps.join(', ')})`);
} catch (error) {
  console.error(`\nnpm test failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
