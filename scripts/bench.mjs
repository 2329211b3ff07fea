// `npm run bench -- [--json FILE]`: figures for speed and memory targets, measured in real Chromium.
import { ensureBrowsers, ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
const { chromium } = ensureBrowsers(['chromium']);
process.env.CHROMIUM_PATH ??= chromium;
run('npx', ['tsx', 'tests/bench/run-bench.ts', ...process.argv.slice(2)]);
