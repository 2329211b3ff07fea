import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { elementOf } from '../../src/scan/evidence';
import { scanPageDetailed } from '../../src/scan/scan-page';
import { scanSnapshot } from '../../src/scan/snapshot';
import type { PageFacts } from '../../src/scan/facts';
import { judge } from '../../src/verdict/judge';
import { runSteps } from './slices';
import { resolveLocator, snapshotSteps, type SnapshotLimits } from './page-snapshot';

const DEMO = join(__dirname, '../../tests/fixtures/demo');
const URL = 'https://shop.example.com/item/1';

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

/** The engine's side, as the offscreen document runs it, with a parser of another window. */
function scanCopy(doc: Document, limits?: SnapshotLimits) {
  const taken = runSteps(snapshotSteps(doc, () => false, limits));
  const parserWindow = new Window({ url: 'chrome-extension://x/offscreen.html' });
  windows.push(parserWindow);
  const parser = new parserWindow.DOMParser();
  const scan = scanSnapshot(taken.snapshot, (html) => parser.parseFromString(html, 'text/html') as unknown as Document, { url: URL });
  return { taken, scan };
}

/** What the engine found and what judge() makes of it (page rules: no lists, no user). */
const summary = (facts: PageFacts) => {
  const { verdict } = judge(facts, { lang: 'zh-CN' });
  return {
    identifiers: facts.identifiers.map((i) => [i.kind, i.value, i.valid, i.label]),
    store: facts.store,
    level: verdict.level,
    findings: verdict.findings.map((f) => [f.code, f.severity]),
  };
};

