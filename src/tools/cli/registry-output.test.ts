import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './liangzhao';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}
const fixture = (name: string) => fileURLToPath(new URL(`../../../tests/fixtures/registries/${name}`, import.meta.url));

describe('liangzhao scan on a saved registry result page', () => {
  it('prints the registry\'s answer as `registry` beside the usual fields', async () => {
    const { code, out } = await run('scan', fixture('gsxt-company.html'), '--url', 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['url', 'identifiers', 'licenses', 'badges', 'verdict', 'encoding', 'registry']);
    expect(json.registry).toMatchObject({ site: 'gsxt', subject: { name: '杭州瑞丰机械设备有限公司', uscc: '91330106MA2H3P7L4H', status: '存续（在营、开业、在册）' }, notFound: false });
    expect(json.registry.entries[0]).toEqual({ list: 'abnormal-operation', date: '2024年07月18日', authority: '杭州市西湖区市场监督管理局', reason: '通过登记的住所或者经营场所无法联系的', removedOn: null });
  });

  it('nothing found, and the readable report', async () => {
    const json = JSON.parse((await run('scan', fixture('gsxt-search-none.html'), '--url', 'https://www.gsxt.gov.cn/corp-query-search-1.html', '--json')).out);
    expect(json.registry).toMatchObject({ notFound: true, subject: null, query: '91350200MA2Y7K4P3T' });
    const text = (await run('scan', fixture('mps-record.html'), '--url', 'https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011234')).out;
    expect(text).toContain('官方登记系统的答复 (全国互联网安全管理服务平台):');
    expect(text).toContain('开办者名称：杭州瑞丰机械设备有限公司');
  });

  it('says when it cannot read a registry page, and adds nothing for a lookalike or a shop', async () => {
    const unknown = JSON.parse((await run('scan', fixture('gsxt-search-unknown.html'), '--url', 'https://www.gsxt.gov.cn/corp-query-search-1.html', '--json')).out);
    expect(unknown.registry).toEqual({ site: 'gsxt', unreadable: 'unknown result page layout' });
    const lookalike = JSON.parse((await run('scan', fixture('gsxt-company.html'), '--url', 'https://www.gsxt.gov.cn.example.com/x', '--json')).out);
    expect(lookalike).not.toHaveProperty('registry');
  });
});
