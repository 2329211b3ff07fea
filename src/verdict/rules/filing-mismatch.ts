import { domainsOf } from '../../feed/scan-queries';
import { answered } from '../../feed/registry-lookup';
import { evidenceOf } from '../data-evidence';
import { registryEvidence, registryParams } from '../registry-evidence';
import { makeFinding, type ListRule } from '../rule';

/**
 * The ICP or 公安 filing the page shows belongs to another website: the filing system lists the
 * domains it covers, and this page's host is none of them (nor under one). A copied filing number is
 * how a scam site borrows a real site's standing. Judged on domains only: a platform page showing the
 * platform's filing next to a merchant's licence is not a mismatch, and the owner's name alone
 * cannot tell those apart.
 */
export const filingMismatch: ListRule = {
  code: 'filing-mismatch',
  severity: 'danger',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '备案号 {value} 登记的是“{owner}”的网站 {domains}，不是本网站 {host}',
    'zh-TW': '備案號 {value} 登記的是「{owner}」的網站 {domains}，不是本網站 {host}',
    en: 'Filing {value} is registered to “{owner}” for {domains}, not for this site {host}',
  },
  advice: {
    'zh-CN': '{registry}显示该备案属于其他网站：本网站可能盗用了别人的备案号。不要付款，可向 12321 或当地网信、公安部门举报。',
    'zh-TW': '{registry}顯示該備案屬於其他網站：本網站可能盜用了別人的備案號。不要付款，可向 12321 或當地網信、公安部門舉報。',
    en: '{registry} shows this filing belongs to another website: this site may be using someone else’s filing number. Do not pay; report it to 12321 or the local cyberspace or police authorities.',
  },
  evaluate({ facts, lookups, lang }) {
    const mine = domainsOf(facts.url);
    if (!mine.length) return [];
    return answered(lookups.registry).flatMap((r) => {
      const filing = r.answer.filing;
      if (!filing || filing.number !== r.value || !filing.domains.length) return [];
      // The host is a filed domain or a subdomain of one (domainsOf lists the host and its parents).
      if (filing.domains.some((d) => mine.includes(d))) return [];
      const params = { value: r.value, owner: r.answer.subject?.name ?? '?', domains: filing.domains.join(lang === 'en' ? ', ' : '、'), host: mine[0]!, ...registryParams(r, lang) };
      return [makeFinding(filingMismatch, lang, params, registryEvidence(r, lang), evidenceOf(facts, r.kind, r.value).ref)];
    });
  },
};
