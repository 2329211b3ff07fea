import { parseEntry } from './parse-entry';
import { targetKey, type PersonalEntry } from './personal-entry';

/** Format name and version of an exported lists file. Older versions are upgraded on import. */
export const LISTS_FORMAT = 'liangzhao-personal-lists';
export const LISTS_VERSION = 1;

/** The exported file. */
export interface PersonalListsFile {
  format: typeof LISTS_FORMAT;
  version: typeof LISTS_VERSION;
  exportedAt: string;
  entries: PersonalEntry[];
}

/** One entry that was not imported, and why: shown to the user, never dropped silently. */
export interface ImportProblem {
  /** Position in the file's `entries` (0-based), or -1 for the file as a whole. */
  index: number;
  problems: string[];
  /** The entry as it was in the file, so the user can see and fix it. */
  raw: unknown;
}

export interface ImportResult {
  /** True when the file itself was readable (some entries may still be refused: see `rejected`). */
  ok: boolean;
  entries: PersonalEntry[];
  rejected: ImportProblem[];
  /** Entries that repeat an earlier one's shop; the later one is kept, and each is listed here. */
  replaced: { index: number; key: string }[];
}

/** The user's lists as a JSON file (pretty-printed: people read and edit it). */
export function exportPersonalLists(entries: readonly PersonalEntry[], now: number): string {
  const file: PersonalListsFile = { format: LISTS_FORMAT, version: LISTS_VERSION, exportedAt: new Date(now).toISOString(), entries: [...entries] };
  return JSON.stringify(file, null, 2);
}

/**
 * Reads an exported file. A file that is not JSON, not ours, or of a newer version is refused as a
 * whole (ok: false) with the reason; otherwise every valid entry is returned and every invalid one is
 * listed in `rejected` with its problems.
 */
export function importPersonalLists(text: string): ImportResult {
  const fileProblem = (message: string, raw: unknown = null): ImportResult => ({ ok: false, entries: [], rejected: [{ index: -1, problems: [message], raw }], replaced: [] });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fileProblem(`the file is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fileProblem('the file is not a lists export (expected a JSON object)');
  const file = data as Record<string, unknown>;
  if (file.format !== LISTS_FORMAT) return fileProblem(`the file is not a ${LISTS_FORMAT} export (format is ${JSON.stringify(file.format)})`);
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return fileProblem('the file has no valid version number');
  if (file.version > LISTS_VERSION) {
    return fileProblem(`the file is version ${file.version}, newer than this extension understands (${LISTS_VERSION}); update the extension`);
  }
  if (!Array.isArray(file.entries)) return fileProblem('the file has no "entries" list');
  const byKey = new Map<string, { entry: PersonalEntry; index: number }>();
  const rejected: ImportProblem[] = [];
  const replaced: ImportResult['replaced'] = [];
  file.entries.forEach((raw, index) => {
    const parsed = parseEntry(raw);
    if (!parsed.ok) return void rejected.push({ index, problems: parsed.problems, raw });
    const key = targetKey(parsed.entry.target);
    const earlier = byKey.get(key);
    if (earlier) {
      replaced.push({ index: earlier.index, key });
      byKey.delete(key);
    }
    byKey.set(key, { entry: parsed.entry, index });
  });
  return { ok: true, entries: [...byKey.values()].map((x) => x.entry), rejected, replaced };
}

/**
 * Adds or replaces entries (one per shop, the newest wins) and returns the new list; the input is
 * not changed, so a caller can store the result in one write.
 */
export function mergePersonalLists(current: readonly PersonalEntry[], incoming: readonly PersonalEntry[]): PersonalEntry[] {
  const byKey = new Map(current.map((e) => [targetKey(e.target), e]));
  for (const e of incoming) {
    byKey.delete(targetKey(e.target));
    byKey.set(targetKey(e.target), e);
  }
  return [...byKey.values()];
}

/** Removes the entry for a shop, if any. */
export function removePersonalEntry(current: readonly PersonalEntry[], target: PersonalEntry['target']): PersonalEntry[] {
  const key = targetKey(target);
  return current.filter((e) => targetKey(e.target) !== key);
}
