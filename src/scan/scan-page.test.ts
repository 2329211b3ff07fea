import { describe, expect, it } from 'vitest';
import { ids, scanHtml } from '../../tests/unit/scan-html';

const USCC = '91440101681325547Y';

describe('disguises are seen through', () => {
  it.each([
    ['full-width characters', '统一社会信用代码：９１４４０１０１６８１３２５５４７Ｙ'],
    ['inner spaces and groups', '统一社会信用代码：9144 0101 6813 2554 7Y'],
    ['zero-width characters', '统一社会信用代码：9144\u200b0101\u200c6813\u200d2554\ufeff7Y'],
    ['line breaks', '统一社会信用代码：914401016813<br>25547Y'],
    ['values split across elements', '统一社会信用代码：<span>9144</span><span>0101</span><b>6813</b><i>2554</i><span>7Y</span>'],
    ['label and value in separate cells', '<table><tr><td>统一社会信用代码</td><td>91440101681325547Y</td></tr></table>'],
    ['Traditional label', '統一社會信用代碼：91440101681325547Y'],
    ['lower case', '统一社会信用代码: 91440101681325547y'],
    ['no label at all (valid code)', '<footer>广州某某科技有限公司 91440101681325547Y</footer>'],
    ['image alt', '<img alt="统一社会信用代码91440101681325547Y" src="a.png">'],
    ['title attribute', '<span title="营业执照 91440101681325547Y">执照</span>'],
    ['lying label 营业执照注册号', '营业执照注册号：91440101681325547Y'],
    ['lying label 纳税人识别号', '纳税人识别号：91440101681325547Y'],
  ])('%s', (_name, html) => {
    const r = scanHtml(html);
    expect(ids(r)).toContain(`uscc:${USCC}`);
    expect(r.identifiers.find((i) => i.value === USCC)!.valid).toBe(true);
  });

  it('finds the USCC in a 亮照 link and the 公安 code in filing links', () => {
    const r = scanHtml(`
      <a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=${USCC}-SAIC_SHOW_10000${USCC}1566268437&signData=x">电子营业执照</a>
      <a href="https://beian.mps.gov.cn/#/query/webSearch?code=44010602000001">备案</a>
      <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010002000078">备案</a>
      <a href="https://www.gsxt.gov.cn/x?uniscid=9144030071526726XG">公示</a>`);
    expect(ids(r)).toEqual(expect.arrayContaining([`uscc:${USCC}`, 'psb-filing:粤公网安备44010602000001号', 'psb-filing:浙公网安备33010002000078号', 'uscc:9144030071526726XG']));
    expect(r.identifiers.find((i) => i.value === USCC)!.source).toBe('link');
    expect(r.badges[0]).toMatchObject({ official: true, embedded: [USCC] });
  });

  it('classifies by the value, not the label', () => {
    const r = scanHtml('统一社会信用代码/注册号：440101000123458');
    const regno = r.identifiers.find((i) => i.kind === 'regno');
    expect(regno?.value).toBe('440101000123458');
    expect(regno?.label).toBe('统一社会信用代码');
  });

  it('normalizes permit forms', () => {
    const r = scanHtml(`
      <p>粵ICP備12345678號-2</p><p>京公網安備 11010802020134號</p><p>京网文【2014】2148-348号</p>
      <p>（京）—经营性—2014—0008</p><p>合字A1.B1.B2-20180017</p><p>（京）网械平台备字（2018）第00003号</p>
      <p>食品经营许可证：ＪＹ１４４０１０６０１２３４５６</p><p>新出發京零字第大120007號</p>`);
    expect(ids(r)).toEqual(
      expect.arrayContaining([
        'icp-filing:粤ICP备12345678号-2',
        'psb-filing:京公网安备11010802020134号',
        'culture-license:京网文〔2014〕2148-348号',
        'drug-info:(京)-经营性-2014-0008',
        'icp-license:合字A1.B1.B2-20180017',
        'device-platform-filing:(京)网械平台备字〔2018〕第00003号',
        'food-business:JY14401060123456',
        'publication:新出发京零字第大120007号',
      ]),
    );
    // Every form reads well formed; the only finding is that these permits come without a licence.
    expect(r.verdict.findings.map((f) => f.code)).toEqual(['permits-without-license']);
  });

  it('keeps other permits with their label', () => {
    const r = scanHtml('<p>酒类商品零售许可证：粤酒零4401060123</p>');
    expect(r.identifiers).toEqual([expect.objectContaining({ kind: 'permit', value: '粤酒零4401060123', label: '酒类商品零售许可证' })]);
  });
});

