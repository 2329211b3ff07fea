import type { KeyType } from '../feed/format';
import { canonicalKey } from '../feed/keys';
import type { RegistryAnswer } from '../feed/registry-answer';

/** A value a registry answers about, in the feed's key terms. */
export interface RegistryKey {
  kind: Extract<KeyType, 'uscc' | 'icp' | 'psb'>;
  value: string;
}

/** What a typed-in search term is: a credit code, an ICP filing, or a 公安 filing number. */
export function keyOfQuery(query: string | null): RegistryKey | null {
  if (!query) return null;
  for (const kind of ['uscc', 'icp', 'psb'] as const) {
    const value = canonicalKey(kind, query);
    // A bare 14-digit number is a 公安 filing only when nothing else reads it.
    if (value) return { kind, value };
  }
  return null;
}

/**
 * Which values an answer is about: the credit code it shows, the filing it shows, or, for "nothing
 * found", what was searched for. An answer is accepted only for a value the shop tab asked about.
 */
export function answerKeys(answer: RegistryAnswer): RegistryKey[] {
  const out: RegistryKey[] = [];
  const uscc = answer.subject?.uscc ? canonicalKey('uscc', answer.subject.uscc) : null;
  if (uscc) out.push({ kind: 'uscc', value: uscc });
  if (answer.filing) out.push({ kind: answer.filing.kind, value: answer.filing.number });
  if (answer.notFound) {
    const q = keyOfQuery(answer.query);
    if (q) out.push(q);
  }
  return out;
}

export const sameKey = (a: RegistryKey, b: RegistryKey): boolean => a.kind === b.kind && a.value === b.value;
