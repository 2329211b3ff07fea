import { compact } from '../identifiers/normalize';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../types';
import { parseDomainPattern } from './domain-pattern';
import type { PersonalEntry } from './personal-entry';

/** An identifier value as the scanner writes it: half-width, upper case, no spaces. */
export function normalizeIdentifierValue(value: string): string {
  return compact(value).toUpperCase();
}

const NOTE_MAX = 500;

/**
 * Checks one entry from the user or from an imported file, and normalizes it (domain case and IDN,
 * identifier spacing and width), so equal shops compare equal. Lists every problem.
 */
export function parseEntry(value: unknown): { ok: true; entry: PersonalEntry } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: ['must be an object'] };
  const v = value as Record<string, unknown>;
  if (v.action !== 'warn' && v.action !== 'trust') problems.push('action must be "warn" or "trust"');
  const note = v.note ?? '';
  if (typeof note !== 'string') problems.push('note must be text');
  else if (note.length > NOTE_MAX) problems.push(`note is longer than ${NOTE_MAX} characters`);
  const addedAt = v.addedAt ?? new Date(0).toISOString();
  if (typeof addedAt !== 'string' || Number.isNaN(Date.parse(addedAt))) problems.push('addedAt must be an ISO time');
  if (v.block !== undefined && typeof v.block !== 'boolean') problems.push('block must be true or false');
  if (v.block === true && v.action !== 'warn') problems.push('only a "warn" entry can block');
  let target: PersonalEntry['target'] | null = null;
  const t = v.target as Record<string, unknown> | null | undefined;
  if (typeof t !== 'object' || t === null) problems.push('target must be an object');
  else if (t.type === 'domain') {
    const parsed = typeof t.pattern === 'string' ? parseDomainPattern(t.pattern) : { ok: false as const, message: 'target.pattern must be text' };
    if (parsed.ok) target = { type: 'domain', pattern: parsed.pattern };
    else problems.push(parsed.message);
  } else if (t.type === 'identifier') {
    if (!IDENTIFIER_KINDS.includes(t.kind as IdentifierKind)) problems.push(`target.kind must be one of ${IDENTIFIER_KINDS.join(', ')}`);
    const norm = typeof t.value === 'string' ? normalizeIdentifierValue(t.value) : '';
    if (!norm || norm.length > 100) problems.push('target.value must be an identifier (1–100 characters)');
    if (!problems.length) target = { type: 'identifier', kind: t.kind as IdentifierKind, value: norm };
  } else problems.push('target.type must be "domain" or "identifier"');
  if (problems.length || !target) return { ok: false, problems };
  const entry: PersonalEntry = { action: v.action as PersonalEntry['action'], target, note: note as string, addedAt: new Date(addedAt as string).toISOString() };
  // Only written when chosen, so files and entries from before blocking existed stay as they were.
  if (v.block === true) entry.block = true;
  return { ok: true, entry };
}
