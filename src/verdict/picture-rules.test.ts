import { describe, expect, it } from 'vitest';
import { qrCode } from '../image/qr-code';
import { withPictures } from '../image/with-pictures';
import type { PageFacts } from '../scan/facts';
import type { Identifier, LicenseRecord, PictureFacts } from '../types';
import { judge } from './judge';

const PRINTED = '91440101MA5CKX2R1G';
const OTHER = '91440305E0797P480K';

const code = (value: string, over: Partial<Identifier> = {}): Identifier => ({
  kind: 'uscc', value, valid: true, problems: [], label: '统一社会信用代码', source: 'image', evidence: `图片 yyzz.jpg：统一社会信用代码 ${value}`, count: 1, picture: 'yyzz.jpg', readSurely: true, ...over,
});
const licence = (name: string, uscc: string): LicenseRecord => ({
  heading: null, name, uscc, regno: null, legalRepresentative: null, address: null, authority: null, established: null, validity: null, scope: null, evidence: `图片 yyzz.jpg：名称 ${name}`, picture: 'yyzz.jpg',
});
const picture = (over: Partial<PictureFacts> = {}): PictureFacts => ({
  picture: 'yyzz.jpg', status: 'read', identifiers: [code(PRINTED)], licence: licence('广州鑫源电子商务有限公司', PRINTED), qr: [], lines: [], ...over,
});
const page: PageFacts = { url: 'https://shop.example/about', identifiers: [], licenses: [], badges: [], store: null };
const findings = (p: PictureFacts, base = page) => judge(withPictures(base, [p]), { lang: 'zh-CN' }).verdict.findings;
const codes = (p: PictureFacts, base = page) => findings(p, base).map((f) => `${f.code}:${f.severity}`);

describe('the picture rules', () => {
  it('a QR code that leads to the registry with the printed code: no finding at all', () => {
    expect(codes(picture({ qr: [qrCode(`http://www.gsxt.gov.cn/index.html?uniscid=${PRINTED}`)] }))).toEqual([]);
    expect(codes(picture({ qr: [qrCode('https://www.gsxt.gov.cn/corp-query-entprise-info-0a1b2c3d.html')] }))).toEqual([]);
  });

  it('licence-tampered: the QR code carries another code than the one printed, with the picture as evidence', () => {
    const qr = qrCode(`http://www.gsxt.gov.cn/index.html?uniscid=${OTHER}`);
    const [f] = findings(picture({ qr: [qr] }));
    expect(f).toMatchObject({ code: 'licence-tampered', severity: 'danger' });
    expect(f!.evidence).toContain(PRINTED);
    expect(f!.evidence).toContain(qr.text);
    expect(f!.message).toContain(OTHER);
  });

  it('a misread of one character, read unsurely, never raises licence-tampered', () => {
    const near = PRINTED.slice(0, 10) + 'B' + PRINTED.slice(11);
    const qr = qrCode(`http://www.gsxt.gov.cn/index.html?uniscid=${PRINTED}`);
    expect(codes(picture({ identifiers: [code(near, { readSurely: false })], qr: [qr] }))).not.toContain('licence-tampered:danger');
  });

  it('badge-spoofed: a licence QR code that leads to a lookalike host', () => {
    const qr = qrCode(`http://gsxt-gov.cn.example.top/index.html?uniscid=${PRINTED}`);
    expect(codes(picture({ qr: [qr] }))).toEqual(['badge-spoofed:danger']);
  });

  it('id-invalid only for a code read surely; otherwise picture-unclear, never danger', () => {
    const broken = PRINTED.slice(0, 17) + 'H';
    const bad = (readSurely: boolean) => picture({ identifiers: [code(broken, { valid: false, problems: ['check'] as Identifier['problems'], readSurely })], licence: licence('广州鑫源电子商务有限公司', broken) });
    expect(codes(bad(true))).toContain('id-invalid:warning');
    const unsure = codes(bad(false));
    expect(unsure).not.toContain('id-invalid:warning');
    expect(unsure).toContain('picture-unclear:info');
    expect(unsure.some((c) => c.endsWith(':danger'))).toBe(false);
  });

  it('an unreadable picture says "could not read", never that there is no licence', () => {
    const f = findings(picture({ status: 'unreadable', identifiers: [], licence: null, reason: 'not-a-picture' }));
    expect(f.map((x) => x.code)).toEqual(['picture-unclear']);
    expect(f[0]!.message).toContain('未能看清');
    // A badge or an icon the page labels as a licence is no licence picture: nothing to say of it.
    expect(codes(picture({ status: 'unreadable', identifiers: [], licence: null, reason: 'too-small' }))).toEqual([]);
  });

  it('licence-conflict: the picture shows another code or name than the text of the same page', () => {
    const shown: PageFacts = { ...page, identifiers: [{ ...code(OTHER), source: 'text', picture: undefined, readSurely: undefined }], licenses: [{ ...licence('深圳恒泰科技有限公司', OTHER), picture: undefined }] };
    expect(codes(picture(), shown)).toContain('licence-conflict:warning');
    const same: PageFacts = { ...shown, identifiers: [{ ...shown.identifiers[0]!, value: PRINTED }], licenses: [{ ...shown.licenses[0]!, uscc: PRINTED, name: '广州鑫源电子商务有限公司' }] };
    expect(codes(picture(), same)).not.toContain('licence-conflict:warning');
  });
});
