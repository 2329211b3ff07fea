import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hugePage, typicalPage } from '../../tests/bench/pages';
import { judge } from '../verdict/judge';
import { scanPage } from './scan-page';

/** Every HTML fixture in the repository. */
function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? fixtures(p) : f.endsWith('.html') ? [p] : [];
  });
}

const summary = (html: string, fullWalk: boolean) => {
  const doc = parseHTML(html).document as unknown as Document;
  const r = scanPage(doc, { url: 'https://shop.example.cn/x', fullWalk });
  const { verdict } = judge(r, { lang: 'zh-CN' });
  return {
    ids: r.identifiers.map((i) => `${i.kind}:${i.value}:${i.valid}:${i.label}`).sort(),
    findings: verdict.findings.map((f) => `${f.code}:${f.evidence}`).sort(),
    licenses: r.licenses.map((l) => `${l.name}|${l.uscc}|${l.legalRepresentative}`).sort(),
    badges: r.badges.map((b) => `${b.href}|${b.official}`).sort(),
    level: verdict.level,
  };
};

describe('the fast path finds exactly what a full walk finds', () => {
  const files = fixtures(join(import.meta.dirname, '../../tests/fixtures'));
  it('has fixtures to compare', () => expect(files.length).toBeGreaterThan(5));
  it.each(files.map((f) => [f.split('tests/fixtures/')[1]!, f]))('%s', (_name, file) => {
    const html = readFileSync(file, 'utf8');
    expect(summary(html, false)).toEqual(summary(html, true));
  });
  it('a code in the middle of thousands of whitespace-joined numbers', () => {
    const nums = Array.from({ length: 3000 }, (_, i) => `<li>${100000 + i * 7}</li>`).join('\n');
    const html = `<!doctype html><html><body><ul>${nums}</ul><p>91440101681325547Y</p><ul>${nums}</ul></body></html>`;
    const fast = summary(html, false);
    expect(fast.ids).toEqual(['uscc:91440101681325547Y:true:null']);
    expect(fast).toEqual(summary(html, true));
  });

  it('a negative label at the end of the previous block does not hide a code (found by the property)', () => {
    const html = '<!doctype html><html><body><div><p>电话 </p><p><span>91440101681325547Y</span></p></div></body></html>';
    expect(summary(html, false)).toEqual(summary(html, true));
    expect(summary(html, false).ids).toEqual(['uscc:91440101681325547Y:true:null']);
  });

  it.each([['typical', typicalPage()], ['huge', hugePage()]])('benchmark page %s', (_n, html) => {
    const fast = summary(html, false);
    expect(fast).toEqual(summary(html, true));
    expect(fast.ids).toHaveLength(5);
  });
});

describe('fast path = full walk on generated pages (property)', () => {
  const code = fc.constantFrom('91440101681325547Y', '9144030071526726XG', '91440101681325547X', '440101000123458', '9133010071610585 2F');
  const disguise = (s: string) =>
    fc.constantFrom(
      s,
      s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
      s.replace(/(.{4})/g, '$1 '),
      s.replace(/(.{4})/g, '$1\u200b'),
      s.replace(/(.{6})/g, '$1</span><span>'),
      s.toLowerCase(),
    );
  const piece = fc.oneof(
    code.chain(disguise).map((c) => `<span>${c}</span>`),
    fc.constantFrom('统一社会信用代码：', '統一社會信用代碼', '注册号：', '营业执照', '订单号：', '电话 ', '企业名称：某某公司', '粤ICP备12345678号', '京公网安备 44010602000001号', 'JY14401060123456', '价格 ¥99'),
    fc.integer({ min: 0, max: 1e9 }).map(String),
    fc.constantFrom('<a href="https://zzlz.gsxt.gov.cn/v?serial=91440101681325547Y-SAIC">电子营业执照</a>', '<a href="http://x.example.com/">工商亮照</a>', '<img alt="统一社会信用代码 9144030071526726XG" src="a.png">'),
  );
  const block = fc.tuple(fc.constantFrom('p', 'div', 'td', 'li', 'span', 'footer'), fc.array(piece, { maxLength: 4 })).map(([tag, ps]) => {
    const inner = ps.join('');
    if (tag === 'td') return `<table><tr><td>${ps[0] ?? ''}</td><td>${ps.slice(1).join('')}</td></tr></table>`;
    if (tag === 'li') return `<ul><li>${inner}</li></ul>`;
    return `<${tag}>${inner}</${tag}>`;
  });
  it('agrees', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 30 }), (blocks) => {
        const html = `<!doctype html><html><body><div>${blocks.join('')}</div></body></html>`;
        expect(summary(html, false)).toEqual(summary(html, true));
      }),
      { numRuns: Number(process.env.LZ_PROPERTY_RUNS ?? 300) },
    );
  });
});
