import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Level } from '../types';
import { checkUscc } from '../identifiers/checks';
import { scanPage } from '../scan/scan-page';
import { judge } from '../verdict/judge';
import { classifyPage } from './classify-page';

/*
 * The demo store pages (tests/fixtures/demo/) are what `npm start` serves and the end-to-end tests
 * open. This checks them in node against their written expectations (expected.json), so a page
 * edit that changes its verdict is caught before a browser is involved.
 */

const demo = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/demo');

interface Expectation {
  level: Level;
  findings: Record<string, number>;
  absent: string[];
  identifiers?: string[];
}
const expected = (JSON.parse(readFileSync(join(demo, 'expected.json'), 'utf8')) as { pages: Record<string, Expectation> }).pages;

function verdict(file: string) {
  const url = `http://127.0.0.1:8080/${file}`;
  const doc = parseHTML(readFileSync(join(demo, file), 'utf8')).document as unknown as Document;
  const scan = scanPage(doc, { url });
  const page = classifyPage(url, doc);
  const { verdict } = judge(scan, { lang: 'zh-CN' });
  return { doc, scan, page, findings: verdict.findings, level: verdict.level };
}

describe('demo store pages', () => {
  it.each(Object.entries(expected))('%s gives its expected verdict', (file, exp) => {
    const v = verdict(file);
    const codes = v.findings.map((f) => f.code);
    expect(v.level).toBe(exp.level);
    for (const [code, n] of Object.entries(exp.findings)) expect(codes.filter((c) => c === code)).toHaveLength(n);
    for (const code of exp.absent) expect(codes).not.toContain(code);
    if (exp.identifiers) expect(v.scan.identifiers.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([...exp.identifiers].sort());
  });

  it('classifies every store page as a high-confidence shop, and the index as none', () => {
    for (const file of Object.keys(expected)) {
      const { page } = verdict(file);
      expect(page.platform).toBeNull();
      expect(page.shopConfidence, file).toBe(file === 'index.html' ? 'none' : 'high');
    }
  });

  it('uses the codes README.md describes', () => {
    for (const ok of ['91440101MA5CKX2R1G', '91440300MA5G8N2T36', '91330106MA2H3P7L4H', '91310115MA1K4QW82W', '91440106MA9W3JT614']) expect(checkUscc(ok)).toEqual([]);
    expect(checkUscc('91110105MA01R7KX5X')).toEqual(['check-character']);
  });

  it('has a big listing of more than 5,000 elements', () => {
    const { doc } = verdict('big-listing.html');
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(5000);
  });

  it('keeps big-listing.html in step with its generator', () => {
    expect(() => execFileSync(process.execPath, [join(demo, 'generate-big-listing.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('needs no external resources', () => {
    for (const file of Object.keys(expected)) {
      const html = readFileSync(join(demo, file), 'utf8');
      expect(html, file).not.toMatch(/<(?:script|img|link|iframe)[^>]+(?:src|href)="(?:https?:)?\/\//i);
    }
  });
});
