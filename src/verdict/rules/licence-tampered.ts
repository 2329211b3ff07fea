import { checkUscc } from '../../identifiers/checks';
import { makeFinding, type PageRule } from '../rule';
import { printedCodes } from '../picture-codes';

/**
 * A licence picture whose QR code carries another credit code than the one printed on it: an edited
 * licence (the forger changed the printed name or code and left the QR code as it was). Only codes
 * that pass their check, on both sides, and a printed code read surely or differing in more than one
 * character: a misread alone never raises this.
 */
export const licenceTampered: PageRule = {
  code: 'licence-tampered',
  severity: 'danger',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '营业执照图片上印的统一社会信用代码 {printed} 与其二维码中的代码 {qr} 不一致，执照可能被篡改',
    'zh-TW': '營業執照圖片上印的統一社會信用代碼 {printed} 與其二維碼中的代碼 {qr} 不一致，執照可能被竄改',
    en: 'The licence picture prints credit code {printed}, but its QR code carries {qr}: the licence may have been edited',
  },
  advice: {
    'zh-CN': '修改执照照片上的名称或代码、保留原二维码，是冒用执照的常见手法。请用手机扫描该二维码，或到国家企业信用信息公示系统（www.gsxt.gov.cn）查询这两个代码，核对登记的企业名称；不一致时不要付款，并向平台或 12315 举报。',
    'zh-TW': '修改執照照片上的名稱或代碼、保留原二維碼，是冒用執照的常見手法。請用手機掃描該二維碼，或到國家企業信用信息公示系統（www.gsxt.gov.cn）查詢這兩個代碼，核對登記的企業名稱；不一致時不要付款，並向平台或 12315 舉報。',
    en: 'Editing the name or code on a licence photo while keeping the original QR code is a common way to pass off someone else’s licence. Scan the QR code with your phone or look both codes up on www.gsxt.gov.cn and compare the registered names; if they differ, do not pay, and report the shop to the platform or 12315.',
  },
  evaluate({ facts, lang }) {
    return (facts.pictures ?? []).flatMap((p) => {
      const printed = printedCodes(p);
      return p.qr.flatMap((q) => {
        if (!q.code || checkUscc(q.code).length) return [];
        const other = printed.filter((c) => c.value !== q.code && (c.readSurely || differences(c.value, q.code!) > 1));
        if (!other.length || printed.some((c) => c.value === q.code)) return [];
        const shown = other[0]!;
        return [makeFinding(licenceTampered, lang, { printed: shown.value, qr: q.code, picture: p.picture }, `${shown.evidence} ↔ QR ${q.text}`, p.ref)];
      });
    });
  },
};

const differences = (a: string, b: string) => [...a].filter((c, i) => c !== b[i]).length;
