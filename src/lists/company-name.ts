import { tradToSimp } from '../identifiers/trad-simp';
import { PROVINCES } from '../identifiers/provinces';

/**
 * Company names as shops write them vs. the registered name. A page may show the short form
 * (某某科技 for 北京某某科技有限公司), other brackets, spaces, widths, or Traditional and variant
 * characters; none of those is the borrowed-license scam. A different trade name is.
 */

const REGION_WORDS = [...PROVINCES.map((p) => p.name), '深圳', '广州', '杭州', '苏州', '南京', '武汉', '成都', '西安', '厦门', '宁波', '青岛', '大连', '东莞', '佛山', '无锡', '温州', '义乌', '金华', '泉州', '郑州', '长沙', '合肥', '福州', '济南', '沈阳', '哈尔滨', '长春', '石家庄', '太原', '南昌', '南宁', '昆明', '贵阳', '海口', '兰州', '乌鲁木齐', '呼和浩特', '拉萨', '银川', '西宁', '中山', '珠海', '汕头', '常州', '嘉兴', '绍兴', '台州', '湖州', '烟台', '潍坊', '徐州', '南通', '扬州', '中国'];
const REGION = `(?:${REGION_WORDS.sort((a, b) => b.length - a.length).join('|')})(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)?`;
const LEADING_REGIONS = new RegExp(`^(?:${REGION})+`);
const BRACKETED = /\([^()]*\)/g;
const ORG_FORMS = /(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|总公司|分公司|公司|集团|个体工商户|工作室|商行|经营部|门市部|专卖店|旗舰店|专营店|网店|店)$/;
/** Industry words shops drop from their trade name (某某网络科技 vs 某某科技). */
const INDUSTRY = /(?:网络科技|信息科技|电子商务|信息技术|网络技术|科技发展|科技|网络|信息|技术|贸易|商贸|实业|发展|文化传媒|文化|传媒|服务|管理|咨询|电子|食品|服饰|服装|家居|百货|日用品|化妆品|供应链|进出口|国际|控股|投资|品牌)/g;

/**
 * Does a name read as an organization's registered name: Chinese characters, letters and digits
 * ending in an organization form (有限公司, 经营部, 店 …), a bracketed part after it allowed? What a
 * reader took from the wrong cell (a watermark's words, a date) mostly does not.
 */
export function looksLikeOrgName(name: string): boolean {
  const folded = foldName(name).replace(/\([^()]*\)$/, '');
  return /^[\p{Script=Han}A-Za-z0-9()]{2,}$/u.test(folded) && ORG_FORMS.test(folded) && folded.length >= 4;
}

/**
 * Simplified, half-width, no spaces or punctuation, ( ) for every bracket. Every character
 * OpenCC folds Traditional → Simplified is folded (滙豐 = 汇丰, 衞 = 卫, 裏 = 里, 峯 = 峰), astral ones
 * included; NFKC first takes care of width and of compatibility ideographs.
 */
export function foldName(name: string): string {
  const table = tradToSimp();
  let out = '';
  for (const ch of name.normalize('NFKC')) {
    const cp = ch.codePointAt(0)!;
    out += String.fromCodePoint(table.get(cp) ?? cp);
  }
  return out
    .replace(/[（〔【[{]/g, '(')
    .replace(/[）〕】\]}]/g, ')')
    .replace(/[\s\u200B·・.,，、'"“”‘’-]+/g, '');
}

/** The trade-name core: no region prefix or bracketed region, no company form, no industry words. */
export function nameCore(name: string, dropIndustry: boolean): string {
  let s = foldName(name).replace(BRACKETED, '');
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(ORG_FORMS, '');
  }
  s = s.replace(LEADING_REGIONS, '');
  return dropIndustry ? s.replace(INDUSTRY, '') : s;
}

/**
 * Whether a name shown on a page can be the registered name. True for the same name in another
 * form; 'unclear' when the shown name has no trade name left to compare (too generic to judge).
 */
export function namesMatch(shown: string, official: string): boolean | 'unclear' {
  if (foldName(shown) === foldName(official)) return true;
  for (const dropIndustry of [false, true]) {
    const a = nameCore(shown, dropIndustry);
    const b = nameCore(official, dropIndustry);
    if (!a || !b) continue;
    if (a === b || (a.length >= 2 && b.includes(a)) || (b.length >= 2 && a.includes(b))) return true;
  }
  const a = nameCore(shown, true);
  return a.length < 2 ? 'unclear' : false;
}
