import type { Identifier, IdentifierKind, LicenseRecord } from '../types';
import type { KeyType } from './format';
import { canonicalDomain, canonicalKey } from './keys';
import type { IdQuery } from './lookup-types';

/** Page identifier kinds that lists are keyed by. */
export const KIND_TO_KEY: Partial<Record<IdentifierKind, KeyType>> = {
  uscc: 'uscc',
  regno: 'regno',
  'icp-filing': 'icp',
  'icp-license': 'icp',
  'psb-filing': 'psb',
};

/** The page's host and its parent domains (shop.example.com.cn → example.com.cn), not bare suffixes. */
export function domainsOf(url: string): string[] {
  if (!/^https?:/i.test(url)) return [];
  const host = canonicalDomain(url);
  if (!host || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return [];
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) {
    const d = labels.slice(i).join('.');
    // com.cn, net.cn, gov.cn… are public suffixes, not anyone's domain.
    if (labels.length - i === 2 && /^(com|net|org|gov|edu|ac)\.[a-z]{2}$/.test(d)) break;
    out.push(d);
  }
  return out;
}

/** What lookups need of a scanned page. */
export interface QueriedPage {
  url: string;
  identifiers: readonly Pick<Identifier, 'kind' | 'value' | 'valid'>[];
  licenses: readonly Pick<LicenseRecord, 'uscc' | 'regno'>[];
}

/** Everything on a scanned page that a blacklist can be asked about. */
export function blacklistQueries(result: QueriedPage): IdQuery[] {
  const out: IdQuery[] = [];
  for (const id of result.identifiers) {
    const kind = KIND_TO_KEY[id.kind];
    if (kind) out.push({ kind, value: id.value });
  }
  for (const l of result.licenses) {
    if (l.uscc) out.push({ kind: 'uscc', value: l.uscc });
    if (l.regno) out.push({ kind: 'regno', value: l.regno });
  }
  for (const d of domainsOf(result.url)) out.push({ kind: 'domain', value: d });
  return out;
}

/** The valid-looking USCCs of a page, for the credit cache. */
export function entityQueries(result: QueriedPage): string[] {
  const set = new Set<string>();
  for (const id of result.identifiers) if (id.kind === 'uscc' && id.valid) set.add(canonicalKey('uscc', id.value)!);
  for (const l of result.licenses) if (l.uscc) set.add(canonicalKey('uscc', l.uscc) ?? l.uscc);
  return [...set].filter((u) => u.length === 18);
}
