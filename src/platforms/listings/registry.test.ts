import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ListingSite } from './listing-site';
import { LISTING_SITES, listingSiteForHost } from './registry';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../../tests/fixtures/listings');
const manifest = JSON.parse(readFileSync(join(here, '../../../manifest.json'), 'utf8')) as { content_scripts: { js: string[]; matches: string[]; exclude_matches?: string[] }[] };
const NOT_SITES = new Set(['registry.ts', 'listing-site.ts']);

describe('search and listing sites', () => {
  const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_SITES.has(f));

  it.each(files)('registers %s under its own name', async (file) => {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(join(here, file)).href)) as { default?: ListingSite };
    expect(mod.default, `${file} must default-export defineListing({...})`).toBeDefined();
    expect(LISTING_SITES, `${file} is not added in registry.ts`).toContain(mod.default);
    expect(file.replace(/\.ts$/, '')).toBe(mod.default!.id);
  });

  it('covers the search engines the issue names and the shopping platforms with shops of their own', () => {
    expect(LISTING_SITES.map((s) => s.id)).toEqual(expect.arrayContaining(['baidu', 'bing', 'sogou', 'so360', 'taobao-search', 'alibaba-1688-search']));
    expect(listingSiteForHost('cn.bing.com')?.id).toBe('bing');
    expect(listingSiteForHost('www.example.com')).toBeNull();
  });

  it('the search-marks script runs on exactly these pages, and the shop scanner on none of them', () => {
    const marks = manifest.content_scripts.find((c) => c.js.some((j) => j.includes('search/search-marks')));
    const shop = manifest.content_scripts.find((c) => c.js.some((j) => j.includes('content/content-script')));
    const all = LISTING_SITES.flatMap((s) => s.matches);
    expect([...(marks?.matches ?? [])].sort()).toEqual([...all].sort());
    expect([...(shop?.exclude_matches ?? [])].sort()).toEqual([...all].sort());
  });

  it.each(LISTING_SITES.map((s) => s.id))('%s: every result of its fixture leads where it says', (id) => {
    const site = LISTING_SITES.find((s) => s.id === id)!;
    const file = join(fixtures, `${id}.html`);
    expect(existsSync(file), `tests/fixtures/listings/${id}.html`).toBe(true);
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const page = new URL(`https://${site.hosts[0]}/s?q=test`);
    const results = [...document.querySelectorAll(site.results)] as unknown as Element[];
    const described = [...document.querySelectorAll('[data-expect]')].filter((e) => e.getAttribute('data-expect') !== 'skip');
    // Every result the fixture describes is found, and nothing it marks "skip" (not a result at all).
    expect(results).toEqual(described);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.map((r) => site.target(r, page) ?? 'none')).toEqual(results.map((r) => r.getAttribute('data-expect')));
    for (const r of results) if (site.target(r, page)) expect(r.querySelector(site.title), `${id}: a result without a title`).not.toBeNull();
  });
});
