import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TIERS, type Tier } from '../tiers.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** `**` (any directories) and `*` (within one name): all the globs tests/tiers.mjs uses. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

function testFiles(dir: string): string[] {
  return readdirSync(join(repo, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(join(repo, path)).isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const tiersOf = (file: string) => (Object.keys(TIERS) as Tier[]).filter((tier) => TIERS[tier].some((g) => globToRegExp(g).test(file)));
const all = ['src', 'extension', 'tests'].flatMap(testFiles).map((f) => relative('.', f));

/**
 * What a unit test must not do: it belongs in tests/integration/. Each entry of ALLOWED says why a
 * unit file may still do it.
 */
const INTEGRATION_ONLY: [string, RegExp][] = [
  ['an HTTP server', /\bcreateServer\b|startReceiver|FeedServer/],
  ['a child process', /node:child_process/],
  ['a database', /better-sqlite3|sqlite-store|from 'pg'|postgres/],
  ['a built feed', /buildFeed|build-sample|tests\/integration\/feed/],
  ['a browser', /playwright-core|puppeteer-core/],
];
const ALLOWED: Record<string, string> = {
  // One `node generate-big-listing.mjs --check` (≈0.1 s): the demo pages' verdicts, which every
  // engine change must keep, stay in the fast tier with the check that the fixture is current.
  'src/platforms/demo-pages.test.ts': 'a child process',
};

describe('test tiers (tests/tiers.mjs)', () => {
  it('puts every test file in exactly one tier', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const file of all) expect(tiersOf(file), file).toHaveLength(1);
  });

  it('keeps servers, processes, databases, feeds and browsers out of the unit tier', () => {
    const offenders: string[] = [];
    for (const file of all.filter((f) => tiersOf(f)[0] === 'unit' && f !== 'tests/unit/tiers.test.ts')) {
      const text = readFileSync(join(repo, file), 'utf8');
      for (const [what, pattern] of INTEGRATION_ONLY) if (pattern.test(text) && ALLOWED[file] !== what) offenders.push(`${file}: ${what}`);
    }
    expect(offenders).toEqual([]);
  });

  it('matches globs as vitest does for the patterns used', () => {
    expect(globToRegExp('src/**/*.test.ts').test('src/a.test.ts')).toBe(true);
    expect(globToRegExp('src/**/*.test.ts').test('src/a/b/c.test.ts')).toBe(true);
    expect(globToRegExp('tests/e2e/**/*.e2e.test.ts').test('tests/e2e/a.test.ts')).toBe(false);
  });
});
