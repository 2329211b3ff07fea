// `npm run test:component [-- vitest args]`: only the component tier: the Preact surfaces (panel,
// popup, options, report pages) bundled with a fake service worker and driven in Debian's Chromium
// (vitest.component.config.ts). Needs no extension build.
import { ensureBrowsers, ensureDependencies, run } from './ensure.mjs';

try {
  ensureDependencies();
  process.env.CHROMIUM_PATH ??= ensureBrowsers(['chromium']).chromium;
  run('npx', ['vitest', 'run', '--config', 'vitest.component.config.ts', ...process.argv.slice(2)]);
} catch (error) {
  console.error(`test:component failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
