import { describe, expect, it } from 'vitest';
import { namesMatch } from './company-name';

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
