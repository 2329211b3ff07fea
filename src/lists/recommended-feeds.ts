import { LANGS, type Lang } from '../i18n/lang';
import { toBase64 } from '../feed/bytes';
import { parsePublicKey } from '../feed/signature';
import { manifestUrl } from './subscriptions';

/** Words in every UI language (a plain string stands for all three). */
export type Texts = Record<Lang, string>;

/** A list the distributor recommends: offered on the first-run page with one click. */
export interface RecommendedFeed {
  url: string;
  publicKey: string;
  name: Texts;
  /** What the list holds, in plain words. */
  holds: Texts;
  /** Who publishes it. */
  publisher: Texts;
  staleAfterDays?: number;
}

/** Where reports go when the user has set no endpoint, and who that is. */
export interface DefaultReportEndpoint {
  url: string;
  organisation: Texts;
}

/** A report endpoint and, when the distributor named it, the organisation that receives reports there. */
export interface ReportRecipient {
  url: string;
  organisation: Texts | null;
}

/** public/recommended-feeds.json, read (entries not understood are named, never silently used). */
export interface RecommendedConfig {
  feeds: RecommendedFeed[];
  reportEndpoint: DefaultReportEndpoint | null;
  problems: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function texts(v: unknown, max = 500): Texts | null {
  if (typeof v === 'string' && v.trim() && v.length <= max) return { 'zh-CN': v, 'zh-TW': v, en: v };
  if (!isRecord(v) || typeof v['zh-CN'] !== 'string' || !v['zh-CN'].trim()) return null;
  const zh = v['zh-CN'];
  const out = Object.fromEntries(LANGS.map((l) => [l, typeof v[l] === 'string' && (v[l] as string).trim() ? (v[l] as string) : zh])) as Texts;
  return LANGS.every((l) => out[l].length <= max) ? out : null;
}

/** https, or http on this machine (tests and local setups); no credentials. */
function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const u = new URL(raw);
    const local = u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
    return (u.protocol === 'https:' || local) && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

/** Reads the data file: each feed needs url, publicKey, name, holds and publisher. */
export function parseRecommended(json: unknown): RecommendedConfig {
  const out: RecommendedConfig = { feeds: [], reportEndpoint: null, problems: [] };
  if (!isRecord(json)) return { ...out, problems: ['the file is not a JSON object'] };
  const feeds = json.feeds ?? [];
  if (!Array.isArray(feeds)) out.problems.push('"feeds" is not a list');
  else
    feeds.forEach((f: unknown, i) => {
      const where = `feeds[${i}]`;
      if (!isRecord(f)) return void out.problems.push(`${where}: not an object`);
      const url = safeUrl(f.url);
      const [name, holds, publisher] = [texts(f.name, 200), texts(f.holds), texts(f.publisher, 200)];
      let publicKey: string | null = null;
      try {
        publicKey = typeof f.publicKey === 'string' ? toBase64(parsePublicKey(f.publicKey)) : null;
      } catch {
        publicKey = null;
      }
      if (!url || !publicKey || !name || !holds || !publisher) return void out.problems.push(`${where}: needs an https "url", a "publicKey", and "name", "holds", "publisher"`);
      const feed: RecommendedFeed = { url: manifestUrl(url), publicKey, name, holds, publisher };
      if (typeof f.staleAfterDays === 'number' && Number.isInteger(f.staleAfterDays) && f.staleAfterDays > 0 && f.staleAfterDays <= 365) feed.staleAfterDays = f.staleAfterDays;
      out.feeds.push(feed);
    });
  const r = json.reportEndpoint;
  if (r !== undefined && r !== null) {
    const url = isRecord(r) ? safeUrl(r.url) : null;
    const organisation = isRecord(r) ? texts(r.organisation, 200) : null;
    if (url && organisation) out.reportEndpoint = { url, organisation };
    else out.problems.push('"reportEndpoint" needs an https "url" and the "organisation" that receives reports');
  }
  return out;
}
