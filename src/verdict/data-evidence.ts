import type { PageFacts } from '../scan/facts';
import type { KeyType } from '../feed/format';
import { canonicalKey } from '../feed/keys';
import { KIND_TO_KEY } from '../feed/scan-queries';

/** Where the page shows a listed value: its evidence text and ref, for the finding. */
export function evidenceOf(facts: Pick<PageFacts, 'url' | 'identifiers' | 'licenses'>, kind: KeyType, value: string): { evidence: string; ref?: number } {
  if (kind === 'domain') return { evidence: facts.url };
  for (const id of facts.identifiers) {
    if (KIND_TO_KEY[id.kind] === kind && canonicalKey(kind, id.value) === value) return id.ref === undefined ? { evidence: id.evidence } : { evidence: id.evidence, ref: id.ref };
  }
  for (const l of facts.licenses) {
    const v = kind === 'uscc' ? l.uscc : kind === 'regno' ? l.regno : null;
    if (v && canonicalKey(kind, v) === value) return l.ref === undefined ? { evidence: l.evidence } : { evidence: l.evidence, ref: l.ref };
  }
  return { evidence: `${kind}: ${value}` };
}
