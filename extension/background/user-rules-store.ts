import browser from 'webextension-polyfill';
import { parseEntry } from '../../src/personal-lists/parse-entry';
import { importPersonalLists, mergePersonalLists, removePersonalEntry } from '../../src/personal-lists/personal-lists-file';
import type { PersonalEntry } from '../../src/personal-lists/personal-entry';
import type { UserRules } from '../../src/verdict/user-rules';
import { addSuppression, normalizeSuppressions, pageHost, removeSuppression, type FindingSuppression } from '../../src/user-rules/suppression';

const SUPPRESSED_KEY = 'suppressedFindings';
/** Where the personal lists are kept (the block rules follow changes to it). */
export const PERSONAL_KEY = 'personalLists';
const MAX_PERSONAL = 5000;

/**
 * The user's own rules in storage.local: warnings marked as wrong (per site and rule) and the
 * personal warn/trust lists. Nothing cached in memory: storage is the truth across worker restarts.
 */
export class UserRulesStore {
  readonly ready: Promise<void> = Promise.resolve();

  async suppressions(): Promise<FindingSuppression[]> {
    return normalizeSuppressions((await browser.storage.local.get(SUPPRESSED_KEY))[SUPPRESSED_KEY]);
  }

  /** Marks a finding as wrong on the page's host. */
  async suppress(url: string, code: string, evidence: string): Promise<FindingSuppression[]> {
    const host = pageHost(url);
    if (!host) throw new Error('only http(s) pages can have warnings hidden');
    const next = addSuppression(await this.suppressions(), { host, code, evidence: evidence.slice(0, 500), addedAt: new Date().toISOString() });
    await browser.storage.local.set({ [SUPPRESSED_KEY]: next });
    return next;
  }

  async unsuppress(host: string, code: string): Promise<FindingSuppression[]> {
    const next = removeSuppression(await this.suppressions(), host.toLowerCase(), code);
    await browser.storage.local.set({ [SUPPRESSED_KEY]: next });
    return next;
  }

  /** Entries as stored; each is re-checked, so a hand-edited or older value cannot break matching. */
  async personal(): Promise<PersonalEntry[]> {
    const raw = (await browser.storage.local.get(PERSONAL_KEY))[PERSONAL_KEY];
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((e) => {
      const parsed = parseEntry(e);
      return parsed.ok ? [parsed.entry] : [];
    });
  }

  private async savePersonal(entries: PersonalEntry[]): Promise<PersonalEntry[]> {
    if (entries.length > MAX_PERSONAL) throw new Error(`at most ${MAX_PERSONAL} entries can be kept`);
    await browser.storage.local.set({ [PERSONAL_KEY]: entries });
    return entries;
  }

  /** Adds or replaces one entry; throws with every problem of an invalid one. */
  async addPersonal(raw: unknown): Promise<PersonalEntry[]> {
    const parsed = parseEntry(raw);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    return this.savePersonal(mergePersonalLists(await this.personal(), [parsed.entry]));
  }

  async removePersonal(target: PersonalEntry['target']): Promise<PersonalEntry[]> {
    return this.savePersonal(removePersonalEntry(await this.personal(), target));
  }

  /** Imports a file: good entries are merged, bad ones are returned with their problems. */
  async importPersonal(text: string) {
    const result = importPersonalLists(text);
    const entries = result.ok ? await this.savePersonal(mergePersonalLists(await this.personal(), result.entries)) : await this.personal();
    return { entries, added: result.entries.length, rejected: result.rejected, fileOk: result.ok };
  }

  /** Everything judge() needs to apply the user's rules. */
  async rules(): Promise<UserRules> {
    const [suppressed, personal] = await Promise.all([this.suppressions(), this.personal()]);
    return { suppressed, personal };
  }

  /** Forgets both lists (the options page's "clear my data"). */
  async clear(): Promise<void> {
    await browser.storage.local.remove([SUPPRESSED_KEY, PERSONAL_KEY]);
  }
}