describe('what is not an identifier', () => {
  it.each([
    ['order number', '订单号：914401016813255470'],
    ['order number, labelled, valid-looking', '订单编号 91440101681325547Y'],
    ['payment number', '支付流水号：2024010122001412345678901234'],
    ['phone numbers', '客服电话：400-688-2626 手机 138 0013 8000 020-12345678'],
    ['tracking number', '快递单号 SF1234567890123 运单号：YT9112345678901234'],
    ['bank card', '银行卡号 6222 0212 3456 7890 123'],
    ['barcode and ISBN', '条形码 6901234567892 ISBN 978-7-115-42802-8'],
    ['ID card number', '身份证号 11010519491231002X'],
    ['ID card number without label', '<p>11010519491231002X</p>'],
    ['18-character run inside a longer number', '<p>1291440101681325547Y00</p>'],
    ['radio equipment filing', '无线电发射设备销售备案：20240101123456'],
    ['trademark registration', '商标注册号：12345678'],
    ['random 18-character SKU', '<p>SKU 7F3KQ9ZX2M8B4D1W6H</p>'],
  ])('%s', (_name, html) => {
    const r = scanHtml(html);
    expect(r.identifiers).toEqual([]);
    expect(r.verdict.level).toBe('none');
  });
});

describe('findings', () => {
  it('badge-spoofed: a claim of official verification linking elsewhere', () => {
    const r = scanHtml('<a href="http://gsxt-verify.shop-cert.example.com/v?id=1"><img alt="电子营业执照 亮照" src="b.png"></a>');
    expect(r.verdict.level).toBe('danger');
    expect(r.verdict.findings[0]).toMatchObject({ code: 'badge-spoofed', severity: 'danger' });
    expect(r.verdict.findings[0]!.evidence).toContain('gsxt-verify.shop-cert.example.com');
  });

  it('genuine legacy hosts and the shop\'s own pages are not spoofs', () => {
    const r = scanHtml(
      `<a href="https://credit.szfw.org/CX20120918001650001836.html">可信网站信用评估</a>
       <a href="https://ss.knet.cn/verifyseal.dll?sn=e12033011010015771301708">可信网站</a>
       <a href="http://www.cyberpolice.cn/wfjb/">网络110报警服务</a>
       <a href="https://www.tmall.com/license.html">工商亮照</a>
       <a href="https://img.example-cdn.com/license.jpg">电子营业执照</a>
       <a href="https://www.icbc.com.cn/">工商银行</a>`,
      'https://detail.tmall.com/item.htm?id=1',
    );
    expect(r.verdict.findings).toEqual([]);
    expect(r.badges.filter((b) => b.official)).toHaveLength(3);
  });

  it('badge-mismatch: the 亮照 link verifies another company', () => {
    const r = scanHtml(`统一社会信用代码：${USCC}
      <a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?serial=9144030071526726XG-SAIC_SHOW_1">电子营业执照</a>`);
    expect(r.verdict.findings.map((f) => f.code)).toEqual(['badge-mismatch']);
    expect(r.verdict.findings[0]!.params).toMatchObject({ embedded: '9144030071526726XG', shown: USCC });
  });

  it('id-invalid: a labelled code that fails its check', () => {
    const r = scanHtml('统一社会信用代码：91440101681325547X');
    expect(r.identifiers[0]).toMatchObject({ kind: 'uscc', valid: false, problems: ['check-character'] });
    expect(r.verdict).toMatchObject({ level: 'warning', findings: [expect.objectContaining({ code: 'id-invalid' })] });
  });

  it('an unlabelled code that fails its check is simply not a code', () => {
    expect(scanHtml('<p>91440101681325547X</p>').identifiers).toEqual([]);
  });

  it('icp-filing with a 公安 abbreviation is invalid (ICP uses 蜀 黔 滇)', () => {
    const r = scanHtml('川ICP备12345678号');
    expect(r.identifiers[0]).toMatchObject({ kind: 'icp-filing', valid: false, problems: ['province'] });
  });

  it('psb-province-mismatch', () => {
    const r = scanHtml('京公网安备 44010602000001号');
    expect(r.verdict.findings).toEqual([expect.objectContaining({ code: 'psb-province-mismatch', severity: 'caution' })]);
  });

  it('speaks the requested language', () => {
    const r = scanHtml('统一社会信用代码：91440101681325547X', undefined, 'en');
    expect(r.verdict.findings[0]!.message).toMatch(/not a valid number/);
  });
});

