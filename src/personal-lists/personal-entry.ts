import type { IdentifierKind } from '../types';

/** What the user wants for a shop: always warn about it, or trust it (no warnings). */
export type PersonalAction = 'warn' | 'trust';

/** Which shop an entry is about: a domain pattern, or one of its identifiers. */
export type PersonalTarget =
  | { type: 'domain'; pattern: string }
  | { type: 'identifier'; kind: IdentifierKind; value: string };

/** One entry of the user's own lists. */
export interface PersonalEntry {
  action: PersonalAction;
  target: PersonalTarget;
  /** The user's own note ("bought a fake here"). */
  note: string;
  /** ISO time it was added. */
  addedAt: string;
  /** A "warn" entry whose site the shopper wants stopped before it opens (the block page); absent = no. */
  block?: boolean;
}

/** A stable key for the target, so one shop has at most one entry. */
export function targetKey(target: PersonalTarget): string {
  return target.type === 'domain' ? `domain:${target.pattern}` : `id:${target.kind}:${target.value}`;
}
