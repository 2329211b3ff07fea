import { KIND_TO_KEY, type QueriedPage } from '../feed/scan-queries';
import { canonicalKey } from '../feed/keys';
import type { RegistryKey } from './query-key';

/** The values of a page a registry can answer about: its credit codes and its filings. */
export function pageRegistryKeys(page: QueriedPage): RegistryKey[] {
  const out = new Map<string, RegistryKey>();
  const add = (kind: RegistryKey['kind'], raw: string | null) => {
    const value = raw ? canonicalKey(kind, raw) : null;
    if (value) out.set(`${kind}:${value}`, { kind, value });
  };
  for (const id of page.identifiers) {
    const kind = KIND_TO_KEY[id.kind];
    if (kind === 'uscc' || kind === 'icp' || kind === 'psb') add(kind, id.value);
  }
  for (const l of page.licenses) add('uscc', l.uscc);
  return [...out.values()];
}
