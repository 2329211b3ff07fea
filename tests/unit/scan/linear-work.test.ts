import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanSnapshot, type SnapshotScan } from '../../../src/scan/snapshot';
import { judge } from '../../../src/verdict/judge';
import { BASE_REPEATS, HOSTILE_SHAPES, LAST_FILING, hostilePage, type HostileShape } from '../../bench/hostile-pages';
import { countWork } from './work-meter';

/**
 * Issue 15: scan work grows linearly with the page, whatever the page repeats. Work is counted
 * (work-meter.ts), not timed: ten times the page must cost at most about ten times the work. The
 * figures in seconds are `npm run bench`'s (hostile section).
 */
const GROWTH = 10;
/** Slack over exactly linear: fixed costs make the small page a little dearer per repeat, never cheaper. */
const SLACK = 1.3;
const URL = 'https://shop.example.cn/item/1';

/** Parses outside the count (the parser is not the engine), then scans and judges as the extension does. */
function scanCounted(shape: HostileShape, repeats: number): { work: number; scan: SnapshotScan } {
  const html = hostilePage(shape, repeats);
  const body = /<body>[\s\S]*<\/body>/.exec(html)![0];
  const parsed = new Map<string, Document>();
  const whole = `<!doctype html><html><head></head>${body}</html>`;
  parsed.set(whole, parseHTML(whole).document as unknown as Document);
  const { result: scan, work } = countWork(() => {
    const scan = scanSnapshot({ parts: [{ kind: 'document', head: '<head></head>', body }], truncated: false }, (h) => parsed.get(h)!, { url: URL });
    judge(scan.facts, { lang: 'zh-CN' });
    return scan;
  });
  return { work, scan };
}

describe('the engine does linear work on hostile pages', () => {
  for (const shape of HOSTILE_SHAPES) {
    it(`${shape}: ${GROWTH}× the repeats cost at most ${GROWTH}× the work`, () => {
      // Nesting past 512 levels is cut before parsing (nesting-cut.test.ts): measure below that.
      const small = shape === 'nesting' ? 50 : Math.max(1, Math.round(BASE_REPEATS[shape] / 5));
      const a = scanCounted(shape, small);
      const b = scanCounted(shape, small * GROWTH);
      expect(b.work / a.work, `work ${a.work} → ${b.work}`).toBeLessThan(GROWTH * SLACK);
      // And the bigger page was read to its end.
      expect(b.scan.facts.identifiers.map((i) => i.value)).toContain(LAST_FILING);
    });
  }
});

describe('what is kept per identifier is capped, the count is exact', () => {
  it('keeps one piece of evidence for a code shown 6,000 times, and says 6,000', () => {
    const { scan } = scanCounted('sentence', 6000);
    const ids = scan.facts.identifiers.filter((i) => i.value !== LAST_FILING);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ value: '91440101681325547Y', count: 6000 });
    // One place to point at per identifier, not one per repeat.
    expect(scan.locators.length).toBeLessThan(10);
  });
});
