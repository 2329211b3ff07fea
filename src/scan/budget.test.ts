import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LAST_FILING, hostilePage } from '../../tests/bench/hostile-pages';
import { judge, judged } from '../verdict/judge';
import { ScanBudget } from './budget';
import { scanPage } from './scan-page';
import { scanSnapshot } from './snapshot';

const URL = 'https://shop.example.cn/item/1';
const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** A clock that moves one step each time it is read: the budget runs out after a set number of looks, the same on every run. */
function ticking(): () => number {
  let t = 0;
  return () => t++;
}

/** A spoofed badge first, then a long page of hint words, then a filing at its very end. */
const page = () => hostilePage('hints', 1000).replace('<body>', '<body><a href="https://evil.example/verify"><img alt="电子营业执照亮照" src="/b.png"></a>');

describe('a scan over its budget', () => {
  it('answers with what it read, says it read only part, and judges that part', () => {
    // How many looks at the clock a whole reading takes; then a budget a few looks short of it.
    const clock = ticking();
    scanPage(parse(page()), { url: URL, budget: ScanBudget.of(1e9, clock) });
    const looks = clock();
    const facts = scanPage(parse(page()), { url: URL, budget: ScanBudget.of(looks - 4, ticking()) });
    expect(facts.partial).toBe('time');
    // The end of the page was not read…
    expect(facts.identifiers.map((i) => i.value)).not.toContain(LAST_FILING);
    // …but its beginning was, and counts.
    const verdict = judge(facts, { lang: 'en' }).verdict;
    expect(verdict.level).toBe('danger');
    expect(verdict.findings.map((f) => f.code)).toEqual(['badge-spoofed', 'page-partly-read']);
    expect(verdict.findings[1]!.message).toBe('Only part of this page could be read (reading it took too long); the rest was not checked');
  });

  it('never calls a page read in part clean or licence-less: the note is there, and no licence-missing', () => {
    const html = '<!doctype html><html><body><div>新款 春季</div>' + '<p>备案 资质</p>'.repeat(5000) + '<button>加入购物车</button><span>¥ 99</span></body></html>';
    const facts = scanPage(parse(html), { url: URL, budget: ScanBudget.of(2, ticking()) });
    const result = judged(facts, judge(facts, { lang: 'zh-CN' }).verdict);
    expect(facts.store).toBeNull();
    expect(result.verdict.findings.map((f) => f.code)).toEqual(['page-partly-read']);
    // Nothing was found in the part read: never "ok" (a green ✓, "credentials found"). The level is
    // "none" and the popup shows the note under it.
    expect(result.verdict.level).toBe('none');
  });

  it('reads the whole page when the budget allows, and says nothing about it', () => {
    const facts = scanPage(parse(page()), { url: URL, budget: ScanBudget.of(1e9, ticking()) });
    expect(facts.partial).toBeUndefined();
    expect(facts.identifiers.map((i) => i.value)).toContain(LAST_FILING);
  });

  it('says so for a snapshot cut at its size limit', () => {
    const body = '<body><p>粤ICP备12345678号</p></body>';
    const scan = scanSnapshot({ parts: [{ kind: 'document', head: '<head></head>', body }], truncated: true }, parse, { url: URL });
    expect(scan.facts.partial).toBe('size');
    expect(judge(scan.facts, { lang: 'en' }).verdict.findings.map((f) => f.code)).toContain('page-partly-read');
  });

  it('reads a long text in slices, finding nothing twice and losing nothing at their edges', () => {
    // One line of 600,000 characters: three slices and more.
    const cards = scanPage(parse(hostilePage('cards', 9000)), { url: URL });
    expect(cards.licenses).toHaveLength(9000);
    expect(cards.identifiers.filter((i) => i.kind === 'uscc').reduce((n, i) => n + i.count, 0)).toBe(9000);
    const sentence = scanPage(parse(hostilePage('sentence', 20000)), { url: URL });
    expect(sentence.identifiers.find((i) => i.kind === 'uscc')?.count).toBe(20000);
  });
});
