import { _, CLOSE, digits, OPEN, P, strip, type Form, type FormMatch } from './form-parts';
import { MEDIA_FORMS } from './forms-media';
import { PSB_FORMS } from './forms-psb';
import { provinceByAnyAbbr, provinceByCode, provinceByIcpAbbr, provinceByPsbAbbr } from './provinces';

export type { FormMatch } from './form-parts';

/**
 * Permit and filing numbers that carry their own anchor (ICP备, 公网安备, 网文, JY…) or come right
 * after their label, matched on normalized text. Every pattern tolerates spaces and invisible
 * characters between its parts (`_`) and is linear: no nested quantifiers over the same characters.
 */
const suffix = (name: string) => `(?:${_}-${_}(?<${name}>\\d{1,3})(?!\\d))?`;
const withSuffix = (value: string, n: string | undefined) => (n ? `${value}-${Number(n)}` : value);
/** What may stand right before a licence number without a province: its label, or another such number. */
const ICP_LABEL = `(?<=(?:经营许可证?|许可证)(?:编号|号)?[:：]?[ \\u200B\\t\\n]*|[AB][12]-\\d{8}[ \\u200B]*[,、/][ \\u200B]*)`;

const FORMS: Form[] = [
  {
    id: 'icpF',
    pattern: `(?<icpF>(?<icpFp>[\\u4E00-\\u9FFF])${_}ICP${_}备${_}[:：]?${_}(?<icpFn>${digits(5, 12)})${_}号?${suffix('icpFs')})`,
    build(g) {
      const n = strip(g.icpFn);
      const problems: string[] = [];
      const province = provinceByIcpAbbr(g.icpFp!);
      if (!province) problems.push('province');
      if (n.length !== 8 && n.length !== 10) problems.push('length');
      return {
        kind: 'icp-filing', label: 'ICP备案号', problems, region: province?.name,
        value: withSuffix(`${g.icpFp}ICP备${n}号`, g.icpFs),
      };
    },
  },
  {
    id: 'icpL',
    pattern: `(?<icpL>(?<icpLp>${P})${_}ICP${_}证${_}[:：]?${_}(?<icpLn>${digits(5, 9)})${_}号?${suffix('icpLs')})`,
    build(g) {
      const province = provinceByIcpAbbr(g.icpLp!);
      const n = strip(g.icpLn);
      const problems = province ? [] : ['province'];
      if (n.length !== 6) problems.push('length');
      return { kind: 'icp-license', label: 'ICP经营许可证', problems, region: province?.name, value: withSuffix(`${g.icpLp}ICP证${n}号`, g.icpLs) };
    },
  },
  {
    // 京B2-20080224, 合字B2-…, and without a province (cross-regional licences) after their label:
    // 增值电信业务经营许可证 A2.B1.B2-20100001, 跨地区…经营许可证B2-2004-0851号 (the pre-2009 numbering).
    id: 'icpV',
    pattern: `(?<icpV>(?<icpVp>合字|${P}|${ICP_LABEL})${_}(?<icpVt>[AB][12](?:${_}[.、,·]${_}[AB][12])*)${_}-${_}(?<icpVn>\\d{8}|(?:19|20)\\d\\d${_}-${_}\\d{3,4})(?!\\d)${suffix('icpVs')})`,
    build(g) {
      const types = g.icpVt!.replace(/[^AB12]+/g, '').match(/[AB][12]/g)!.join('.');
      const p = g.icpVp ?? '';
      const province = p && p !== '合字' ? provinceByIcpAbbr(p) ?? provinceByPsbAbbr(p) : undefined;
      return { kind: 'icp-license', label: '增值电信业务经营许可证', problems: [], region: province?.name ?? (p === '合字' ? '外商投资' : '全国'), value: withSuffix(`${p}${types}-${strip(g.icpVn)}`, g.icpVs) };
    },
  },
  {
    id: 'jy',
    pattern: `(?<jy>(?<![A-Z0-9])JY${_}(?<jyN>${digits(14, 14)})(?![0-9]))`,
    build(g) {
      const n = strip(g.jyN);
      const problems = /^[1-3]/.test(n) ? [] : ['category'];
      return { kind: 'food-business', label: '食品经营许可证', problems, region: provinceByCode(n.slice(1, 3))?.name, value: `JY${n}` };
    },
  },
  {
    id: 'sc',
    pattern: `(?<sc>(?<![A-Z0-9])SC${_}(?<scN>${digits(14, 14)})(?![0-9]))`,
    build(g) {
      const n = strip(g.scN);
      const problems = /^[12]/.test(n) ? [] : ['category'];
      return { kind: 'food-production', label: '食品生产许可证', problems, region: provinceByCode(n.slice(3, 5))?.name, value: `SC${n}` };
    },
  },
  {
    // 食品流通许可证 SP + 16 digits (until 2015): division, year, serial.
    id: 'sp',
    pattern: `(?<sp>(?<![A-Z0-9])SP${_}(?<spN>${digits(16, 16)})(?![0-9]))`,
    build(g, before) {
      const n = strip(g.spN);
      const year = Number(n.slice(6, 8));
      // Without its label, only a number whose division and year fit the scheme.
      if (!/食品|流通/.test(before) && (!provinceByCode(n) || year < 5 || year > 15)) return null;
      return { kind: 'food-circulation', label: '食品流通许可证', problems: [], region: provinceByCode(n)?.name, value: `SP${n}` };
    },
  },
  {
    id: 'fo1',
    pattern: `(?<fo1>(?<fo1P>${P})${_}网食${_}(?<fo1L>[A-Z])${_}(?<fo1N>\\d{8})(?!\\d))`,
    build: (g) => ({ kind: 'food-online-filing', label: '网络食品交易备案', problems: [], region: provinceByAnyAbbr(g.fo1P!)?.name, value: `${g.fo1P}网食${g.fo1L}${g.fo1N}` }),
  },
  {
    id: 'fo2',
    pattern: `(?<fo2>(?<fo2P>${P})${_}食药网食备${_}(?<fo2N>\\d{6,12})(?!\\d))`,
    build: (g) => ({ kind: 'food-online-filing', label: '网络食品经营备案', problems: [], region: provinceByAnyAbbr(g.fo2P!)?.name, value: `${g.fo2P}食药网食备${g.fo2N}` }),
  },
  {
    id: 'cu',
    pattern: `(?<cu>(?<cuP>${P})${_}网文${_}${OPEN}${_}(?<cuY>\\d{4})${_}${CLOSE}${_}(?<cuA>\\d{1,6})${_}-${_}(?<cuB>\\d{1,6})${_}号?)`,
    build: (g) => ({ kind: 'culture-license', label: '网络文化经营许可证', problems: [], region: provinceByAnyAbbr(g.cuP!)?.name, value: `${g.cuP}网文〔${g.cuY}〕${g.cuA}-${g.cuB}号` }),
  },
  {
    // (京)-经营性-2014-0008, also without brackets: 沪-非经营性-2013-0012, (京-经营性-2011-0009).
    id: 'di',
    pattern: `(?<di>(?:\\(${_}(?<diP>${P})${_}\\)${_}-?|(?<diQ>${P})${_}-)${_}(?<diK>非)?经营性${_}-${_}(?<diY>\\d{4})${_}-${_}(?<diN>\\d{3,6})(?!\\d))`,
    build(g) {
      const p = g.diP ?? g.diQ!;
      return { kind: 'drug-info', label: '互联网药品信息服务资格证书', problems: [], region: provinceByAnyAbbr(p)?.name, value: `(${p})-${g.diK ?? ''}经营性-${g.diY}-${g.diN}` };
    },
  },
  {
    // 药品医疗器械网络信息服务备案 (京)网药械信息备字(2022)第00123号 (since 2022).
    id: 'dd',
    pattern: `(?<dd>\\(${_}(?<ddP>${P})${_}\\)${_}网药械信息备字${_}${OPEN}${_}(?<ddY>\\d{4})${_}${CLOSE}${_}第?${_}(?<ddN>\\d{1,8})(?!\\d)${_}号?)`,
    build: (g) => ({ kind: 'drug-device-info-filing', label: '药品医疗器械网络信息服务备案', problems: [], region: provinceByAnyAbbr(g.ddP!)?.name, value: `(${g.ddP})网药械信息备字〔${g.ddY}〕第${g.ddN}号` }),
  },
  {
    id: 'dt',
    pattern: `(?<dt>(?<![A-Z0-9])(?<dtP>国|${P})${_}(?<dtL>[ABC])${_}(?<dtN>20\\d{6})(?![0-9]))`,
    build(g, before) {
      // 粤C2014… could be anything; only 国A… stands alone, the rest need the certificate's name nearby.
      if (g.dtP !== '国' && !/药品.{0,12}(?:交易|销售)|交易服务资格/.test(before)) return null;
      return { kind: 'drug-trade', label: '互联网药品交易服务资格证书', problems: [], region: g.dtP === '国' ? '全国' : provinceByAnyAbbr(g.dtP!)?.name, value: `${g.dtP}${g.dtL}${g.dtN}` };
    },
  },
  {
    id: 'dp',
    pattern: `(?<dp>\\(${_}(?<dpP>${P})${_}\\)${_}网械平台备字${_}${OPEN}${_}(?<dpY>\\d{4})${_}${CLOSE}${_}第?${_}(?<dpN>\\d{1,8})${_}号?)`,
    build: (g) => ({ kind: 'device-platform-filing', label: '医疗器械网络交易服务第三方平台备案', problems: [], region: provinceByAnyAbbr(g.dpP!)?.name, value: `(${g.dpP})网械平台备字〔${g.dpY}〕第${g.dpN}号` }),
  },
  {
    id: 'db',
    pattern: `(?<db>(?<dbP>${P}[\\u4E00-\\u9FFF]{0,3}?(?:食药监|药监|市监|市场监管))${_}械经营${_}(?<dbK>许|备)${_}(?<dbN>\\d{6,14})${_}号?)`,
    build: (g) => ({ kind: 'device-business', label: g.dbK === '许' ? '医疗器械经营许可证' : '医疗器械经营备案凭证', problems: [], region: provinceByAnyAbbr(g.dbP![0]!)?.name, value: `${g.dbP}械经营${g.dbK}${g.dbN}号` }),
  },
  ...MEDIA_FORMS,
  ...PSB_FORMS,
];

