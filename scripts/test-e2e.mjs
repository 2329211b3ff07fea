// `npm run test:e2e [-- vitest args]`: only the end-to-end tier: browsers → build → the built
// extension in Debian's Chromium and Firefox ESR (vitest.e2e.config.ts).
import { ensureBrowsers, ensureDependencies, run } from './ensure.mjs';

try {
  ensureDependencies();
  const paths = ensureBrowsers(['chromium', 'firefox']);
  process.env.CHROMIUM_PATH ??= paths.chromium;
  process.env.FIREFOX_PATH ??= paths.firefox;
  run('node', ['scripts/build-extension.mjs']);
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
} catch (error) {
  console.error(`test:e2e failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
