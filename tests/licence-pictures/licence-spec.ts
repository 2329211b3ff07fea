import { orgcodeCheckChar, usccCheckChar } from '../../src/identifiers/checks';

/**
 * Made-up licences for the picture tests: real-looking fields (names, codes that pass or fail their
 * check, addresses, dates), drawn from a seed so a set can be made again exactly. The tuning set and
 * the held-out set use seeds that never meet (see SETS).
 */
export interface LicenceSpec {
  id: string;
  /** What the picture is: a paper licence photo, a platform's text card, or no licence at all. */
  layout: 'paper' | 'card' | 'none';
  /** What the picture is meant to test (the expected findings follow from it). */
  case: 'clean' | 'tampered' | 'spoofed' | 'invalid' | 'none';
  name: string;
  uscc: string;
  type: string;
  legalRepresentative: string;
  capital: string;
  established: string;
  term: string;
  address: string;
  scope: string;
  authority: string;
  issued: string;
  /** The QR code's text (paper licences), or null. */
  qr: string | null;
  look: Look;
}

/** How the photo is taken: rotation, size, compression, watermark, blur. */
export interface Look {
  rotate: number;
  width: number;
  jpegQuality: number | null;
  watermark: string | null;
  blur: number;
  /** Paper tint and lighting. */
  paper: string;
  serif: boolean;
}

/** Mulberry32: small, seedable, good enough to pick fields. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pickChar = (r: () => number, s: string): string => s[Math.floor(r() * s.length)]!;

const CITIES: [string, string, string][] = [
  ['北京市', '海淀区', '110108'], ['北京市', '朝阳区', '110105'], ['上海市', '浦东新区', '310115'], ['上海市', '徐汇区', '310104'],
  ['广州市', '天河区', '440106'], ['深圳市', '南山区', '440305'], ['杭州市', '余杭区', '330110'], ['杭州市', '西湖区', '330106'],
  ['南京市', '鼓楼区', '320106'], ['苏州市', '吴中区', '320506'], ['成都市', '武侯区', '510107'], ['武汉市', '洪山区', '420111'],
  ['西安市', '雁塔区', '610113'], ['郑州市', '金水区', '410105'], ['长沙市', '岳麓区', '430104'], ['厦门市', '思明区', '350203'],
  ['义乌市', '稠城街道', '330782'], ['东莞市', '长安镇', '441900'], ['宁波市', '鄞州区', '330212'], ['青岛市', '崂山区', '370212'],
];
const WORDS = ['华', '盛', '鑫', '源', '达', '恒', '泰', '嘉', '瑞', '丰', '博', '远', '优', '品', '卓', '越', '宏', '图', '新', '创', '锦', '程', '明', '辉', '诚', '信', '美', '佳', '星', '辰', '海', '纳', '百', '川', '安', '润', '欣', '悦', '拓', '展', '云', '帆', '智', '禾', '益', '康', '永', '顺'];
const TRADES = ['电子商务', '科技', '贸易', '服饰', '食品', '日用品', '家居用品', '电子科技', '网络科技', '商贸', '母婴用品', '化妆品', '农产品', '文化传媒', '供应链管理'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '商贸有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '丽', '华', '建国', '志强', '晓东', '海燕', '文'];
const ROADS = ['中山路', '人民路', '建设路', '解放大道', '科技园路', '文三路', '学院路', '长江路', '滨江大道', '创业路', '华阳路', '工业大道'];
const SCOPES = [
  '许可项目：食品销售；第二类增值电信业务。一般项目：互联网销售（除销售需要许可的商品）；日用百货销售；服装服饰零售；鞋帽零售；化妆品零售；家用电器销售；电子产品销售；技术服务、技术开发、技术咨询、技术交流。',
  '一般项目：技术服务、技术开发、技术咨询；软件开发；信息系统集成服务；计算机软硬件及辅助设备零售；通讯设备销售；电子元器件零售；办公用品销售；广告设计、代理。',
  '一般项目：食品互联网销售（仅销售预包装食品）；农副产品销售；食用农产品零售；日用品销售；厨具卫具及日用杂品零售；礼品花卉销售；包装材料及制品销售。',
  '一般项目：服装制造；服装服饰批发；针纺织品销售；箱包销售；皮革制品销售；互联网销售（除销售需要许可的商品）；货物进出口；技术进出口。',
];
const TYPES = ['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）', '其他有限责任公司', '股份有限公司（非上市、自然人投资或控股）'];

/** The watermark texts shops write over their licence photos. */
const WATERMARKS = ['仅限本店使用', '仅供本店铺亮照使用', '仅限XX店铺使用，他用无效'];

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 统一社会信用代码 that passes every check (工商 企业: 91), for the given division. */
export function makeUscc(r: () => number, division: string): string {
  let org = r() < 0.5 ? 'MA' : '';
  while (org.length < 8) org += r() < 0.7 ? String(Math.floor(r() * 10)) : pickChar(r, ORG_CHARS.slice(10));
  // The organization code's own check character must be a digit or X; the USCC alphabet has no X.
  const oc = orgcodeCheckChar(org)!;
  if (oc === 'X') return makeUscc(r, division);
  const first17 = `91${division}${org}${oc}`;
  return first17 + usccCheckChar(first17)!;
}

