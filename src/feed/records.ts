import { FeedError } from './feed-error';
import {
  CREDIT_LEVELS,
  ENTITY_STATUSES,
  KEY_TYPES,
  LIST_CODES,
  type BlacklistRecord,
  type CreditLevel,
  type EntityRecord,
  type EntityStatus,
  type KeyType,
} from './format';
import { canonicalKey } from './keys';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * Checks one blacklist record (from a CSV row or a details leaf); returns the problem or null.
 * The id must already be canonical in leaves; CSV input is canonicalized by the builder first.
 */
export function blacklistProblem(r: Partial<Record<keyof BlacklistRecord, unknown>>): string | null {
  if (!KEY_TYPES.includes(r.idType as KeyType)) return `id_type must be one of ${KEY_TYPES.join(', ')}`;
  if (!str(r.id, 200) || canonicalKey(r.idType as KeyType, r.id) !== r.id) return `id ${JSON.stringify(r.id)} is not a valid ${String(r.idType)}`;
  if (!(typeof r.list === 'string' && r.list in LIST_CODES)) return `list must be one of ${Object.keys(LIST_CODES).join(', ')}`;
  if (!str(r.name, 300) || !str(r.reason, 2000) || !str(r.authority, 300) || !str(r.sourceUrl, 2000)) return 'a text field is missing or too long';
  if (!r.reason || !r.authority) return 'reason and authority are required';
  if (!str(r.listedOn, 10) || !DATE.test(r.listedOn)) return `listed_on must be YYYY-MM-DD, got ${JSON.stringify(r.listedOn)}`;
  if (r.sourceUrl && !/^https?:\/\//.test(r.sourceUrl)) return 'source_url must be an http(s) URL';
  return null;
}

/** Checks one entity record; returns the problem or null. */
export function entityProblem(r: Partial<Record<keyof EntityRecord, unknown>>): string | null {
  if (!str(r.uscc, 18) || canonicalKey('uscc', r.uscc) !== r.uscc || r.uscc.length !== 18) return `uscc ${JSON.stringify(r.uscc)} is not 18 characters`;
  if (!str(r.name, 300) || !r.name) return 'name is required';
  if (!ENTITY_STATUSES.includes(r.status as EntityStatus)) return `status must be one of ${ENTITY_STATUSES.join(' / ')}`;
  if (r.creditLevel !== null && !CREDIT_LEVELS.includes(r.creditLevel as CreditLevel)) return 'credit_level must be A, B, C, D or empty';
  if (!Array.isArray(r.redlists) || !r.redlists.every((x) => str(x, 200) && x)) return 'redlists malformed';
  if (!str(r.updatedOn, 10) || !DATE.test(r.updatedOn)) return `updated_on must be YYYY-MM-DD, got ${JSON.stringify(r.updatedOn)}`;
  return null;
}

function parseJsonArray(bytes: Uint8Array, what: string): unknown[] {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new FeedError('record', `${what} is not JSON`);
  }
  if (!Array.isArray(v)) throw new FeedError('record', `${what} is not a list`);
  return v;
}

/** Parses a blacklist details leaf; one bad record refuses the leaf (it was signed that way). */
export function parseBlacklistLeaf(bytes: Uint8Array): BlacklistRecord[] {
  const rows = parseJsonArray(bytes, 'blacklist leaf');
  rows.forEach((r, i) => {
    const p = typeof r === 'object' && r ? blacklistProblem(r) : 'not an object';
    if (p) throw new FeedError('record', `blacklist leaf record ${i}: ${p}`);
  });
  return rows as BlacklistRecord[];
}

/** Parses an entity leaf. */
export function parseEntityLeaf(bytes: Uint8Array): EntityRecord[] {
  const rows = parseJsonArray(bytes, 'entity leaf');
  rows.forEach((r, i) => {
    const p = typeof r === 'object' && r ? entityProblem(r) : 'not an object';
    if (p) throw new FeedError('record', `entity leaf record ${i}: ${p}`);
  });
  return rows as EntityRecord[];
}