/**
 * The literal cores the forms contain, each with the forms it belongs to. Scanning a page for these is
 * one cheap pass; a window around each is then tried with its family's pattern only, instead of every
 * alternative at every Chinese character of a 2 MB page. Families also keep each compiled pattern
 * small, and compiled only when a page has its anchor (V8 compiles a regex on first use; one pattern of
 * every form cost a few milliseconds on each first scan). A form that starts with its label is
 * anchored on the label.
 */
const FAMILIES: [anchor: string, forms: string[]][] = [
  ['ICP|[AB][12](?=[ \\u200B]*[.、,·-])', ['icpF', 'icpL', 'icpV']],
  ['公网|公安|网警|网安备案', ['psb', 'pb', 'pn']],
  ['JY|SC|SP', ['jy', 'sc', 'sp']],
  ['网食', ['fo1', 'fo2']],
  ['网文', ['cu', 'cw']],
  ['经营性', ['di']],
  ['[ABC](?=[ \\u200B]*20\\d{6})', ['dt']],
  ['网械|械经营|网药械', ['dp', 'db', 'dd']],
  ['新出|网出证|出版物经营|音像制品', ['pu', 'on', 'op', 'ps']],
  ['节目制作|视听|演', ['bc', 'av', 'pl', 'pf']],
];
const ANCHOR = new RegExp(FAMILIES.map(([anchor], i) => `(?<f${i}>${anchor})`).join('|'), 'g');
const familyForms = FAMILIES.map(([, ids]) => ids.map((id) => FORMS.find((f) => f.id === id)!));
if (familyForms.flat().length !== FORMS.length || familyForms.flat().includes(undefined as unknown as Form)) {
  throw new Error('forms: every form belongs to exactly one anchor family');
}
const compiled: (RegExp | undefined)[] = [];
const familyPattern = (i: number) => (compiled[i] ??= new RegExp(familyForms[i]!.map((f) => f.pattern).join('|'), 'g'));
const BEFORE = 24;
const AFTER = 80;

