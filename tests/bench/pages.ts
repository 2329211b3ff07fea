/**
 * Generated store pages for benchmarks: deterministic, so runs compare. Each hides a few
 * identifiers the naive way misses (full-width, split across elements, zero-width characters).
 */
const WORDS = '新款 春季 男士 女士 纯棉 加厚 保暖 透气 百搭 韩版 修身 宽松 休闲 运动 商务 简约 时尚 潮流 正品 包邮 现货 特价 限时 秒杀 爆款 热卖'.split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function words(r: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += WORDS[Math.floor(r() * WORDS.length)];
  return out;
}

/** A product card: ~16 nodes. */
function card(r: () => number, i: number, reviewWords: number): string {
  const price = (r() * 500 + 9).toFixed(2);
  return `<li class="item"><a href="/item/${i}.html"><img src="/img/${i}.jpg" alt="${words(r, 2)}"></a>` +
    `<div class="title"><a href="/item/${i}.html">${words(r, 6)}</a></div>` +
    `<div class="price"><span>¥</span><em>${price}</em></div>` +
    `<div class="meta"><span>月销 ${Math.floor(r() * 9999)}</span><span>订单号 ${Math.floor(r() * 1e15)}${Math.floor(r() * 1e3)}</span></div>` +
    `<p class="review">${words(r, reviewWords)}</p><button>加入购物车</button></li>`;
}

const FOOTER = `<footer class="footer">
  <div class="license"><h3>营业执照信息</h3><table>
    <tr><td>企业名称</td><td>广州某某科技有限公司</td></tr>
    <tr><td>統一社會信用代碼</td><td>９１４４０１０１６８１３２５５４７Ｙ</td></tr>
    <tr><td>法定代表人</td><td>张三</td></tr><tr><td>住所</td><td>广州市天河区某路1号</td></tr></table></div>
  <p>营业执照注册号：<span>9144</span><span>0300</span><span>7152</span>6726XG</p>
  <p>粤ICP备12345678号-1 粤公网安备 44010602000001号 食品经营许可证 JY1440106012\u200b3456</p>
  <a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=91440101681325547Y-SAIC_SHOW_1"><img alt="电子营业执照" src="/b.png"></a>
</footer>`;

/** About 5,000 nodes: a typical listing or product page. */
export function typicalPage(): string {
  const r = rng(1);
  const items = Array.from({ length: 300 }, (_, i) => card(r, i, 4)).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>店铺首页</title></head><body>
    <header><nav>${Array.from({ length: 40 }, (_, i) => `<a href="/c/${i}">${words(r, 2)}</a>`).join('')}</nav></header>
    <main><ul class="grid">${items}</ul></main>${FOOTER}</body></html>`;
}

/** About 50,000 nodes and 2 MB of text: an endless-scroll page after a long session. */
export function hugePage(): string {
  const r = rng(2);
  const items = Array.from({ length: 3000 }, (_, i) => card(r, i, 330)).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>搜索结果</title></head><body>
    <main><ul class="grid">${items}</ul></main>${FOOTER}</body></html>`;
}

/** What the naive way finds: textContent of the body and one regex per kind. */
export function naiveScan(doc: Document): string[] {
  const text = doc.body.textContent ?? '';
  const found: string[] = [];
  for (const re of NAIVE) for (const m of text.matchAll(re)) found.push(m[0]);
  return found;
}

const P = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕甘青宁新';
const NAIVE = [
  /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/g,
  new RegExp(`[${P}]ICP[备证]\\d+号(?:-\\d+)?`, 'g'),
  new RegExp(`[${P}]公网安备\\s?\\d{14}号`, 'g'),
  /JY\d{14}/g,
  /SC\d{14}/g,
  new RegExp(`[${P}]网文[〔【\\[]\\d{4}[〕】\\]]\\d+-\\d+号`, 'g'),
  /\([京津沪渝粤浙苏]\)-(?:非)?经营性-\d{4}-\d{4}/g,
  /(?:注册号|信用代码)[:：]?\s*\d{15}/g,
];
