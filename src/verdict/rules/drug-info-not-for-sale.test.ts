import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../../tests/unit/scan-html';

const CERT = '<footer>统一社会信用代码：91310115MA1K4QW82W 互联网药品信息服务资格证书（沪）-非经营性-2013-0034</footer>';
const judgeOf = (html: string, lang: 'zh-CN' | 'zh-TW' | 'en' = 'zh-CN') => scanHtml(html, 'https://www.kangjian-pharmacy.example/item/1', lang).verdict;
const note = (html: string, lang?: 'zh-CN' | 'zh-TW' | 'en') => judgeOf(html, lang).findings.find((f) => f.code === 'drug-info-not-for-sale');

describe('drug-info-not-for-sale', () => {
  it('notes plainly that a 非经营性 certificate does not allow selling medicine on a page that sells it', () => {
    const html = `<h1>布洛芬缓释胶囊 0.3g×24粒</h1><p>国药准字H10900089</p><p>￥19.80</p><button>加入购物车</button>${CERT}`;
    const f = note(html);
    expect(f?.severity).toBe('info');
    expect(f?.message).toBe('页面在卖药，展示的互联网药品信息服务资格证书 (沪)-非经营性-2013-0034 是“非经营性”的：它只允许发布药品信息，不允许在网上卖药');
    expect(f?.params.sold).toBe('国药准字H10900089');
    expect(judgeOf(html).level).toBe('ok');
    expect(note(html, 'en')?.message).toMatch(/non-commercial”: it allows publishing drug information, not selling medicine online$/);
  });

  it('stays quiet where the page does not sell medicine, or the certificate is a commercial one', () => {
    expect(note(`<h1>健康资讯：如何正确服用布洛芬</h1>${CERT}`)).toBeUndefined();
    expect(note(`<h1>维生素C 泡腾片</h1><p>￥19.80</p><button>加入购物车</button>${CERT}`)).toBeUndefined();
    const commercial = CERT.replace('非经营性', '经营性');
    expect(note(`<p>处方药</p><p>￥19.80</p><button>加入购物车</button>${commercial}`)).toBeUndefined();
  });
});