/** The same code with its check character made wrong (another character of the alphabet). */
export function breakCheck(uscc: string, r: () => number): string {
  let c = uscc[17]!;
  while (c === uscc[17]) c = pickChar(r, USCC_CHARS);
  return uscc.slice(0, 17) + c;
}

function date(r: () => number, from: number, to: number): [number, number, number] {
  return [from + Math.floor(r() * (to - from)), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)];
}
const zhDate = ([y, m, d]: [number, number, number]) => `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`;

/** The official registry's QR URL for a licence: some provinces put the code in it, others an opaque key. */
export function registryQr(r: () => number, uscc: string, host = 'www.gsxt.gov.cn'): string {
  if (r() < 0.6) return `http://${host}/index.html?uniscid=${uscc}`;
  let key = '';
  while (key.length < 32) key += '0123456789abcdef'[Math.floor(r() * 16)];
  return `https://${host}/corp-query-entprise-info-${key}.html`;
}

/** One licence picture's spec for a seed and a case. */
export function licenceSpec(seed: number, kase: LicenceSpec['case'], layout: LicenceSpec['layout']): LicenceSpec {
  const r = rng(seed);
  const [city, district, division] = pick(r, CITIES);
  const trade = pick(r, TRADES);
  const core = pick(r, WORDS) + pick(r, WORDS) + (r() < 0.3 ? pick(r, WORDS) : '');
  const name = `${city.replace(/市$/, '')}${core}${trade}${pick(r, FORMS)}`.replace('有限公司有限公司', '有限公司');
  const uscc = makeUscc(r, division);
  const est = date(r, 2012, 2024);
  const longTerm = r() < 0.5;
  const look: Look = {
    rotate: layout === 'card' ? 0 : (r() - 0.5) * 7,
    width: layout === 'card' ? 760 : pick(r, [1000, 1100, 1100, 1200, 1400]),
    jpegQuality: r() < 0.7 ? pick(r, [55, 70, 85]) : null,
    watermark: layout !== 'card' && r() < 0.45 ? pick(r, WATERMARKS) : null,
    blur: layout === 'card' ? 0 : pick(r, [0, 0, 0.4, 0.7]),
    paper: pick(r, ['#fbf7ec', '#f6f1e3', '#fffdf6', '#efe8d8']),
    serif: r() < 0.6,
  };
  let printed = uscc;
  let qr: string | null = layout === 'paper' ? registryQr(r, uscc) : null;
  if (kase === 'tampered') {
    // The edit changes the printed code (to another valid one) and leaves the QR code as it was.
    printed = makeUscc(r, division);
    qr = `http://www.gsxt.gov.cn/index.html?uniscid=${uscc}`;
  } else if (kase === 'spoofed') {
    qr = `http://${pick(r, ['gsxt-gov.cn.example.top', 'www.gsxt-gov.cn.verify-shop.top', 'gsxt.gov.cn.qy-check.xyz'])}/index.html?uniscid=${uscc}`;
  } else if (kase === 'invalid') {
    printed = breakCheck(uscc, r);
    qr = layout === 'paper' ? registryQr(r, printed) : null;
  }
  return {
    id: `${kase}-${layout}-${seed}`,
    layout,
    case: kase,
    name,
    uscc: printed,
    type: pick(r, TYPES),
    legalRepresentative: pick(r, SURNAMES) + pick(r, GIVEN),
    capital: `${pick(r, ['壹佰', '伍拾', '叁佰', '贰佰', '壹仟', '伍佰'])}万元整`,
    established: zhDate(est),
    term: longTerm ? `${zhDate(est)}至长期` : `${zhDate(est)}至${est[0] + 30}年${String(est[1]).padStart(2, '0')}月${String(est[2] - 1 || 1).padStart(2, '0')}日`,
    address: `${city}${district}${pick(r, ROADS)}${1 + Math.floor(r() * 300)}号${1 + Math.floor(r() * 20)}幢${100 + Math.floor(r() * 900)}室`,
    scope: pick(r, SCOPES),
    authority: `${city}${district.endsWith('区') ? district : ''}市场监督管理局`,
    issued: zhDate(date(r, 2019, 2025)),
    qr,
    look,
  };
}

