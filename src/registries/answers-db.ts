import { Dexie, type EntityTable } from 'dexie';
import type { IndexedDbServices } from '../reports/outbox-db';
import type { RegistryAnswer, RegistrySiteId } from '../feed/registry-answer';
import type { RegistryKey } from './query-key';
import type { RegistryLookup } from '../feed/registry-lookup';

/**
 * One answer the shopper brought back from a registry: the value asked about, what the registry
 * said, when, and which page said it. The user's own credit-level cache, on this device only.
 */
export interface StoredAnswer {
  /** `${kind}:${value}|${site}`: one answer per value and registry (a newer one replaces it). */
  id: string;
  /** `${kind}:${value}`, the feed's key string, to find every answer for a value. */
  key: string;
  kind: RegistryKey['kind'];
  value: string;
  site: RegistrySiteId;
  answer: RegistryAnswer;
  /** When it was read (ms). */
  at: number;
}

export const keyOf = (k: RegistryKey): string => `${k.kind}:${k.value}`;

/** The registry answers database, apart from the lists' and the outbox's (their schemas never couple). */
export class AnswersDb extends Dexie {
  answers!: EntityTable<StoredAnswer, 'id'>;

  constructor(services: IndexedDbServices, name = 'liangzhao-registry') {
    super(name, { indexedDB: services.indexedDB, IDBKeyRange: services.IDBKeyRange });
    this.version(1).stores({ answers: 'id, key, at' });
  }

  /** Keeps an answer (replacing the one from the same registry for the same value). */
  async put(key: RegistryKey, answer: RegistryAnswer, at: number): Promise<StoredAnswer> {
    const row: StoredAnswer = { id: `${keyOf(key)}|${answer.site}`, key: keyOf(key), kind: key.kind, value: key.value, site: answer.site, answer, at };
    await this.answers.put(row);
    return row;
  }

  /** What the user's answers say about these values: newest first per value. */
  async lookup(keys: readonly RegistryKey[]): Promise<RegistryLookup[]> {
    if (!keys.length) return [];
    const rows = await this.answers.where('key').anyOf([...new Set(keys.map(keyOf))]).toArray();
    return rows.sort((a, b) => b.at - a.at).map((r) => ({ kind: r.kind, value: r.value, state: 'answered' as const, answer: r.answer, at: r.at }));
  }

  /** Every answer, newest first (the options page lists them). */
  all(): Promise<StoredAnswer[]> {
    return this.answers.orderBy('at').reverse().toArray();
  }

  /** Forgets some answers, or all of them. */
  async forget(ids: readonly string[] | null): Promise<void> {
    if (ids === null) await this.answers.clear();
    else await this.answers.bulkDelete([...ids]);
  }
}
