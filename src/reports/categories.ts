import type { Lang } from '../i18n/lang';

/**
 * Report categories, taken from the consumer-protection and e-commerce rules (电子商务法, 反不正当竞争法,
 * 价格法, 消费者权益保护法) that 12315 complaints are filed under. The zh-CN label is the exact wording the
 * reviewers and 12315 forms use; the id is the stable machine name sent to the receiver.
 */
export const REPORT_CATEGORIES = [
  { id: 'counterfeit', label: { 'zh-CN': '制假售假/以次充好', 'zh-TW': '製假售假/以次充好', en: 'Counterfeit or substandard goods' } },
  { id: 'false-advertising', label: { 'zh-CN': '虚假宣传', 'zh-TW': '虛假宣傳', en: 'False advertising' } },
  { id: 'price-fraud', label: { 'zh-CN': '价格欺诈', 'zh-TW': '價格欺詐', en: 'Price fraud' } },
  { id: 'fake-reviews', label: { 'zh-CN': '刷单炒信/虚假评价', 'zh-TW': '刷單炒信/虛假評價', en: 'Fake orders or fake reviews' } },
  { id: 'borrowed-license', label: { 'zh-CN': '冒用他人营业执照', 'zh-TW': '冒用他人營業執照', en: "Uses someone else's business license" } },
  { id: 'forged-badge', label: { 'zh-CN': '伪造亮照或备案标识', 'zh-TW': '偽造亮照或備案標識', en: 'Forged license badge or filing mark' } },
  { id: 'unlicensed', label: { 'zh-CN': '无证经营/未亮照', 'zh-TW': '無證經營/未亮照', en: 'Unlicensed or license not shown' } },
  { id: 'prohibited-goods', label: { 'zh-CN': '出售禁售商品', 'zh-TW': '出售禁售商品', en: 'Sells prohibited goods' } },
  { id: 'breach-of-service', label: { 'zh-CN': '服务违约/拒不退换', 'zh-TW': '服務違約/拒不退換', en: 'Breach of service or refuses returns' } },
  { id: 'personal-data-abuse', label: { 'zh-CN': '泄露或倒卖个人信息', 'zh-TW': '洩露或倒賣個人資訊', en: 'Leaks or sells personal data' } },
  { id: 'other', label: { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' } },
] as const satisfies readonly { id: string; label: Record<Lang, string> }[];

/** Stable id of a report category. */
export type CategoryId = (typeof REPORT_CATEGORIES)[number]['id'];

/** Every category id, for validators. */
export const CATEGORY_IDS: readonly CategoryId[] = REPORT_CATEGORIES.map((c) => c.id);

/** The label of a category in one language. */
export function categoryLabel(id: CategoryId, lang: Lang): string {
  return REPORT_CATEGORIES.find((c) => c.id === id)!.label[lang];
}

/** Whether a string is a known category id. */
export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

/**
 * The category a finding points to, for the report form to preselect: a forged or borrowed badge or
 * filing, a borrowed licence, no licence. Findings that fit no one category preselect nothing.
 */
const CATEGORY_OF_RULE: Readonly<Record<string, CategoryId>> = {
  'badge-spoofed': 'forged-badge',
  'psb-province-mismatch': 'forged-badge',
  'filing-mismatch': 'forged-badge',
  'badge-mismatch': 'borrowed-license',
  'name-mismatch': 'borrowed-license',
  'license-missing': 'unlicensed',
  'permits-without-license': 'unlicensed',
  'not-registered': 'unlicensed',
  deregistered: 'unlicensed',
};

/** The category of the top finding (findings come worst first), or null when it fits none. */
export function categoryForFindings(findings: readonly { code: string }[]): CategoryId | null {
  const top = findings[0];
  return (top && CATEGORY_OF_RULE[top.code]) ?? null;
}