describe('license cards', () => {
  it('reads a 营业执照信息 table into a record', () => {
    const r = scanHtml(`<h3>營業執照信息</h3><table>
      <tr><th>企业名称</th><td>广州某某科技有限公司</td></tr>
      <tr><th>统一社会信用代码</th><td>${USCC}</td></tr>
      <tr><th>法定代表人</th><td>张三</td></tr>
      <tr><th>住所</th><td>广州市天河区某路1号</td></tr>
      <tr><th>登记机关</th><td>广州市天河区市场监督管理局</td></tr>
      <tr><th>成立日期</th><td>2008-10-20</td></tr>
      <tr><th>经营范围</th><td>软件开发；网上销售</td></tr></table>`);
    expect(r.licenses).toEqual([
      expect.objectContaining({
        heading: '營業執照信息', name: '广州某某科技有限公司', uscc: USCC, legalRepresentative: '张三',
        address: '广州市天河区某路1号', authority: '广州市天河区市场监督管理局', established: '2008-10-20', scope: '软件开发；网上销售',
      }),
    ]);
  });

  it('reads inline key: value lines and splits two companies', () => {
    const r = scanHtml(`<div>网站所有者情况</div><p>单位名称：甲公司 统一社会信用代码：${USCC}</p>
      <p>单位名称：乙公司 统一社会信用代码：9144030071526726XG</p>`);
    expect(r.licenses.map((l) => [l.name, l.uscc])).toEqual([['甲公司', USCC], ['乙公司', '9144030071526726XG']]);
  });

  it('reads a table whose first row names the fields and whose next row holds the values', () => {
    const r = scanHtml(`<p>统一社会信用代码：9144030071526726XG</p><h3>店铺资质</h3><table>
      <tr><th>企业名称</th><th>统一社会信用代码</th><th>法定代表人</th><th>住所</th></tr>
      <tr><td>广州某某科技有限公司</td><td>${USCC}</td><td>张三</td><td>广州市天河区某路1号</td></tr></table>`);
    expect(r.licenses.map((l) => [l.heading, l.name, l.uscc, l.legalRepresentative, l.address])).toEqual([
      ['店铺资质', '广州某某科技有限公司', USCC, '张三', '广州市天河区某路1号'],
    ]);
  });

  it('a code under a column header is labelled by it, so an invalid one is reported', () => {
    const r = scanHtml(`<table><tr><th>企业名称</th><th>统一社会信用代码</th><th>法定代表人</th></tr>
      <tr><td>广州某某科技有限公司</td><td>91440101681325547X</td><td>张三</td></tr></table>`);
    expect(r.identifiers).toContainEqual(expect.objectContaining({ kind: 'uscc', value: '91440101681325547X', valid: false, label: '统一社会信用代码' }));
    expect(r.verdict.findings.map((f) => f.code)).toContain('id-invalid');
    // A row below that does not line up with the header: no label, and an invalid code stays unreported.
    const off = scanHtml(`<table><tr><th>企业名称</th><th>统一社会信用代码</th><th>法定代表人</th></tr>
      <tr><td>91440101681325547X</td><td>张三</td></tr></table>`);
    expect(ids(off)).not.toContain('uscc:91440101681325547X');
  });

  it('a valid-looking number under an order-number column header is not a USCC', () => {
    const r = scanHtml(`<table><tr><th>订单号</th><th>商品</th><th>金额</th></tr>
      <tr><td>${USCC}</td><td>手工皂</td><td>39.00</td></tr></table>`);
    expect(ids(r)).not.toContain(`uscc:${USCC}`);
    const plain = scanHtml(`<table><tr><th>编号</th><th>商品</th><th>金额</th></tr>
      <tr><td>${USCC}</td><td>手工皂</td><td>39.00</td></tr></table>`);
    expect(ids(plain)).toContain(`uscc:${USCC}`);
  });

  it('does not read a header row into the values of a row that does not fit it', () => {
    const r = scanHtml(`<h3>店铺资质</h3><table>
      <tr><th>企业名称</th><th>统一社会信用代码</th><th>法定代表人</th></tr>
      <tr><td>广州某某科技有限公司</td><td>${USCC}</td></tr></table>`);
    expect(r.licenses.every((l) => l.legalRepresentative !== '广州某某科技有限公司')).toBe(true);
    expect(r.licenses.map((l) => l.name)).not.toContain('统一社会信用代码');
  });
});

describe('robustness', () => {
  it('scans a 10,000-node page and finds what is in it', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `<li><span>商品${i}</span><b>¥${i}.00</b><i>订单号 ${String(1e17 + i)}</i></li>`).join('');
    const r = scanHtml(`<ul>${rows}</ul><footer>统一社会信用代码：${USCC} 粤ICP备12345678号</footer>`);
    expect(ids(r).sort()).toEqual([`icp-filing:粤ICP备12345678号`, `uscc:${USCC}`]);
    expect(r.verdict.level).toBe('ok');
  });

  it.each([
    ['spaced digits', '1 '.repeat(100_000)],
    ['repeated labels', '统一社会信用代码：'.repeat(20_000)],
    ['repeated anchors', '粤ICP备'.repeat(20_000) + '(京)'.repeat(20_000)],
    ['invisible glue', '9\u200b'.repeat(100_000)],
    ['repeated keys and permits', '企业名称：许可证：'.repeat(20_000)],
  ])('finishes on adversarial text: %s', (_name, text) => {
    // Linear patterns only: this returns (the test would time out on catastrophic backtracking).
    expect(scanHtml(`<p>${text}</p>`).verdict.level).toBe('none');
  });

  it('finds a code far into a long run of numbers', () => {
    const r = scanHtml(`<p>${'1234 '.repeat(50)}91440101681325547Y</p>`);
    expect(ids(r)).toEqual([`uscc:${USCC}`]);
  });

  it('survives malformed markup and a very deep tree', () => {
    const deep = '<div>'.repeat(20000) + `统一社会信用代码：${USCC}` + '</div>'.repeat(5);
    expect(ids(scanHtml(deep))).toEqual([`uscc:${USCC}`]);
    expect(scanHtml('<table><td>统一社会信用代码<td>' + USCC + '<p><<<>>>&&&#xD800;').identifiers).toHaveLength(1);
  });
});