/**
 * The picture sets: the tuning set (the committed fixtures the tests read, and what the reader was
 * tuned on), the first held-out set (seeds 900,000…: looked at while the reader was made fast, so
 * now a second tuning set, `tuningHeld`), a watermark-heavy tuning set (`tuningWatermark`, seeds
 * 4,200,000…: every paper licence and banner carries a watermark), the held-out set (made by the
 * bench, 60 pictures with seeds no tuning ever saw; made before any result on it was looked at; it
 * has been looked at since), and the second held-out set (`heldOut2`, seeds 5,310,000…: made before
 * the watermark work and read once, at its end). Seed ranges never meet (a set is at most 100,000
 * pictures).
 */
export const SETS: Record<'tuning' | 'tuningHeld' | 'tuningWatermark' | 'heldOut' | 'heldOut2', SetDef> = {
  tuning: { firstSeed: 1000 },
  tuningHeld: { firstSeed: 900_000 },
  tuningWatermark: { firstSeed: 4_200_000, alwaysWatermark: true },
  heldOut: { firstSeed: 3_170_000 },
  heldOut2: { firstSeed: 5_310_000 },
};

export interface SetDef {
  firstSeed: number;
  /** Every picture that can carry a watermark (paper licences and banners) carries one. */
  alwaysWatermark?: boolean;
}

/** A set of `n` specs: mostly clean paper licences, with every case and platform cards among them. */
export function specSet(firstSeed: number, n: number, options: Omit<SetDef, 'firstSeed'> = {}): LicenceSpec[] {
  const plan: [LicenceSpec['case'], LicenceSpec['layout']][] = [
    ['clean', 'paper'], ['clean', 'card'], ['tampered', 'paper'], ['clean', 'paper'], ['spoofed', 'paper'],
    ['clean', 'paper'], ['invalid', 'paper'], ['clean', 'card'], ['none', 'none'], ['clean', 'paper'],
  ];
  return Array.from({ length: n }, (_, i) => {
    const [kase, layout] = plan[i % plan.length]!;
    const spec = licenceSpec(firstSeed + i, kase, layout);
    if (options.alwaysWatermark && layout !== 'card' && !spec.look.watermark) {
      // Drawn from its own stream, so every other field stays what the seed gives.
      spec.look = { ...spec.look, watermark: pick(rng(firstSeed + i + 0x5eed), WATERMARKS) };
    }
    return spec;
  });
}
