import type { KeyType } from './format';
import type { RegistryAnswer, RegistrySiteId } from './registry-answer';

/**
 * What the user's own registry lookups say about one value a page shows (the credit-level cache the
 * shopper filled by checking on the official sites): an answer read from a registry page, or a
 * result page that could not be read (that tab only, never cached).
 */
export type RegistryLookup =
  | { kind: KeyType; value: string; state: 'answered'; answer: RegistryAnswer; /** when it was read (ms) */ at: number }
  | { kind: KeyType; value: string; state: 'unreadable'; site: RegistrySiteId; url: string; reason: string; at: number };

/** The answered lookup of one value, if the user has one. */
export function answerFor(lookups: readonly RegistryLookup[] | undefined, kind: KeyType, value: string): Extract<RegistryLookup, { state: 'answered' }> | null {
  for (const l of lookups ?? []) if (l.state === 'answered' && l.kind === kind && l.value === value) return l;
  return null;
}

/** Every answered lookup. */
export const answered = (lookups: readonly RegistryLookup[] | undefined): Extract<RegistryLookup, { state: 'answered' }>[] =>
  (lookups ?? []).filter((l): l is Extract<RegistryLookup, { state: 'answered' }> => l.state === 'answered');
