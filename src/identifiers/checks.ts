/**
 * Check-character algorithms of Chinese registration codes. Each returns the list of problems
 * (empty when valid), so that callers can explain a failure rather than just reject it.
 */

/** GB 32100-2015 alphabet: digits and upper-case letters without I O S V Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registering authority (position 1) → categories valid for it (position 2). */
const USCC_CATEGORIES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 群众团体, 其他
  '2': '19', // 外交
  '3': '123459', // 司法行政
  '4': '19', // 文化
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业
  Y: '1', // 其他
};

/** The check character a USCC's first 17 characters call for, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  // The outer mod matters: without it a remainder of 0 gives 31, and every valid code whose
  // check character is '0' would be rejected.
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Validates a compact 18-character 统一社会信用代码. */
export function checkUscc(value: string): string[] {
  if (value.length !== 18) return ['length'];
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value)) return ['alphabet'];
  const problems: string[] = [];
  const categories = USCC_CATEGORIES[value[0]!];
  if (!categories) problems.push('authority');
  else if (!categories.includes(value[1]!)) problems.push('category');
  if (!/^\d{6}$/.test(value.slice(2, 8))) problems.push('division');
  if (usccCheckChar(value) !== value[17]) problems.push('check-character');
  return problems;
}

/** GB 11714 organization code check character for the first 8 characters, or null. */
export function orgcodeCheckChar(first8: string): string | null {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i] ?? '';
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * weights[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Validates a compact 9-character 组织机构代码 (without the hyphen). */
export function checkOrgcode(value: string): string[] {
  if (value.length !== 9) return ['length'];
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(value)) return ['alphabet'];
  return orgcodeCheckChar(value) === value[8] ? [] : ['check-character'];
}

/** ISO 7064 MOD 11,10 over digits; returns the check digit for the given prefix. */
export function mod1110CheckDigit(prefix: string): number {
  let p = 10;
  for (const ch of prefix) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (11 - p) % 10;
}

/** Validates a 15-digit 工商注册号 (GS 15-2006). */
export function checkRegno(value: string): string[] {
  if (value.length !== 15) return ['length'];
  if (!/^\d{15}$/.test(value)) return ['alphabet'];
  return mod1110CheckDigit(value.slice(0, 14)) === Number(value[14]) ? [] : ['check-character'];
}

/** A resident ID card number (GB 11643): used to tell an ID number from a numeric USCC. */
export function isIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i]!;
  if ('10X98765432'[sum % 11] !== value[17]) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
