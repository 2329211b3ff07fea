import { orgcodeCheckChar, usccCheckChar } from '../../src/identifiers/checks';

/**
 * Hostile page shapes (issue 15): each repeats one thing a scam shop can repeat at no cost, so that
 * scan time at 1×, 10× and 100× shows whether the engine stays linear. Shared by the benchmark
 * (`npm run bench`, figures) and the unit test that counts the engine's work (no timings).
 */
export type HostileShape = 'sentence' | 'identifiers' | 'labels' | 'hints' | 'badges' | 'cards' | 'table' | 'digits' | 'nesting';

export const HOSTILE_SHAPES: readonly HostileShape[] = ['sentence', 'identifiers', 'labels', 'hints', 'badges', 'cards', 'table', 'digits', 'nesting'];

/** Repeats at 1×: 100× of the sentence is the issue's 60,000 repeats; 100× of nesting its 200,000 levels. */
export const BASE_REPEATS: Record<HostileShape, number> = {
  sentence: 600,
  identifiers: 600,
  labels: 600,
  hints: 600,
  badges: 300,
  cards: 300,
  table: 300,
  digits: 2000,
  nesting: 2000,
};

/** Valid USCCs (check characters right), so that every repeat is a real find, not noise. */
const USCCS = ['91440101681325547Y', '91350100M000100Y43', '91110000802100433B', '913100007109332530'];

/** Every page ends with this filing, after all it repeats: found only when the page was read to its end. */
export const LAST_FILING = '粤ICP备12345678号';

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>店铺</title></head><body>${body}<footer><p>${LAST_FILING}</p></footer></body></html>`;

/** The page of one shape with `repeats` repeats. */
export function hostilePage(shape: HostileShape, repeats: number): string {
  const n = Math.max(1, Math.round(repeats));
  const times = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
  switch (shape) {
    case 'sentence':
      // The issue's page: one licence sentence again and again, in one paragraph (one long line).
      return page(`<p>${times(() => '本店营业执照注册号：91440101681325547Y，欢迎选购。')}</p>`);
    case 'identifiers':
      // Unlabelled valid codes on one line: each is checked for an "order number" context before it.
      return page(`<div>${times((i) => `编号 ${USCCS[i % USCCS.length]}；`)}</div>`);
    case 'labels':
      // Labels with no value: each looks for a value beside it and in a table row below it.
      return page(`<div>${times(() => '统一社会信用代码：\t')}</div><div>见下</div>`);
    case 'hints':
      // Hint words in elements of their own: each is a region to read in full.
      return page(`<ul>${times((i) => `<li><span>备案 ${i}</span> <b>许可</b> <i>资质</i></li>`)}</ul>`);
    case 'badges':
      // Verification badges, each a link carrying a code the page does not show: every one is a
      // mismatch with every code the page does show (one new code per repeat).
      return page(times((i) => `<p>统一社会信用代码：${usccNumber(2 * i)}</p><a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=${usccNumber(2 * i + 1)}-SAIC_SHOW_1"><img alt="电子营业执照亮照" src="/b${i}.png"></a>`));
    case 'cards':
      // Licence cards one after another on one line.
      return page(`<div>${times((i) => `营业执照信息 企业名称：某某${i}公司 统一社会信用代码：${USCCS[i % USCCS.length]} 法定代表人：张三 类型：有限责任公司 `)}</div>`);
    case 'table':
      // A header row of labels and a row of values below it, again and again.
      return page(`<table>${times((i) => `<tr><th>统一社会信用代码</th><th>企业名称</th><th>法定代表人</th></tr><tr><td>${USCCS[i % USCCS.length]}</td><td>某某${i}公司</td><td>张三</td></tr>`)}</table>`);
    case 'digits':
      // One endless spaced number: every digit could start a code, and all of it is one run.
      return page(`<p>${times(() => '1  ')}</p>`);
    case 'nesting':
      // A licence at the bottom of a very deep tree.
      return page(`${'<div>'.repeat(n)}营业执照注册号：91440101681325547Y${'</div>'.repeat(n)}`);
  }
}

/** The n-th of a series of valid USCCs (a company in Guangzhou with organization code n). */
export function usccNumber(n: number): string {
  const org8 = String(10_000_000 + n).slice(-8);
  const first17 = `91440101${org8}${orgcodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}
