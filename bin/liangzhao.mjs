#!/usr/bin/env node
// The `liangzhao` command. The TypeScript sources are bundled by `npm ci` (the prepare script);
// build them here if that has not happened yet.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'build', 'cli.mjs');
if (!existsSync(cli)) {
  const res = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('liangzhao: could not build the command line; run `npm ci` in ' + root);
    process.exit(2);
  }
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
