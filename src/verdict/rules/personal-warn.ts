import { makeFinding, type UserRule } from '../rule';

/**
 * The user's own "always warn about this shop" list matched the page. Not an official finding: the
 * message names the user's rule, so nobody mistakes it for a regulator's list.
 */
export const personalWarn: UserRule = {
  code: 'personal-warn',
  severity: 'danger',
  judges: 'user',
  topic: 'shop',
  message: {
    'zh-CN': '你的个人名单要求提醒这家店（你的规则：{rule}）{note}',
    'zh-TW': '你的個人名單要求提醒這家店（你的規則：{rule}）{note}',
    en: 'Your own list says to warn you about this shop (your rule: {rule}){note}',
  },
  advice: {
    'zh-CN': '这条提醒来自你自己在“我的名单”中添加的规则，不是官方名单。若不再需要，可在设置页的“我的名单”中删除。',
    'zh-TW': '這條提醒來自你自己在「我的名單」中新增的規則，不是官方名單。若不再需要，可在設定頁的「我的名單」中刪除。',
    en: 'This warning comes from a rule you added to your own lists, not from an official list. Remove it under “My lists” in the options if you no longer want it.',
  },
  evaluate({ personal, lang }) {
    if (personal?.action !== 'warn') return [];
    const note = personal.note ? (lang === 'en' ? `: ${personal.note}` : `：${personal.note}`) : '';
    return [makeFinding(personalWarn, lang, { rule: personal.rule, matched: personal.matched, note }, personal.matched)];
  },
};
