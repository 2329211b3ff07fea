import type { DataLookups } from '../../src/feed/lookup-types';
import type { Lang } from '../../src/i18n/lang';
import { failedLookups } from '../../src/lists/lookup-page';
import type { PageFacts } from '../../src/scan/facts';
import type { RegistryLookup } from '../../src/feed/registry-lookup';
import { withPictures } from '../../src/image/with-pictures';
import type { PageSnapshot, SnapshotScan } from '../../src/scan/locator';
import type { PictureFacts } from '../../src/types';
import { shouldExpand } from '../../src/ui-model/level-style';
import type { Settings } from '../../src/ui-model/settings';
import { judge, judged } from '../../src/verdict/judge';
import { trustAllowsOpen, type UserRules } from '../../src/verdict/user-rules';
import type { Payload, PictureInput, Response, TabVerdict } from '../protocol/messages';
import { ScanQueue, SUPERSEDED } from './scan-queue';
import type { SnapshotUploads } from './snapshot-uploads';

/** What the page checks need from the rest of the background: each one a port, faked in tests. */
export interface PageCheckPorts {
  /** Scans a snapshot where HTML can be parsed (PageEngine): facts and locators. */
  scan(snapshot: PageSnapshot, url: string): Promise<SnapshotScan>;
  /** Reads licence pictures where the OCR models live (PageEngine.readPictures). */
  readPictures(pictures: PictureInput[]): Promise<PictureFacts[]>;
  /** What the lists say about the page (ListsService.lookup). */
  lookup(facts: PageFacts): Promise<DataLookups>;
  /** What the user's registry answers say about the page's values, for this tab (RegistryLookups.lookup). */
  registry(tabId: number, facts: PageFacts): Promise<RegistryLookup[]>;
  /** The user's own rules (UserRulesStore.rules). */
  userRules(): Promise<UserRules>;
  /** The settings and the language to speak. */
  settings(): Promise<{ settings: Settings; lang: Lang }>;
  /** Stores the tab's verdict (TabVerdicts.set: the toolbar badge and the popup read it). */
  store(tabId: number, verdict: TabVerdict): Promise<void>;
  /**
   * Marks the tab's stored verdict "pictures being read" (picture-reading.ts) until the verdict with
   * them is stored: the popup and the toolbar title say so meanwhile.
   */
  markReading(tabId: number, url: string, srcs: string[]): Promise<void>;
}

type CheckPage = Payload<'checkPage'>;
type Checked = Response<'checkPage'>;

/**
 * The heart of the extension, one page at a time: the content script's snapshot (put together from
 * its pieces if it came in pieces) → the engine's facts → what the lists say → judge() with the
 * user's rules → the tab's stored verdict → what the tab shows (the verdict, where its evidence is,
 * whether the panel opens by itself).
 */
export class PageChecks {
  constructor(
    private readonly ports: PageCheckPorts,
    private readonly uploads: SnapshotUploads,
    private readonly queue = new ScanQueue(),
  ) {}

  async check(tabId: number, { url, parts: sent, truncated, upload, pictures = [] }: CheckPage): Promise<Checked> {
    const parts = upload ? this.uploads.take(tabId, upload, sent) : sent;
    // Scans take turns, tab by tab (scan-queue.ts); a reading replaced by a newer one of its tab is not scanned.
    const [{ settings, lang }, scanned] = await Promise.all([this.ports.settings(), this.queue.run(tabId, () => this.ports.scan({ parts, truncated }, url))]);
    if (scanned === SUPERSEDED) return { stored: false, result: null, locators: [], autoExpand: false };
    if (pictures.length) await this.ports.markReading(tabId, url, pictures.map((p) => p.src)).catch((e: unknown) => console.warn('[liangzhao] reading mark:', e));
    const scan = pictures.length ? await this.withPictures(scanned, pictures) : scanned;
    // Lists that could not be asked say "could not check": the page-only verdict must never read as clean.
    const [lists, user, registry] = await Promise.all([
      this.ports.lookup(scan.facts).catch((error: unknown) => failedLookups(`lookup failed: ${error instanceof Error ? error.message : String(error)}`)),
      this.ports.userRules(),
      // The registry answers are the user's own notes: a failure to read them loses them, never the page's check.
      this.ports.registry(tabId, scan.facts).catch((): RegistryLookup[] => []),
    ]);
    const lookups = { ...lists, registry };
    const judgement = judge(scan.facts, { lang, lookups, user });
    const result = judged(scan.facts, judgement.verdict, registry);
    const mine = judgement.user ?? undefined;
    // Stored before answering, so the toolbar never shows a page-only verdict for a listed shop.
    await this.ports.store(tabId, { url, result, user: mine, allowlisted: null, reportedAt: Date.now() });
    const autoExpand = shouldExpand(result.verdict.level, settings.panelOpens) && trustAllowsOpen(result.verdict.findings, judgement.user);
    return { stored: true, result, user: mine, locators: scan.locators, autoExpand, ...(scan.pictures ? { pictures: scan.pictures } : {}) };
  }

  /**
   * The scan with what its pictures showed. A picture the user picked (no ref) gets a locator of
   * its own only when the page names it too; a reader that failed leaves the page's own facts alone.
   */
  private async withPictures(scan: SnapshotScan, pictures: PictureInput[]): Promise<SnapshotScan> {
    let read: PictureFacts[];
    try {
      read = await this.ports.readPictures(pictures);
    } catch (error) {
      read = pictures.map((p) => ({ picture: p.src, status: 'unreadable', reason: `reader: ${error instanceof Error ? error.message : String(error)}`, identifiers: [], licence: null, qr: [], lines: [] }));
    }
    const withRefs = read.map((facts, i) => {
      const ref = pictures[i]?.ref ?? scan.pictures?.find((c) => c.src === pictures[i]?.src)?.ref;
      return ref === null || ref === undefined ? facts : { ...facts, ref };
    });
    return { ...scan, facts: withPictures(scan.facts, withRefs) };
  }

  /** The upload of a large snapshot, one piece at a time (see snapshot-uploads.ts). */
  receivePiece(tabId: number, { upload, part, field, text }: Payload<'uploadPiece'>): Response<'uploadPiece'> {
    return { received: this.uploads.add(tabId, upload, part, field, text) };
  }

  forgetTab(tabId: number): void {
    this.uploads.forgetTab(tabId);
    this.queue.forgetTab(tabId);
  }
}
