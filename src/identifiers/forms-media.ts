import { _, CJK, CLOSE, LABEL_GAP, OPEN, P, strip, type Form } from './form-parts';
import { PROVINCES, provinceByAnyAbbr } from './provinces';

/**
 * Culture and media permits. The ones whose numbers are anchored in their own form (网出证,
 * 新出网证, 新出发, 京演(机构)) are read anywhere; the ones whose numbers look like nothing in
 * particular ((京)字第123号, a bare 7-digit number) only right after their label, which the
 * pattern then includes.
 */
const region = (abbr: string | undefined) => (abbr ? provinceByAnyAbbr(abbr)?.name : undefined);
const YEAR = `${OPEN}${_}(?:19|20)\\d\\d${_}${CLOSE}`;

export const MEDIA_FORMS: Form[] = [
  {
    // 广播电视节目制作经营许可证 (京)字第01234号 / 节目制作许可证 京字第666号 / (鲁广社)字第046号.
    id: 'bc',
    pattern: `(?<bc>(?:广播电视)?节目制作(?:经营)?许可证${LABEL_GAP}(?<bcV>${OPEN}?${_}(?<bcP>${P}${CJK}{0,3}?)${_}${CLOSE}?${_}字${_}第?${_}(?<bcN>\\d{1,6})(?!\\d)${_}号?))`,
    build: (g) => ({ kind: 'broadcast-license', label: '广播电视节目制作经营许可证', span: 'bcV', problems: [], region: region(g.bcP![0]), value: `(${g.bcP})字第${g.bcN}号` }),
  },
  {
    // 信息网络传播视听节目许可证 0110409 / 网络视听许可证1910564号: a bare number, only under its label.
    id: 'av',
    pattern: `(?<av>(?:信息网络传播|网络)?视听(?:节目)?许可证${LABEL_GAP}(?<avV>(?<avN>\\d{7})(?!\\d)${_}号?))`,
    build(g) {
      // The first two digits number the province in the usual order (01 北京 … 31 新疆).
      const p = PROVINCES[Number(g.avN!.slice(0, 2)) - 1];
      return { kind: 'av-program-license', label: '信息网络传播视听节目许可证', span: 'avV', problems: [], region: p?.name, value: g.avN! };
    },
  },
  {
    // 营业性演出许可证 京演(机构)(2019)4094号 / 京市演587号 / 穗天演440106026 / 沪市文旅演(经)00-2253.
    id: 'pl',
    pattern: `(?<pl>(?:营业性)?演出(?:经营)?许可证${LABEL_GAP}(?<plV>(?<plH>${CJK}{1,4}?)演${_}(?<plK>\\(${CJK}{1,3}\\))?${_}(?<plY>${YEAR})?${_}(?<plN>\\d{1,10}(?:${_}-${_}\\d{1,6})?)(?!\\d)${_}号?))`,
    build: (g) => ({ kind: 'performance-license', label: '营业性演出许可证', span: 'plV', problems: [], region: region(g.plH![0]), value: performanceValue(g.plH!, g.plK, g.plY, g.plN!) }),
  },
  {
    // Without the label, only the forms no other number has: 京演(机构)…, 京市演587号.
    id: 'pf',
    pattern: `(?<pf>(?<pfP>${P})(?<pfC>市(?:文旅?)?)?演${_}(?<pfK>\\((?:机构|经|个体)\\))?${_}(?<pfY>${YEAR})?${_}(?<pfN>\\d{2,10}(?:${_}-${_}\\d{1,6})?)(?!\\d)${_}号?)`,
    build: (g) => (g.pfC || g.pfK ? { kind: 'performance-license', label: '营业性演出许可证', problems: [], region: region(g.pfP), value: performanceValue(g.pfP! + (g.pfC ?? ''), g.pfK, g.pfY, g.pfN!) } : null),
  },
  {
    // 网络出版服务许可证 (总)网出证(京)字第045号 / (署)网出证(粤)字第054号.
    id: 'op',
    pattern: `(?<op>(?:\\(${_}(?<opI>[总署])${_}\\)${_})?网出证${_}${OPEN}${_}(?<opP>${P})${_}${CLOSE}${_}字${_}第?${_}(?<opN>\\d{1,6})(?!\\d)${_}号?)`,
    build: (g) => ({ kind: 'online-publishing-license', label: '网络出版服务许可证', problems: [], region: region(g.opP), value: `${g.opI ? `(${g.opI})` : ''}网出证(${g.opP})字第${g.opN}号` }),
  },
  {
    // 互联网出版许可证 新出网证(京)字150号 (before 2016), also written 新出网证 <京> 字011号.
    id: 'on',
    pattern: `(?<on>新出网证${_}${OPEN}${_}(?<onP>${P})${_}${CLOSE}${_}字${_}(?<onD>第)?${_}(?<onN>\\d{1,6})(?!\\d)${_}号?)`,
    build: (g) => ({ kind: 'online-publishing-license', label: '互联网出版许可证', problems: [], region: region(g.onP), value: `新出网证(${g.onP})字${g.onD ?? ''}${g.onN}号` }),
  },
  {
    // 出版物经营许可证 新出发京零字第大120007号 / 新出发(苏)批字第N-012号 / 新出发粤穗零字第Y672号 / 新出发零字第00086号.
    id: 'pu',
    pattern: `(?<pu>新出发${_}(?:${OPEN}${_}(?<puB>${P})${_}${CLOSE}|(?<puP>${P}))?${_}(?<puT>${CJK}{1,3}?)${_}字${_}第?${_}(?<puX>[\\u4E00-\\u9FFFA-Z]{0,3}?)${_}(?<puH>-)?${_}(?<puN>\\d{3,10})(?!\\d)${_}号?)`,
    build: (g) => ({
      kind: 'publication', label: '出版物经营许可证', problems: [], region: region(g.puB ?? g.puP),
      value: `新出发${g.puB ? `(${g.puB})` : (g.puP ?? '')}${g.puT}字第${g.puX}${g.puH ?? ''}${g.puN}号`,
    }),
  },
  {
    // Local serials under their label: 出版物经营许可证 沪批字第U6699号 / 京批100160号 / 渝北-500112122号;
    // 音像制品经营许可证苏宿批005号.
    id: 'ps',
    pattern: `(?<ps>(?<psL>出版物经营许可证|音像制品经营许可证)${LABEL_GAP}(?!新出发)(?<psV>(?<psP>${P})(?:${CJK}{0,2}?(?:批|音网)字?${_}第?${_}[A-Z]?${_}\\d{1,8}|${CJK}{0,3}?${_}-${_}\\d{6,12})(?!\\d)${_}号?))`,
    build: (g) => ({ kind: 'publication', label: g.psL!, span: 'psV', problems: [], region: region(g.psP), value: strip(g.psV).replace(/号?$/, '号') }),
  },
  {
    // The national culture licence before provinces issued them: 文网文[2010]175号.
    id: 'cw',
    pattern: `(?<cw>文网文${_}${OPEN}${_}(?<cwY>(?:19|20)\\d\\d)${_}${CLOSE}${_}(?<cwN>\\d{1,4})(?![\\d-])${_}号?)`,
    build: (g) => ({ kind: 'culture-license', label: '网络文化经营许可证', problems: [], region: '全国', value: `文网文〔${g.cwY}〕${g.cwN}号` }),
  },
];

/** 京演(机构)〔2019〕4094号: one spelling for every way a page writes the brackets and spaces. */
function performanceValue(head: string, kind: string | undefined, year: string | undefined, n: string): string {
  const y = year ? `〔${year.replace(/\D/g, '')}〕` : '';
  return `${head}演${kind ?? ''}${y}${strip(n)}号`;
}
