import type { Lang } from '../../i18n/lang';
import { KIND_NAMES } from '../../identifiers/kind-names';
import type { Level, ScanResult } from '../../types';

/** One word per level, the same as the extension's chips, headers, popup and toolbar title. */
const LEVEL_TEXT: Record<Level, Record<Lang, string>> = {
  danger: { 'zh-CN': '高风险', 'zh-TW': '高風險', en: 'HIGH RISK' },
  warning: { 'zh-CN': '可疑', 'zh-TW': '可疑', en: 'SUSPICIOUS' },
  caution: { 'zh-CN': '请留意', 'zh-TW': '請留意', en: 'TAKE CARE' },
  ok: { 'zh-CN': '未发现问题（不代表已核实）', 'zh-TW': '未發現問題（不代表已核實）', en: 'no problem found (not the same as verified)' },
  none: { 'zh-CN': '未读取到证照', 'zh-TW': '未讀取到證照', en: 'no licence read' },
};

const T = {
  verdict: { 'zh-CN': '结论', 'zh-TW': '結論', en: 'Verdict' },
  findings: { 'zh-CN': '发现的问题', 'zh-TW': '發現的問題', en: 'Findings' },
  ids: { 'zh-CN': '页面上的号码', 'zh-TW': '頁面上的號碼', en: 'Identifiers on the page' },
  licenses: { 'zh-CN': '执照信息', 'zh-TW': '執照資訊', en: 'License records' },
  badges: { 'zh-CN': '验证标识', 'zh-TW': '驗證標識', en: 'Verification badges' },
  valid: { 'zh-CN': '有效', 'zh-TW': '有效', en: 'valid' },
  invalid: { 'zh-CN': '无效', 'zh-TW': '無效', en: 'INVALID' },
  evidence: { 'zh-CN': '依据', 'zh-TW': '依據', en: 'evidence' },
  official: { 'zh-CN': '官方', 'zh-TW': '官方', en: 'official' },
  self: { 'zh-CN': '站内链接', 'zh-TW': '站內連結', en: 'own site' },
  other: { 'zh-CN': '非官方', 'zh-TW': '非官方', en: 'NOT official' },
} satisfies Record<string, Record<Lang, string>>;

/** The readable report of `liangzhao scan` (Chinese by default). */
export function formatReport(r: ScanResult, lang: Lang): string {
  const lines = [`${r.url}`, `${T.verdict[lang]}: ${LEVEL_TEXT[r.verdict.level][lang]}`];
  if (r.verdict.findings.length) {
    lines.push('', `${T.findings[lang]}:`);
    for (const f of r.verdict.findings) {
      lines.push(`  [${f.severity}] ${f.message}`, `      ${T.evidence[lang]}: ${f.evidence}`);
      const advice = f.advice;
      if (advice) lines.push(`      ${advice}`);
    }
  }
  if (r.identifiers.length) {
    lines.push('', `${T.ids[lang]}:`);
    for (const i of r.identifiers) {
      const status = i.valid ? T.valid[lang] : `${T.invalid[lang]} (${i.problems.join(', ')})`;
      lines.push(`  ${KIND_NAMES[i.kind][lang]}  ${i.value}  ${status}${i.region ? '  ' + i.region : ''}`, `      ${i.evidence}`);
    }
  }
  if (r.licenses.length) {
    lines.push('', `${T.licenses[lang]}:`);
    for (const l of r.licenses) lines.push(`  ${l.heading ?? ''} ${l.name ?? '?'} ${l.uscc ?? l.regno ?? ''} ${l.legalRepresentative ?? ''}`.trimEnd());
  }
  if (r.badges.length) {
    lines.push('', `${T.badges[lang]}:`);
    for (const b of r.badges) {
      const kind = b.official ? T.official[lang] : b.selfHosted ? T.self[lang] : T.other[lang];
      lines.push(`  ${b.claims} → ${b.host} (${kind}${b.authority ? ': ' + b.authority : ''})`);
    }
  }
  return lines.join('\n');
}
