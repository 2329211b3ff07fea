import { describe, expect, it } from 'vitest';
import { ids, scanHtml } from '../../tests/unit/scan-html';

/**
 * The forms added for issue 14 are looser than a check character: each is read only by its label or
 * by a structure no other number has. Beside each form, what must stay unread.
 */
describe('numbers near the new forms that are not licences', () => {
  it.each([
    ['a hotline under the 视听 label', '信息网络传播视听节目许可证 | 违法和不良信息举报电话：12377'],
    ['a placeholder of the wrong length', '网络视听许可证888888888888号'],
    ['blanked-out numbers', '信息网络传播视听节目许可证XXXXXXX号 营业性演出许可证京市演XXXX 广播电视节目制作经营许可证京字第XXXX号'],
    ['a bare 7-digit number', '销量 0123456 件'],
    ['(京)字第 without its label', '根据(京)字第123号文件规定'],
    ['a performance mentioned in prose', '北京演出2019场，京演2018年度报告，沪市演出季 2020-2021'],
    ['the culture-market hotline', '12318 全国文化市场举报网站'],
    ['the police hotline', '网络110报警服务 公安局报警电话 110'],
    ['a phone number after a 公安 label', '公安备案咨询电话：010-82716601'],
    ['a year range after a 公安 label', '京公网安备 2014-2024'],
    ['an order number', '订单编号：201201011234 下单时间：2012-03-06 19:09'],
    ['an order number before a 公安 label', '订单号 11010802012345 京公网安备11010802012346号'],
    ['a price', '实付：￥1102.00 原价 11010802012.00'],
    ['SP and digits that are no permit', '型号 SP1234567890123456 颜色 黑'],
    ['a telecom type without a number', '增值电信业务经营许可证 B2 类'],
    ['an ICP filing with its province (not a cross-regional licence)', '京ICP备12345678号'],
    ['年份 ranges with 经营性', '经营性网站备案信息 2004-2014'],
  ])('%s', (_name, text) => {
    const found = ids(scanHtml(`<p>${text}</p>`));
    const added = ['broadcast-license', 'av-program-license', 'performance-license', 'online-publishing-license', 'drug-device-info-filing', 'food-circulation'];
    expect(found.filter((f) => added.includes(f.split(':')[0]!))).toEqual([]);
    // The looser psb, drug-info and ICP forms read nothing here either, except what the text really holds.
    expect(found.filter((f) => /^(?:psb-filing|drug-info|icp-license|permit):/.test(f) && !f.includes('11010802012346'))).toEqual([]);
  });

  it('the number before its label is read only when nothing follows the label', () => {
    expect(ids(scanHtml('<p>11010802012345号 京公网安备</p>'))).toEqual(['psb-filing:京公网安备11010802012345号']);
    expect(ids(scanHtml('<p>京ICP备2023045678号 京公网安备</p>'))).toEqual(['icp-filing:京ICP备2023045678号']);
  });

  it('older 公安 numbers of 10–13 digits are not invalid; 15 or more digits, or an unknown division, are', () => {
    const r = scanHtml('<p>京公网安备110105000655号 京公网安备1101050006551234号 京公网安备66666666666666号</p>');
    expect(r.identifiers.map((i) => [i.value, i.problems])).toEqual([
      ['京公网安备110105000655号', []],
      ['京公网安备1101050006551234号', ['length']],
      ['京公网安备66666666666666号', ['division']],
    ]);
  });
});
