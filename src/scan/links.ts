import type { Badge } from '../types';
import { checkRegno, checkUscc } from '../identifiers/checks';
import { normalizeText } from '../identifiers/normalize';
import { provinceByCode, regionOfDivision } from '../identifiers/provinces';
import type { Occurrence } from './detect-text';
import type { PageText } from './collect-text';
import { officialHost, sameSite } from './official-hosts';

/** What a link's text, alt or title claims: an official verification or filing. */
const CLAIM =
  /亮照|电子营业执照|营业执照.{0,3}(?:验证|查验|认证|公示)|红盾|工商(?!银行|业|联)|公安备案|公网安备|网安(?!全)|网监|可信网站|诚信网站|网络110|ICP[备证]|企业信用信息|信用信息公示/;
/** Cheap pre-checks on the raw strings (Simplified or Traditional, any width) before any parsing. */
const MAYBE_CLAIM = /亮照|执照|執照|红盾|紅盾|工商|公安|备案|備案|网安|網安|网监|網監|可信|诚信|誠信|110|ICP|ｉｃｐ|ＩＣＰ|信用/i;
const MAYBE_PARAM = /(?:serial|uniscid|creditcode|uscc|shxydm|regno|code)=/i;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|bmp|pdf)$/i;

export interface LinkFindings {
  badges: (Badge & { element: Element })[];
  /** Identifiers carried in link parameters, with the link's index. */
  occurrences: (Occurrence & { link: number })[];
}

/** Reads the claims and embedded identifiers of every link. */
export function analyzeLinks(page: PageText, pageUrl: string, more: () => boolean = () => true): LinkFindings {
  const badges: LinkFindings['badges'] = [];
  const occurrences: LinkFindings['occurrences'] = [];
  let pageHost = '';
  try {
    pageHost = new URL(pageUrl).hostname;
  } catch {
    // A page without a usable URL (a saved file): every external link is "elsewhere".
  }
  for (const [index, link] of page.links.entries()) {
    // Out of time (`more`, the scan's budget): the links not read yet are left out.
    if (!more()) break;
    const shown = page.text.slice(link.start, Math.min(link.end, link.start + 200));
    const maybeClaim = MAYBE_CLAIM.test(shown) || MAYBE_CLAIM.test(link.attrText);
    if (!maybeClaim && !MAYBE_PARAM.test(link.href)) continue;
    const url = parseUrl(link.href, pageUrl);
    if (!url) continue;
    const embedded = embeddedIds(url);
    for (const e of embedded) occurrences.push({ ...e, link: index });
    const official = officialHost(url.hostname);
    // A link into the license registry carrying a code is a 亮照 badge whatever its text says
    // (footers often just say 营业执照).
    const registryLink = /(^|\.)gsxt\.gov\.cn$/.test(url.hostname) && embedded.length > 0;
    const claimText = (maybeClaim ? claimOf(shown, link.attrText) : null) ?? (registryLink ? clip(`${shown} ${link.attrText}`) || url.hostname : null);
    if (!claimText) continue;
    badges.push({
      href: url.href,
      host: url.hostname,
      claims: claimText,
      official: Boolean(official),
      authority: official?.authority ?? null,
      selfHosted: !official && ((pageHost !== '' && sameSite(url.hostname, pageHost)) || IMAGE_FILE.test(url.pathname)),
      embedded: [...new Set(embedded.map((e) => e.value))],
      element: link.element,
    });
  }
  return { badges, occurrences };
}

function parseUrl(href: string, base: string): URL | null {
  try {
    const url = new URL(href.trim(), base || undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 80);

/** The claim a link makes, as the page wrote it (text, alt or title), or null. */
function claimOf(shown: string, attrText: string): string | null {
  const both = `${shown} ${attrText}`.replace(/\s+/g, ' ').trim();
  const m = CLAIM.exec(normalizeText(both));
  return m ? both.slice(0, 80) : null;
}

/** Identifiers carried in query or fragment parameters (serial=, uniscid=, regno=, code=, recordcode=). */
function embeddedIds(url: URL): Occurrence[] {
  const out: Occurrence[] = [];
  const host = url.hostname.toLowerCase();
  const isPsbHost = /(^|\.)beian\.(mps\.)?gov\.cn$/.test(host);
  const official = Boolean(officialHost(host));
  const params = `${url.search}&${url.hash}`;
  for (const m of params.matchAll(/[?&#/]([A-Za-z_]+)=([^&#]*)/g)) {
    const name = m[1]!.toLowerCase();
    let value: string;
    try {
      value = decodeURIComponent(m[2]!).trim().toUpperCase();
    } catch {
      continue;
    }
    if (name === 'serial' || name === 'uniscid' || name === 'creditcode' || name === 'uscc' || name === 'shxydm' || name === 'regno') {
      const uscc = /^[0-9A-Z]{18}(?![0-9A-Z])/.exec(value)?.[0];
      if (uscc) {
        const problems = checkUscc(uscc);
        // Off an official host a parameter is just a string: count it only when it is a real code.
        if (official || problems.length === 0) {
          const occ = linkOcc('uscc', uscc, problems, name);
          const region = regionOfDivision(uscc.slice(2, 8));
          if (region) occ.region = region;
          out.push(occ);
        }
        continue;
      }
      if (name === 'regno' && /^\d{15}$/.test(value)) {
        const problems = checkRegno(value);
        if (official || problems.length === 0) out.push(linkOcc('regno', value, problems, name));
      }
    } else if ((name === 'code' || name === 'recordcode') && isPsbHost && /^\d{14}$/.test(value)) {
      const province = provinceByCode(value);
      const occ = linkOcc('psb-filing', `${province?.psb ?? ''}公网安备${value}号`, province ? [] : ['division'], name);
      if (province) occ.region = province.name;
      out.push(occ);
    }
  }
  return out;
}

function linkOcc(kind: Occurrence['kind'], value: string, problems: string[], param: string): Occurrence {
  return { kind, value, valid: problems.length === 0, problems, label: `${param}=`, start: 0, end: 0 };
}