/** Finds every form-anchored identifier in normalized text. */
export function* findForms(norm: string): Generator<FormMatch & { start: number; end: number }> {
  let done = 0;
  const found: (FormMatch & { start: number; end: number })[] = [];
  ANCHOR.lastIndex = 0;
  for (let a = ANCHOR.exec(norm); a; a = ANCHOR.exec(norm)) {
    if (a.index < done) continue;
    // The window starts before what earlier anchors read, so that lookbehinds see it (A2.B1.B2-… right
    // after another licence); matching itself resumes where they stopped.
    const from = Math.max(0, a.index - BEFORE);
    const window = norm.slice(from, a.index + AFTER);
    const family = Number(Object.keys(a.groups!).find((k) => a.groups![k] !== undefined)!.slice(1));
    const forms = familyForms[family]!;
    const pattern = familyPattern(family);
    pattern.lastIndex = Math.max(0, done - from);
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      const start = from + m.index;
      // Only forms built around this anchor; later anchors get their own window.
      if (start > a.index) break;
      const g = m.groups!;
      const form = forms.find((f) => g[f.id] !== undefined)!;
      const built = form.build(g, norm.slice(Math.max(0, start - 40), start));
      done = start + m[0].length;
      const all = built === null ? [] : Array.isArray(built) ? built : [built];
      all.forEach((b, k) => {
        const { span, ...match } = b;
        if (!span) return void found.push({ ...match, start, end: done });
        // The number comes after its label (and a second number after the first): find it from there.
        // (Cheaper than the regex's `d` flag, which makes compiling this large pattern several times slower.)
        const text = g[span]!;
        const at = k === 0 ? m[0].indexOf(text) : m[0].lastIndexOf(text);
        found.push({ ...match, start: start + at, end: start + at + text.length });
      });
      yield* found.splice(0);
    }
    if (ANCHOR.lastIndex < done) ANCHOR.lastIndex = done;
  }
}
