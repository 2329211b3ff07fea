// `npm test`: every test, on a fresh clone with nothing installed first, cheapest tier first.
// Steps: dependencies → PostgreSQL (installed where apt-get can run, for the receiver's tests) →
// lint ∥ type-check ∥ unit tier (in parallel) → integration tier → browsers →
// build → component tier (Preact surfaces in Chromium) → end-to-end tier (the built extension in
// Chromium and Firefox ESR). Prints the time of each step, and of each tier at the end.
import { ensureBrowsers, ensureDependencies, ensurePostgres, run, runCaptured } from './ensure.mjs';

const started = Date.now();
const times = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function step(name, fn) {
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  fn();
  times.push([name, Date.now() - t]);
}

/**
 * Runs commands side by side; each one's output is printed whole when it ends (so they do not
 * interleave), headed by its time. Throws after all have ended if any failed.
 */
async function parallel(jobs) {
  const t = Date.now();
  console.log(`\n=== ${jobs.map((j) => j.name).join(' ∥ ')} ===`);
  const results = await Promise.all(
    jobs.map(async ({ name, cmd, args }) => {
      const res = await runCaptured(cmd, args);
      console.log(`\n--- ${name}: ${res.code === 0 ? 'passed' : 'FAILED'} in ${seconds(res.ms)} ---\n${res.output.trimEnd()}`);
      times.push([name, res.ms]);
      return { name, ...res };
    }),
  );
  times.push([`(${jobs.map((j) => j.name).join(' ∥ ')}: wall)`, Date.now() - t]);
  const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
  if (failed.length) throw new Error(`${failed.join(', ')} failed`);
}

const vitest = (config) => ['vitest', 'run', ...(config ? ['--config', config] : [])];

try {
  step('dependencies', () => ensureDependencies());
  step('postgresql', () => {
    // Installed where apt-get can run (CI); then its tests must run, not skip.
    if (ensurePostgres()) process.env.LIANGZHAO_REQUIRE_POSTGRES = '1';
  });
  await parallel([
    { name: 'lint', cmd: 'npm', args: ['run', 'lint'] },
    { name: 'type-check', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
    { name: 'unit tier', cmd: 'npx', args: vitest(null) },
  ]);
  step('integration tier', () => run('npx', vitest('vitest.integration.config.ts')));
  step('browsers', () => {
    const paths = ensureBrowsers(['chromium', 'firefox']);
    process.env.CHROMIUM_PATH ??= paths.chromium;
    process.env.FIREFOX_PATH ??= paths.firefox;
  });
  step('build', () => run('node', ['scripts/build-extension.mjs']));
  step('component tier', () => run('npx', vitest('vitest.component.config.ts')));
  step('e2e tier', () => run('npx', vitest('vitest.e2e.config.ts')));
  console.log(`\nnpm test: all steps passed in ${seconds(Date.now() - started)}`);
  for (const [name, ms] of times) console.log(`  ${name.padEnd(44)} ${seconds(ms).padStart(7)}`);
} catch (error) {
  console.error(`\nnpm test failed: ${error instanceof Error ? error.message : error}`);
  for (const [name, ms] of times) console.error(`  ${name.padEnd(44)} ${seconds(ms).padStart(7)}`);
  process.exit(1);
}
