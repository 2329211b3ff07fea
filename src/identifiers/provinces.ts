/**
 * Province-level divisions (GB/T 2260 first two digits) and the one-character abbreviations that
 * filings use. ICP filings use 蜀 黔 滇 where 公安 filings use 川 贵 云.
 */
export interface Province {
  code: string;
  name: string;
  /** Abbreviation in ICP numbers (京ICP备…). */
  icp: string;
  /** Abbreviation in 公安联网备案 and most permits (京公网安备…). */
  psb: string;
}

export const PROVINCES: readonly Province[] = [
  ['11', '北京', '京', '京'], ['12', '天津', '津', '津'], ['13', '河北', '冀', '冀'], ['14', '山西', '晋', '晋'],
  ['15', '内蒙古', '蒙', '蒙'], ['21', '辽宁', '辽', '辽'], ['22', '吉林', '吉', '吉'], ['23', '黑龙江', '黑', '黑'],
  ['31', '上海', '沪', '沪'], ['32', '江苏', '苏', '苏'], ['33', '浙江', '浙', '浙'], ['34', '安徽', '皖', '皖'],
  ['35', '福建', '闽', '闽'], ['36', '江西', '赣', '赣'], ['37', '山东', '鲁', '鲁'], ['41', '河南', '豫', '豫'],
  ['42', '湖北', '鄂', '鄂'], ['43', '湖南', '湘', '湘'], ['44', '广东', '粤', '粤'], ['45', '广西', '桂', '桂'],
  ['46', '海南', '琼', '琼'], ['50', '重庆', '渝', '渝'], ['51', '四川', '蜀', '川'], ['52', '贵州', '黔', '贵'],
  ['53', '云南', '滇', '云'], ['54', '西藏', '藏', '藏'], ['61', '陕西', '陕', '陕'], ['62', '甘肃', '甘', '甘'],
  ['63', '青海', '青', '青'], ['64', '宁夏', '宁', '宁'], ['65', '新疆', '新', '新'],
].map(([code, name, icp, psb]) => ({ code: code!, name: name!, icp: icp!, psb: psb! }));

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
const byIcp = new Map(PROVINCES.map((p) => [p.icp, p]));
const byPsb = new Map(PROVINCES.map((p) => [p.psb, p]));

/** Every abbreviation either system uses (for patterns). */
export const ALL_ABBREVIATIONS = [...new Set(PROVINCES.flatMap((p) => [p.icp, p.psb]))].join('');

export const provinceByCode = (code: string): Province | undefined => byCode.get(code.slice(0, 2));
export const provinceByIcpAbbr = (abbr: string): Province | undefined => byIcp.get(abbr);
export const provinceByPsbAbbr = (abbr: string): Province | undefined => byPsb.get(abbr);
/** Either system's abbreviation (permits use both). */
export const provinceByAnyAbbr = (abbr: string): Province | undefined => byPsb.get(abbr) ?? byIcp.get(abbr);

/** Region name for a division code: a province, or 全国 for national registrations (10xxxx). */
export function regionOfDivision(division: string): string | undefined {
  if (division.startsWith('10')) return '全国';
  return provinceByCode(division)?.name;
}
