import type { Lang } from '../i18n/lang';
import { KIND_NAMES } from '../identifiers/kind-names';
import { platformForHost } from '../platforms/registry';
import { categoryLabel } from './categories';
import type { Report } from './report';

/**
 * What the shopper tells us besides the report: whether they bought something here. 12315 takes a
 * 投诉 (complaint) only with an order — its number, amount and date — and a 举报 (tip-off) without.
 * Kept on this device: none of it is in the report that is sent.
 */
export interface Purchase {
  bought: boolean;
  orderNumber: string;
  amount: string;
  orderDate: string;
}

/** A draft prepared for 全国12315平台: the user pastes it there themselves; we never submit it. */
export interface Complaint12315 {
  type: 'complaint' | 'tip-off';
  text: string;
  json: {
    type: '投诉' | '举报';
    /** As the page showed them: `claimedByPage` says nobody has verified them. */
    respondent: { name: string; uscc: string | null; url: string; platform: string | null; claimedByPage: true };
    category: { id: string; label: string };
    order: { number: string; amount: string; date: string } | null;
    occurredOn: string;
    facts: string;
    evidence: string[];
    demand: string;
  };
  url: 'https://www.12315.cn';
}

type Words = Record<Lang, string>;

const L = {
  complaint: { 'zh-CN': '全国12315平台 投诉稿', 'zh-TW': '全國12315平台 投訴稿', en: 'Complaint (投诉) draft for the national 12315 platform' },
  tipOff: { 'zh-CN': '全国12315平台 举报稿', 'zh-TW': '全國12315平台 舉報稿', en: 'Report (举报) draft for the national 12315 platform' },
  respondent: { 'zh-CN': '被投诉方', 'zh-TW': '被投訴方', en: 'Respondent' },
  reported: { 'zh-CN': '被举报方', 'zh-TW': '被舉報方', en: 'Business reported' },
  uscc: { 'zh-CN': '统一社会信用代码', 'zh-TW': '統一社會信用代碼', en: 'Unified social credit code' },
  claimed: { 'zh-CN': '（页面声称，未核实）', 'zh-TW': '（頁面聲稱，未核實）', en: ' (as the page claims; not verified)' },
  platform: { 'zh-CN': '所在平台', 'zh-TW': '所在平台', en: 'Platform' },
  ownSite: { 'zh-CN': '独立网站', 'zh-TW': '獨立網站', en: 'Independent website' },
  url: { 'zh-CN': '网店网址', 'zh-TW': '網店網址', en: 'Shop URL' },
  category: { 'zh-CN': '问题类别', 'zh-TW': '問題類別', en: 'Problem' },
  orderNumber: { 'zh-CN': '订单号', 'zh-TW': '訂單號', en: 'Order number' },
  amount: { 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' },
  orderDate: { 'zh-CN': '下单日期', 'zh-TW': '下單日期', en: 'Order date' },
  date: { 'zh-CN': '发现日期', 'zh-TW': '發現日期', en: 'Date noticed' },
  facts: { 'zh-CN': '事件经过', 'zh-TW': '事件經過', en: 'What happened' },
  evidence: { 'zh-CN': '页面证据', 'zh-TW': '頁面證據', en: 'Evidence on the page' },
  demand: { 'zh-CN': '诉求', 'zh-TW': '訴求', en: 'Request' },
  unknown: { 'zh-CN': '（未知，请补充）', 'zh-TW': '（未知，請補充）', en: '(unknown, please fill in)' },
  tipOffDemand: {
    'zh-CN': '请依法核查该经营者的主体资格与经营行为，并依法处理。',
    'zh-TW': '請依法核查該經營者的主體資格與經營行為，並依法處理。',
    en: 'Please verify this business and its conduct and act according to law.',
  },
  complaintDemand: {
    'zh-CN': '请依法核查该经营者，并责令其退款（请按实际情况填写退款、退货或赔偿等诉求）。',
    'zh-TW': '請依法核查該經營者，並責令其退款（請按實際情況填寫退款、退貨或賠償等訴求）。',
    en: 'Please verify this business and order a refund (state your own request: refund, return or compensation).',
  },
  complaintNote: {
    'zh-CN': '请登录 https://www.12315.cn 选择“投诉”，核对后粘贴以上内容，并上传订单截图、付款记录等凭证。',
    'zh-TW': '請登入 https://www.12315.cn 選擇「投訴」，核對後貼上以上內容，並上傳訂單截圖、付款紀錄等憑證。',
    en: 'Sign in at https://www.12315.cn, choose complaint (投诉), check and paste the above, and upload the order and payment screenshots.',
  },
  tipOffNote: {
    'zh-CN': '请登录 https://www.12315.cn 选择“举报”，核对后粘贴以上内容，并上传页面截图。举报不需要订单。',
    'zh-TW': '請登入 https://www.12315.cn 選擇「舉報」，核對後貼上以上內容，並上傳頁面截圖。舉報不需要訂單。',
    en: 'Sign in at https://www.12315.cn, choose report (举报), check and paste the above, and upload screenshots of the page. A report needs no order.',
  },
} satisfies Record<string, Words>;

/** The store platform of a shop URL, in `lang`; null for an independent website. */
function platformOf(url: string, lang: Lang): string | null {
  try {
    return platformForHost(new URL(url).hostname)?.name[lang] ?? null;
  } catch {
    return null;
  }
}

/**
 * Turns a suspect-shop report into a 12315 draft in the user's language: a 投诉 when the shopper
 * bought something (with the order), else a 举报. The company and code are those the page showed,
 * marked as the page's claim. The official form is in Chinese; category labels in `json` stay zh-CN.
 */
export function complaintDraft12315(report: Report, lang: Lang, purchase: Purchase | null = null): Complaint12315 {
  if (report.kind !== 'suspect-shop' || !report.category) throw new Error('only a suspect-shop report can become a 12315 complaint');
  const e = report.evidence;
  const bought = purchase?.bought === true;
  const uscc = e.identifiers.find((i) => i.kind === 'uscc' && i.valid)?.value ?? null;
  const platform = platformOf(e.url, 'zh-CN');
  const evidence = [
    ...e.identifiers.map((i) => `${KIND_NAMES[i.kind][lang]}: ${i.value}${i.evidence ? ` (${i.evidence})` : ''}`),
    ...e.findings.map((f) => `${f.message} [${f.evidence}]`),
  ];
  const order = bought ? { number: purchase!.orderNumber.trim(), amount: purchase!.amount.trim(), date: purchase!.orderDate.trim() } : null;
  const json: Complaint12315['json'] = {
    type: bought ? '投诉' : '举报',
    respondent: { name: e.shopName ?? e.title, uscc, url: e.url, platform, claimedByPage: true },
    category: { id: report.category, label: categoryLabel(report.category, 'zh-CN') },
    order,
    occurredOn: report.createdAt.slice(0, 10),
    facts: report.text,
    evidence,
    demand: (bought ? L.complaintDemand : L.tipOffDemand)[lang],
  };
  const or = (v: string | null | undefined) => v || L.unknown[lang];
  const lines = [
    (bought ? L.complaint : L.tipOff)[lang],
    '',
    `${(bought ? L.respondent : L.reported)[lang]}: ${or(json.respondent.name)}${json.respondent.name ? L.claimed[lang] : ''}`,
    `${L.uscc[lang]}: ${uscc ? uscc + L.claimed[lang] : L.unknown[lang]}`,
    `${L.platform[lang]}: ${platformOf(e.url, lang) ?? L.ownSite[lang]}`,
    `${L.url[lang]}: ${e.url}`,
    `${L.category[lang]}: ${categoryLabel(report.category, lang)}`,
  ];
  if (order) lines.push(`${L.orderNumber[lang]}: ${or(order.number)}`, `${L.amount[lang]}: ${or(order.amount)}`, `${L.orderDate[lang]}: ${or(order.date)}`);
  lines.push(`${L.date[lang]}: ${json.occurredOn}`, '', `${L.facts[lang]}:`, report.text || L.unknown[lang]);
  if (evidence.length) lines.push('', `${L.evidence[lang]}:`, ...evidence.map((x) => `- ${x}`));
  lines.push('', `${L.demand[lang]}: ${json.demand}`, '', (bought ? L.complaintNote : L.tipOffNote)[lang]);
  return { type: bought ? 'complaint' : 'tip-off', text: lines.join('\n'), json, url: 'https://www.12315.cn' };
}
