import { pictureName } from '../../image/read-fields';
import { makeFinding, type PageRule } from '../rule';

/**
 * What the picture reader could not read: a licence picture as a whole, or a code in it that fails
 * its check but was not read surely. Said plainly, as the state of our reading and never as "no
 * licence" or "invalid": the shopper can look at the picture and check the code themselves.
 */
export const pictureUnclear: PageRule = {
  code: 'picture-unclear',
  severity: 'info',
  judges: 'page',
  topic: 'data-status',
  message: {
    'zh-CN': '未能看清{picture}中的{what}',
    'zh-TW': '未能看清{picture}中的{what}',
    en: 'Could not read {what} in {picture} clearly',
  },
  advice: {
    'zh-CN': '这不代表没有执照或执照有问题。请放大图片自行核对，或把图片上的号码复制到国家企业信用信息公示系统（www.gsxt.gov.cn）查询。',
    'zh-TW': '這不代表沒有執照或執照有問題。請放大圖片自行核對，或把圖片上的號碼複製到國家企業信用信息公示系統（www.gsxt.gov.cn）查詢。',
    en: 'This does not mean the licence is missing or wrong. Zoom into the picture and check it yourself, or look the number up on www.gsxt.gov.cn.',
  },
  evaluate({ facts, lang }) {
    const w = WORDS[lang];
    return (facts.pictures ?? []).flatMap((p) => {
      const picture = pictureName(p.picture);
      // A picture too small to hold a licence (a badge, an icon) is no licence picture: nothing to say.
      if (p.status === 'unreadable' && p.reason === 'too-small') return [];
      // Only a reading that ended says the picture could not be read (never one still going on).
      if (p.status === 'unreadable' && p.complete === false) return [];
      if (p.status === 'unreadable') return [makeFinding(pictureUnclear, lang, { picture, what: w.text }, p.picture, p.ref)];
      return p.identifiers
        .filter((i) => !i.valid && i.label !== null && !i.readSurely)
        .map((i) => makeFinding(pictureUnclear, lang, { picture, what: `${w.code} ${i.value}` }, i.evidence, p.ref));
    });
  },
};

const WORDS = {
  'zh-CN': { text: '文字', code: '号码' },
  'zh-TW': { text: '文字', code: '號碼' },
  en: { text: 'the text', code: 'the number' },
} as const;
