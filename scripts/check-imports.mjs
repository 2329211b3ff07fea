// Part of `npm run lint`: (1) proves that each import restriction of eslint.config.js fires where it
// should and only there (a restriction that never fires is not one), (2) fails on any file-level
// import cycle in src/ and extension/ (madge). `node scripts/import-map.mjs` shows the folder level.
import { ESLint } from 'eslint';
import { cyclesOf, folderOf, isTest, loadImportGraph } from './import-graph.mjs';
import { root } from './ensure.mjs';

const RESTRICTIONS = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** [where, code, whether a restriction must fire]: probes linted as if they were that file. */
const PROBES = [
  // The shipped core: no node-only code, no browser extension APIs, no extension/.
  ['src/scan/probe.ts', "import { readFile } from 'node:fs/promises';", true],
  ['src/scan/probe.ts', "import { join } from 'path';", true],
  ['src/scan/probe.ts', "import { createHash } from 'crypto';", true],
  ['src/scan/probe.ts', "import Database from 'better-sqlite3';", true],
  ['src/scan/probe.ts', "import type { Pool } from 'pg';", true],
  ['src/scan/probe.ts', "import { parseHTML } from 'linkedom';", true],
  ['src/scan/probe.ts', "import iconv from 'iconv-lite';", true],
  ['src/scan/probe.ts', "import { parseArgs } from '../tools/cli/command';", true],
  ['src/verdict/rules/probe.ts', "export { applyFeed } from '../../tools/feed/apply-feed';", true],
  ['src/types-probe.ts', "export * from './tools/receiver/server';", true],
  ['src/scan/probe.ts', "export const load = () => import('node:fs');", true],
  ['src/scan/probe.ts', "export const load = () => import('../tools/feed/dir-transport');", true],
  ['src/scan/probe.ts', "export type Pool = import('pg').Pool;", true],
  ['src/scan/probe.ts', "import browser from 'webextension-polyfill';", true],
  ['src/scan/probe.ts', "import { send } from '../../extension/protocol/send';", true],
  ['src/scan/probe.ts', "import { toHex } from '../feed/bytes';", false],
  ['src/scan/probe.ts', "import { scanPage } from './scan-page';", false],
  // The extension: browser APIs yes, node-only code no.
  ['extension/background/probe.ts', "import { readFileSync } from 'node:fs';", true],
  ['extension/background/probe.ts', "import { readFileSync } from 'fs';", true],
  ['extension/background/probe.ts', "import Database from 'better-sqlite3';", true],
  ['extension/background/probe.ts', "import pg from 'pg';", true],
  ['extension/offscreen/probe.ts', "import { parseHTML } from 'linkedom';", true],
  ['extension/offscreen/probe.ts', "import iconv from 'iconv-lite';", true],
  ['extension/background/probe.ts', "import { startReceiver } from '../../src/tools/receiver/server';", true],
  ['extension/background/probe.ts', "export const load = () => import('../../src/tools/feed/dir-transport');", true],
  ['extension/panel/probe.tsx', "export const load = () => import('better-sqlite3');", true],
  ['extension/background/probe.ts', "import browser from 'webextension-polyfill';", false],
  ['extension/background/probe.ts', "import { scanPage } from '../../src/scan/scan-page';", false],
  // The tools run in node: node-only code yes, browser extension APIs no.
  ['src/tools/cli/probe.ts', "import { readFile } from 'node:fs/promises';", false],
  ['src/tools/feed/build/probe.ts', "import iconv from 'iconv-lite';", false],
  ['src/tools/receiver/probe.ts', "import Database from 'better-sqlite3';", false],
  ['src/tools/cli/probe.ts', "import { scanPage } from '../../scan/scan-page';", false],
  ['src/tools/cli/probe.ts', "import browser from 'webextension-polyfill';", true],
  // Tests never ship: they may read fixtures and parse with linkedom.
  ['src/scan/probe.test.ts', "import { parseHTML } from 'linkedom';", false],
  ['extension/content/probe.test.ts', "import { readFileSync } from 'node:fs';", false],
];

async function checkRestrictions() {
  const eslint = new ESLint({ cwd: root });
  const failures = [];
  for (const [where, code, mustFire] of PROBES) {
    const [result] = await eslint.lintText(`${code}\n`, { filePath: `${root}/${where}`, warnIgnored: true });
    const fired = result.messages.filter((m) => RESTRICTIONS.has(m.ruleId ?? ''));
    const broken = result.messages.filter((m) => m.fatal);
    if (broken.length) failures.push(`${where}: ${code}\n    does not parse: ${broken[0].message}`);
    else if (fired.length === 0 && mustFire) failures.push(`${where}: ${code}\n    no restriction fired`);
    else if (fired.length > 0 && !mustFire) failures.push(`${where}: ${code}\n    ${fired[0].ruleId} fired: ${fired[0].message}`);
  }
  return failures;
}

/** File-level cycles, and folder-level ones: no import may run back up from a lower floor. */
async function checkCycles() {
  const { graph, cycles } = await loadImportGraph();
  const folders = new Map();
  for (const [file, deps] of Object.entries(graph)) {
    if (isTest(file)) continue;
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const dep of deps) if (folderOf(dep) !== from) folders.get(from).add(folderOf(dep));
  }
  return [
    ...cycles.map((cycle) => `import cycle: ${[...cycle, cycle[0]].join(' → ')}`),
    ...cyclesOf(new Map([...folders].map(([f, to]) => [f, [...to]]))).map((c) => `folder-level cycle: ${c.join(' ↔ ')} (node scripts/import-map.mjs shows the files behind it)`),
  ];
}

const [restrictions, cycles] = await Promise.all([checkRestrictions(), checkCycles()]);
if (restrictions.length) console.error(`Import restrictions of eslint.config.js that do not hold:\n  ${restrictions.join('\n  ')}`);
if (cycles.length) console.error(`${cycles.length} import cycle(s) (break them: a cycle makes load order and tree-shaking fragile):\n  ${cycles.join('\n  ')}`);
if (restrictions.length || cycles.length) process.exit(1);
console.log(`[check-imports] ${PROBES.length} import restriction probes hold; no import cycle in src/ and extension/, file or folder`);
