import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldName, namesMatch } from './company-name';

describe('namesMatch (borrowed-license detection must not cry wolf)', () => {
  it.each([
    ['某某科技', '北京某某科技有限公司'],
    ['北京某某科技有限公司', '北京某某科技有限公司'],
    ['某某科技（北京）有限公司', '某某科技(北京)有限公司'],
    ['某某 科技 有限公司', '某某科技有限公司'],
    ['廣州青禾生活用品有限公司', '广州青禾生活用品有限公司'],
    ['廣州天河優選百貨有限公司', '广州天河优选百货有限公司'],
    ['某某网络科技有限公司', '北京某某科技有限公司'],
    ['深圳市潮品优选贸易有限公司', '潮品优选（深圳）贸易有限公司'],
    ['青禾生活馆', '广州青禾生活馆有限公司'],
  ])('%s ≈ %s', (shown, official) => {
    expect(namesMatch(shown, official)).toBe(true);
  });
  it.each([
    ['杭州优品家居有限公司', '杭州瑞丰机械设备有限公司'],
    ['上海光明日用品有限公司', '上海华彩日用品有限公司'],
  ])('%s ≠ %s', (shown, official) => {
    expect(namesMatch(shown, official)).toBe(false);
  });
  it('a shown name with no trade name left is not judged', () => {
    expect(namesMatch('科技有限公司', '北京某某科技有限公司')).not.toBe(false);
  });
});

describe('a name in another script, width, brackets or spacing is the same name', () => {
  it.each([
    ['深圳市滙豐衞浴有限公司', '深圳市汇丰卫浴有限公司'],
    ['廣州市裏峯綫材貿易有限公司', '广州市里峰线材贸易有限公司'],
    ['鑫達（廈門）電子科技有限公司', '鑫达(厦门)电子科技有限公司'],
    ['ＡＢＣ 衞 生 用 品 有 限 公 司', 'ABC卫生用品有限公司'],
    ['臺灣麪包坊', '台湾面包坊'],
  ])('%s = %s', (shown, official) => {
    expect(foldName(shown)).toBe(foldName(official));
    expect(namesMatch(shown, official)).toBe(true);
  });

  it('whatever script OpenCC writes a Simplified name in (Traditional, Taiwan, Hong Kong; not twp, which swaps words), with any width, brackets and spaces', () => {
    const converters = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
    const names = ['广州青禾生活用品有限公司', '深圳市汇丰卫浴有限公司', '杭州瑞丰机械设备有限公司', '北京里峰线缆贸易有限公司', '上海优品家居用品有限公司', '云南发展面业有限公司', '厦门鑫达电子科技（集团）有限公司'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...converters), fc.boolean(), fc.boolean(), fc.nat(), (name, toTrad, wide, spaced, seed) => {
        let shown = toTrad(name);
        if (wide) shown = shown.replace(/[(（]/g, '【').replace(/[)）]/g, '】').replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        if (spaced) shown = Array.from(shown).join(seed % 2 ? ' ' : '\u3000');
        return namesMatch(shown, name) === true;
      }),
    );
  });
});