describe('page snapshots', () => {
  for (const name of ['spoofed-badge', 'borrowed-license', 'invalid-code', 'clean-shop', 'index']) {
    it(`${name}.html: scanning the copy finds what scanning the page finds, and every locator leads to the same element`, () => {
      const doc = page(readFileSync(join(DEMO, `${name}.html`), 'utf8'));
      const live = scanPageDetailed(doc, { url: URL });
      const { taken, scan } = scanCopy(doc);
      expect(summary(scan.facts)).toEqual(summary(live.facts));
      // The evidence's locators, then one per licence picture the page shows (src/scan/licence-pictures.ts).
      const pictures = scan.pictures ?? [];
      expect(scan.locators).toHaveLength(live.locations.length + pictures.length);
      live.locations.forEach((loc, ref) => {
        const want = elementOf(loc);
        if (want && want !== doc.body) expect(resolveLocator(taken.roots, scan.locators[ref]), `ref ${ref}`).toBe(want);
      });
      for (const p of pictures) {
        const img = resolveLocator(taken.roots, scan.locators[p.ref]);
        expect(img?.tagName, p.src).toBe('IMG');
        expect(new globalThis.URL(img!.getAttribute('src')!, URL).href).toBe(p.src);
      }
    });
  }

  it('a large element is written child by child, and parses back to the same tree as its outerHTML', () => {
    const doc = page(readFileSync(join(DEMO, 'spoofed-badge.html'), 'utf8'));
    doc.body.setAttribute('data-x', 'a "quoted" & <odd> value\u00a0');
    doc.body.append(doc.createTextNode('tail & <text>\u00a0'), doc.createComment(' note '));
    const whole = runSteps(snapshotSteps(doc, () => false)).snapshot.parts[0];
    const chunked = runSteps(snapshotSteps(doc, () => false, { chunkElements: 3, maxChars: 1e7 })).snapshot.parts[0];
    expect(whole?.kind === 'document' && whole.body).toBe(doc.body.outerHTML);
    // Serializers differ in what they escape inside attributes; the tree they describe may not.
    const parser = new (page('').defaultView as unknown as Window).DOMParser();
    const tree = (part: typeof whole) => (parser.parseFromString(part?.kind === 'document' ? part.body : '', 'text/html') as unknown as Document).body.outerHTML;
    expect(chunked).not.toEqual(whole); // really written by hand
    expect(tree(chunked)).toBe(tree(whole));
    expect(tree(chunked)).toContain('tail &amp; &lt;text&gt;');
  });

  it('reads open shadow roots (custom-element and empty built-in hosts), not closed ones or our own', () => {
    const doc = page('<!doctype html><html><body><p>店铺首页</p><shop-footer></shop-footer><div id="w"></div><x-closed></x-closed><x-ours></x-ours></body></html>');
    const a = doc.querySelector('shop-footer')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>统一社会信用代码：<span>91440101MA5CKX2R1G</span></p>';
    const inner = a.appendChild(doc.createElement('deep-part'));
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p>粤ICP备2023045678号-1</p>';
    doc.getElementById('w')!.attachShadow({ mode: 'open' }).innerHTML = '<p>京公网安备11010502030000号</p>';
    doc.querySelector('x-closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>沪ICP备2020000001号</p>';
    const ours = doc.querySelector('x-ours')!;
    ours.attachShadow({ mode: 'open' }).innerHTML = '<p>浙ICP备2020000002号</p>';
    const taken = runSteps(snapshotSteps(doc, (el) => el === ours));
    expect(taken.snapshot.parts.map((p) => p.kind)).toEqual(['document', 'shadow', 'shadow', 'shadow']);
    const { scan } = scanCopy(doc);
    const values = scan.facts.identifiers.map((i) => i.value).sort();
    expect(values).toContain('91440101MA5CKX2R1G');
    expect(values.some((v) => v.includes('2023045678'))).toBe(true);
    expect(values.some((v) => v.includes('11010502030000'))).toBe(true);
    expect(values.some((v) => v.includes('2020000001'))).toBe(false);
    // The code's evidence points into the shadow root.
    const ref = scan.facts.identifiers.find((i) => i.value === '91440101MA5CKX2R1G')!.ref!;
    const { roots } = runSteps(snapshotSteps(doc, () => false));
    expect(resolveLocator(roots, scan.locators[ref])?.textContent).toBe('91440101MA5CKX2R1G');
  });

  it('reads the open shadow root of every kind of built-in element that can host one, when it has no light children', () => {
    // The DOM's list (attachShadow throws on any other element); page-snapshot asks only these.
    const capable = ['article', 'aside', 'blockquote', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span'];
    const doc = page(`<!doctype html><html><body>${capable.map((t) => `<${t} data-host></${t}>`).join('')}<div>有内容</div></body></html>`);
    for (const [i, host] of Array.from(doc.querySelectorAll('[data-host]')).entries()) host.attachShadow({ mode: 'open' }).innerHTML = `<p>宿主 ${i}</p>`;
    const taken = runSteps(snapshotSteps(doc, () => false));
    const shadows = taken.snapshot.parts.flatMap((p) => (p.kind === 'shadow' ? [p.html] : []));
    expect(shadows).toEqual(capable.map((_, i) => `<p>宿主 ${i}</p>`));
  });

  it('a locator whose path no longer fits finds the element by its tag and text; one whose element is gone finds nothing', () => {
    const doc = page('<!doctype html><html><body><main><p>统一社会信用代码：<b>91440101MA5CKX2R1G</b></p></main></body></html>');
    const { taken, scan } = scanCopy(doc);
    const ref = scan.facts.identifiers[0]!.ref!;
    const b = doc.querySelector('b')!;
    expect(resolveLocator(taken.roots, scan.locators[ref])).toBe(b);
    doc.querySelector('main')!.prepend(doc.createElement('nav'), doc.createElement('nav'));
    expect(resolveLocator(taken.roots, scan.locators[ref])).toBe(b);
    b.remove();
    expect(resolveLocator(taken.roots, scan.locators[ref])).toBeNull();
    expect(resolveLocator(taken.roots, null)).toBeNull();
  });

  it('a page larger than a snapshot may be is cut, and says so', () => {
    const doc = page(readFileSync(join(DEMO, 'spoofed-badge.html'), 'utf8'));
    const { snapshot } = runSteps(snapshotSteps(doc, () => false, { chunkElements: 50_000, maxChars: 100 }));
    expect(snapshot.truncated).toBe(true);
    expect(snapshot.parts[0]?.kind === 'document' && snapshot.parts[0].body).toBe('');
  });
});
