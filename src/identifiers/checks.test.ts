import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, checkOrgcode, checkRegno, checkUscc, isIdCardNumber, mod1110CheckDigit, orgcodeCheckChar, usccCheckChar } from './checks';

/** Codes published by the companies themselves (footers, annual reports). */
const REAL_USCC = [
  '91440101681325547Y',
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '914403001922038216', // 华为技术有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110000802100433B', // 北京百度网讯科技有限公司
  '91310000MA1FL1MMXL',
];

const digit = fc.constantFrom(...'0123456789');
const alnum = fc.constantFrom(...USCC_ALPHABET);
/** A structurally valid USCC body: 9 + 企业 category, a division, an organization code. */
const usccBody = fc
  .tuple(fc.constantFrom('91', '92', '93', '11', '12', '51', '52', 'N2', 'Y1'), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(alnum, { minLength: 9, maxLength: 9 }))
  .map(([head, div, org]) => head + div.join('') + org.join(''));

describe('USCC (GB 32100-2015)', () => {
  it.each(REAL_USCC)('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual([]);
  });

  it('computes a check character of 0 and accepts such codes (the outer mod)', () => {
    const withZero = fc.sample(usccBody, 5000).filter((b) => usccCheckChar(b) === '0');
    expect(withZero.length).toBeGreaterThan(50);
    for (const body of withZero) expect(checkUscc(body + '0')).toEqual([]);
  });

  it('accepts every body with its computed check character', () => {
    fc.assert(fc.property(usccBody, (body) => checkUscc(body + usccCheckChar(body)).length === 0));
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(usccBody, fc.integer({ min: 0, max: 17 }), alnum, (body, pos, ch) => {
        const code = body + usccCheckChar(body);
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        return checkUscc(changed).length > 0;
      }),
    );
  });

  it('explains what is wrong', () => {
    expect(checkUscc('9144010168132554')).toEqual(['length']);
    expect(checkUscc('91440101681325547I')).toEqual(['alphabet']);
    expect(checkUscc('91350200MA2Y6Q6H0D')).toEqual(['check-character']);
    expect(checkUscc('94440101681325547Y')).toContain('category');
    expect(checkUscc('B1440101681325547Y')).toContain('authority');
  });

  it('never rejects a code for an unknown division', () => {
    // 100000: national registrations; 99xxxx is no province at all, still only the check matters.
    for (const body of ['91100000' + '10001774X', '91990000' + '10001774X']) {
      expect(checkUscc(body + usccCheckChar(body))).toEqual([]);
    }
  });
});

describe('organization code (GB 11714)', () => {
  it('accepts the organization codes inside real USCCs', () => {
    for (const code of REAL_USCC) expect(checkOrgcode(code.slice(8, 17))).toEqual([]);
  });
  it('maps 10 to X and 11 to 0', () => {
    const all = fc.sample(fc.array(digit, { minLength: 8, maxLength: 8 }).map((a) => a.join('')), 3000);
    const chars = new Set(all.map((b) => orgcodeCheckChar(b)));
    expect(chars.has('X')).toBe(true);
    expect(chars.has('0')).toBe(true);
    for (const b of all) expect(checkOrgcode(b + orgcodeCheckChar(b))).toEqual([]);
  });
  it('detects single digit substitutions', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 7 }), digit, (d, pos, ch) => {
        const body = d.join('');
        fc.pre(body[pos] !== ch);
        const code = body + orgcodeCheckChar(body);
        return checkOrgcode(code.slice(0, pos) + ch + code.slice(pos + 1)).length > 0;
      }),
    );
  });
});

describe('registration number (GS 15-2006, ISO 7064 MOD 11,10)', () => {
  it('round-trips and detects every single digit error', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 14, maxLength: 14 }), fc.integer({ min: 0, max: 14 }), digit, (d, pos, ch) => {
        const code = d.join('') + String(mod1110CheckDigit(d.join('')));
        if (checkRegno(code).length) return false;
        fc.pre(code[pos] !== ch);
        return checkRegno(code.slice(0, pos) + ch + code.slice(pos + 1)).length > 0;
      }),
    );
  });
  it('matches the ISO 7064 reference computation', () => {
    // Reference values computed by hand from the standard's recursion.
    expect(mod1110CheckDigit('11010800000000')).toBe(mod1110Reference('11010800000000'));
    expect(checkRegno('110108000000000'.slice(0, 14) + mod1110Reference('11010800000000'))).toEqual([]);
  });
});

function mod1110Reference(s: string): number {
  let p = 10;
  for (const c of s) {
    const t = (p + Number(c)) % 10 || 10;
    p = (2 * t) % 11;
  }
  for (let c = 0; c < 10; c++) if (((p + c) % 10 || 10) === 1) return c;
  throw new Error('no check digit');
}

describe('ID card numbers are told apart', () => {
  it('recognizes a valid resident ID number and rejects a USCC', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('91440101681325547Y')).toBe(false);
  });
});
