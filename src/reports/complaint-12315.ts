import type { Lang } from '../i18n/lang';
import { KIND_NAMES } from '../identifiers/kind-names';
import { categoryLabel } from './categories';
import type { Report } from './report';

/** A complaint prepared for 全国12315平台: the user pastes it there themselves; we never submit it. */
export interface Complaint12315 {
  text: string;
  json: {
    respondent: { name: string; uscc: string | null; url: string };
    category: { id: string; label: string };
    occurredOn: string;
    facts: string;
    evidence: string[];
    demand: string;
  };
  url: 'https://www.12315.cn';
}

const L = {
  title: { 'zh-CN': '全国12315平台 投诉草稿', 'zh-TW': '全國12315平台 投訴草稿', en: 'Complaint draft for the national 12315 platform' },
  name: { 'zh-CN': '被投诉方', 'zh-TW': '被投訴方', en: 'Respondent' },
  uscc: { 'zh-CN': '统一社会信用代码', 'zh-TW': '統一社會信用代碼', en: 'Unified social credit code' },
  url: { 'zh-CN': '网店网址', 'zh-TW': '網店網址', en: 'Shop URL' },
  category: { 'zh-CN': '问题类别', 'zh-TW': '問題類別', en: 'Problem' },
  date: { 'zh-CN': '发生日期', 'zh-TW': '發生日期', en: 'Date' },
  facts: { 'zh-CN': '事件经过', 'zh-TW': '事件經過', en: 'What happened' },
  evidence: { 'zh-CN': '页面证据', 'zh-TW': '頁面證據', en: 'Evidence on the page' },
  demand: { 'zh-CN': '诉求', 'zh-TW': '訴求', en: 'Request' },
  unknown: { 'zh-CN': '（未知，请补充）', 'zh-TW': '（未知，請補充）', en: '(unknown, please fill in)' },
  demandText: {
    'zh-CN': '请依法核查该经营者的主体资格与经营行为，并依法处理。（请按实际情况补充退款、退货等诉求）',
    'zh-TW': '請依法核查該經營者的主體資格與經營行為，並依法處理。（請按實際情況補充退款、退貨等訴求）',
    en: 'Please verify this business and its conduct and act according to law. (Add any refund or return request.)',
  },
  note: {
    'zh-CN': '请登录 https://www.12315.cn 选择“投诉”或“举报”，核对后粘贴以上内容，并上传订单截图等凭证。',
    'zh-TW': '請登入 https://www.12315.cn 選擇「投訴」或「舉報」，核對後貼上以上內容，並上傳訂單截圖等憑證。',
    en: 'Sign in at https://www.12315.cn, choose complaint (投诉) or report (举报), check and paste the above, and upload order screenshots.',
  },
} satisfies Record<string, Record<Lang, string>>;

/**
 * Turns a suspect-shop report into a complaint draft for 全国12315平台 in the user's language. The
 * official form is in Chinese; category labels in `json` stay zh-CN so they match its choices.
 */
export function complaintDraft12315(report: Report, lang: Lang): Complaint12315 {
  if (report.kind !== 'suspect-shop' || !report.category) throw new Error('only a suspect-shop report can become a 12315 complaint');
  const e = report.evidence;
  const uscc = e.identifiers.find((i) => i.kind === 'uscc' && i.valid)?.value ?? null;
  const evidence = [
    ...e.identifiers.map((i) => `${KIND_NAMES[i.kind][lang]}: ${i.value}${i.evidence ? ` (${i.evidence})` : ''}`),
    ...e.findings.map((f) => `${f.message} [${f.evidence}]`),
  ];
  const json: Complaint12315['json'] = {
    respondent: { name: e.shopName ?? e.title, uscc, url: e.url },
    category: { id: report.category, label: categoryLabel(report.category, 'zh-CN') },
    occurredOn: report.createdAt.slice(0, 10),
    facts: report.text,
    evidence,
    demand: L.demandText[lang],
  };
  const lines = [
    L.title[lang],
    '',
    `${L.name[lang]}: ${json.respondent.name || L.unknown[lang]}`,
    `${L.uscc[lang]}: ${uscc ?? L.unknown[lang]}`,
    `${L.url[lang]}: ${e.url}`,
    `${L.category[lang]}: ${categoryLabel(report.category, lang)}`,
    `${L.date[lang]}: ${json.occurredOn}`,
    '',
    `${L.facts[lang]}:`,
    report.text || L.unknown[lang],
  ];
  if (evidence.length) lines.push('', `${L.evidence[lang]}:`, ...evidence.map((x) => `- ${x}`));
  lines.push('', `${L.demand[lang]}: ${json.demand}`, '', L.note[lang]);
  return { text: lines.join('\n'), json, url: 'https://www.12315.cn' };
}
