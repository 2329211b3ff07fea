import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveLocator, snapshotSteps } from '../../extension/content/page-snapshot';
import { runSteps } from '../../extension/content/slices';
import { elementOf } from '../../src/scan/evidence';
import { scanPageDetailed } from '../../src/scan/scan-page';
import { scanSnapshot } from '../../src/scan/snapshot';
import { judge } from '../../src/verdict/judge';

/**
 * The extension's path for the issue-14 demo pages: the content script's snapshot of the page,
 * scanned in an extension document (offscreen / background) as the built extension does it, reads
 * every new kind, and each locator leads back to the element on the page.
 */
const PAGES = join(import.meta.dirname, '../fixtures/forms/pages');
const URL = 'https://tickets.example.cn/show/1';

let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

function page(html: string): Document {
  const win = new Window({ url: URL });
  windows.push(win);
  const doc = win.document as unknown as Document;
  doc.write(html);
  return doc;
}

function scanCopy(doc: Document) {
  const taken = runSteps(snapshotSteps(doc, () => false));
  const parserWindow = new Window({ url: 'chrome-extension://x/offscreen.html' });
  windows.push(parserWindow);
  const parser = new parserWindow.DOMParser();
  const scan = scanSnapshot(taken.snapshot, (html) => parser.parseFromString(html, 'text/html') as unknown as Document, { url: URL });
  return { taken, scan };
}

describe('issue-14 demo pages through the snapshot path', () => {
  it('media-shop.html: every kind added in issue 14 is read from the snapshot, and found again on the page', () => {
    const doc = page(readFileSync(join(PAGES, 'media-shop.html'), 'utf8'));
    const live = scanPageDetailed(doc, { url: URL });
    const { taken, scan } = scanCopy(doc);
    const kinds = new Set(scan.facts.identifiers.map((i) => i.kind));
    for (const k of ['broadcast-license', 'av-program-license', 'performance-license', 'online-publishing-license', 'drug-device-info-filing', 'food-circulation', 'drug-info', 'icp-license', 'psb-filing', 'publication'] as const) {
      expect(kinds, k).toContain(k);
    }
    expect(scan.facts.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual(live.facts.identifiers.map((i) => `${i.kind}:${i.value}`));
    expect(judge(scan.facts, { lang: 'zh-CN' }).verdict).toEqual({ level: 'ok', findings: [] });
    live.locations.forEach((loc, ref) => {
      const want = elementOf(loc);
      if (want && want !== doc.body) expect(resolveLocator(taken.roots, scan.locators[ref]), `ref ${ref}`).toBe(want);
    });
  });

  it('traditional-shop.html: the Traditional licence card is read from the snapshot as on the page', () => {
    const doc = page(readFileSync(join(PAGES, 'traditional-shop.html'), 'utf8'));
    const { scan } = scanCopy(doc);
    expect(scan.facts.licenses).toEqual([expect.objectContaining({ name: '深圳市滙豐衞浴有限公司', uscc: '91440300MA5FX3K21E' })]);
    expect(scan.facts.identifiers.map((i) => i.kind).sort()).toEqual(['icp-filing', 'psb-filing', 'publication', 'uscc']);
  });
});
