import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../../tests/unit/scan-html';

const SHOP = '<h1>青禾食品</h1><p>售价 ￥39.90</p><button>立即购买</button>';
const codes = (html: string, lang: 'zh-CN' | 'en' = 'zh-CN') => scanHtml(html, 'https://www.qinghe-food.example/item/1', lang).verdict;

describe('permits-without-license', () => {
  it('is a caution on a page with food or drug permits and no company name or credit code', () => {
    const v = codes(`${SHOP}<footer>食品经营许可证：JY14401040012345</footer>`);
    const f = v.findings.find((x) => x.code === 'permits-without-license');
    expect(f?.severity).toBe('caution');
    expect(f?.message).toBe('页面展示了食品经营许可证，却没有展示营业执照（企业名称或统一社会信用代码）');
    expect(f?.evidence).toContain('JY14401040012345');
    expect(v.level).toBe('caution');
    // One finding about the missing licence, not two.
    expect(v.findings.map((x) => x.code)).not.toContain('license-missing');
  });

  it('speaks English', () => {
    const f = codes(`${SHOP}<footer>食品经营许可证：JY14401040012345</footer>`, 'en').findings.find((x) => x.code === 'permits-without-license');
    expect(f?.message).toBe('The page shows Food business permit but no business licence (company name or unified social credit code)');
  });

  it('stays quiet when the page names the company or shows its credit code', () => {
    const named = codes(`${SHOP}<footer><h3>营业执照信息</h3><p>企业名称：广州青禾食品有限公司</p><p>法定代表人：陈青禾</p><p>食品经营许可证：JY14401040012345</p></footer>`);
    expect(named.findings.map((x) => x.code)).not.toContain('permits-without-license');
    const coded = codes(`${SHOP}<footer>统一社会信用代码：91440101MA5CKX2R1G 食品经营许可证：JY14401040012345</footer>`);
    expect(coded.findings.map((x) => x.code)).not.toContain('permits-without-license');
  });

  it('stays quiet when the page links to its licence page', () => {
    const v = codes(`${SHOP}<footer>食品经营许可证：JY14401040012345 <a href="/license">营业执照</a></footer>`);
    expect(v.findings.map((x) => x.code)).not.toContain('permits-without-license');
  });

  it('does not count an ICP filing as a permit of the company', () => {
    const v = codes(`${SHOP}<footer>粤ICP备2023045678号-1</footer>`);
    expect(v.findings.map((x) => x.code)).not.toContain('permits-without-license');
  });
});
