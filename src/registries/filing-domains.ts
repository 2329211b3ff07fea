import { canonicalDomain } from '../feed/keys';

/** "www.example.com; shop.example.com" → canonical domains, no duplicates (at most 20). */
export function filingDomains(text: string | null | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const part of text.split(/[\s,，;；、|]+/)) {
    const d = part && /[a-z0-9-]\.[a-z]/i.test(part) ? canonicalDomain(part) : null;
    if (d) out.add(d);
  }
  return [...out].slice(0, 20);
}
