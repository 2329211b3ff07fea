import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ids, scanHtml } from '../../tests/unit/scan-html';

/**
 * A label followed by each form (issue 14) is read however the page writes it: split across inline
 * elements anywhere, the label and number in separate blocks or cells, spaces between the parts,
 * full-width digits, letters and brackets.
 */
const SAMPLES: [label: string, parts: string[], want: string][] = [
  ['广播电视节目制作经营许可证', ['（京）', '字第', '01234', '号'], 'broadcast-license:(京)字第01234号'],
  ['信息网络传播视听节目许可证', ['0123456'], 'av-program-license:0123456'],
  ['网络视听许可证', ['1910564', '号'], 'av-program-license:1910564'],
  ['营业性演出许可证', ['京演', '（机构）', '（2020）', '1234', '号'], 'performance-license:京演(机构)〔2020〕1234号'],
  ['营业性演出许可证', ['沪市演', '567', '号'], 'performance-license:沪市演567号'],
  ['营业性演出许可证', ['京演', '[ 2018 ]', '3456', '号'], 'performance-license:京演〔2018〕3456号'],
  ['出版物经营许可证', ['浙杭批', '012', '号'], 'publication:浙杭批012号'],
  ['出版物经营许可证', ['新出发', '(苏)', '批字第', 'N-034', '号'], 'publication:新出发(苏)批字第N-034号'],
  ['出版物经营许可证', ['新出发', '粤穗零', '字第', 'Y123', '号'], 'publication:新出发粤穗零字第Y123号'],
  ['出版物经营许可证', ['新出发', '零字第', '00123', '号'], 'publication:新出发零字第00123号'],
  ['互联网出版许可证', ['新出网证', '（京）', '字', '123', '号'], 'online-publishing-license:新出网证(京)字123号'],
  ['网络出版服务许可证', ['（署）', '网出证', '（京）', '字第', '045', '号'], 'online-publishing-license:(署)网出证(京)字第045号'],
  ['互联网药品信息服务资格证书', ['沪', '-', '非经营性', '-', '2013', '-', '0012'], 'drug-info:(沪)-非经营性-2013-0012'],
  ['互联网药品信息服务资格证书', ['京', '-', '经营性', '-', '2016', '-', '0003'], 'drug-info:(京)-经营性-2016-0003'],
  ['药品医疗器械网络信息服务备案', ['（沪）', '网药械信息备字', '（2022）', '第', '00123', '号'], 'drug-device-info-filing:(沪)网药械信息备字〔2022〕第00123号'],
  ['北京市公安局海淀分局备案编号', ['110108000129'], 'psb-filing:京公网安备110108000129号'],
  ['公安机关备案号', ['11010802012345'], 'psb-filing:京公网安备11010802012345号'],
  ['京公网安备', ['11010802012345', '号'], 'psb-filing:京公网安备11010802012345号'],
  ['京公安網備', ['110105002132'], 'psb-filing:京公网安备110105002132号'],
  ['沪公网备', ['3101050200041'], 'psb-filing:沪公网安备3101050200041号'],
  ['增值电信业务经营许可证', ['B2-20150123'], 'icp-license:B2-20150123'],
  ['跨地区增值电信业务经营许可证', ['A2.B1.B2-20100001'], 'icp-license:A2.B1.B2-20100001'],
  ['食品流通许可证', ['SP', '3101011010012345'], 'food-circulation:SP3101011010012345'],
];

const WIDE = /[0-9A-Z()[\]:.-]/g;
const wide = (s: string) => s.replace(WIDE, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Cuts text at the given fractions and wraps each piece in an inline element. */
function splitInline(text: string, cuts: number[], tags: string[]): string {
  const chars = Array.from(text);
  const at = [...new Set(cuts.map((c) => Math.floor(c * chars.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let prev = 0;
  for (const i of [...at, chars.length]) {
    if (i > prev) pieces.push(chars.slice(prev, i).join(''));
    prev = i;
  }
  return pieces.map((p, k) => `<${tags[k % tags.length]}>${escape(p)}</${tags[k % tags.length]}>`).join('');
}

describe('a label and each new form, however the page writes them', () => {
  it.each(SAMPLES)('%s %j → %s', (label, parts, want) => {
    expect(ids(scanHtml(`<p>${label}：${parts.join('')}</p>`))).toContain(want);
  });

  it('split across inline elements, spaced, full-width, or the number in the next block or cell', () => {
    const layouts = ['inline', 'block', 'cell', 'break'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        fc.constantFrom(...layouts),
        fc.constantFrom('', '：', ':', ' ', '  ', '\u3000'),
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        fc.shuffledSubarray(['span', 'b', 'a', 'em', 'font'], { minLength: 1 }),
        ([label, parts, want], layout, sep, fullWidth, spacer, cuts, tags) => {
          let value = parts.join(spacer);
          if (fullWidth) value = wide(value);
          let html: string;
          if (layout === 'inline') html = `<p>${splitInline(label + sep + value, cuts, tags)}</p>`;
          else if (layout === 'block') html = `<div><div>${escape(label + sep)}</div><div>${splitInline(value, cuts, tags)}</div></div>`;
          else if (layout === 'cell') html = `<table><tr><td>${escape(label + sep)}</td><td>${splitInline(value, cuts, tags)}</td></tr></table>`;
          else html = `<p>${escape(label + sep)}<br>${splitInline(value, cuts, tags)}</p>`;
          expect(ids(scanHtml(html)), html).toContain(want);
        },
      ),
      { numRuns: 400 },
    );
  });
});
