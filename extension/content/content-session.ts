import type { Locator, SnapshotPart } from '../../src/scan/locator';
import type { PictureFacts, ScanResult } from '../../src/types';
import type { UserRulesView } from '../../src/verdict/user-rules';
import { isReadPictureNotice, isTabCommand, MAX_PICTURES, MAX_PIECE_CHARS, type PageConfig, type PictureInput, type Response } from '../protocol/messages';
import { extensionAlive, nativeApi } from '../browser/native-api';
import { send } from '../protocol/send';
import { isRegistryNotice } from '../protocol/registry-messages';
import { isCoverNotice } from '../protocol/block-messages';
import { leaveForBlockPage } from '../guard/leave-for-block-page';
import type { PanelHost } from '../panel/panel-host';
import type { PanelModule } from '../panel/panel-module';
import type { T } from '../ui/i18n';
import { ChangeWatch } from './change-watch';
import { contentStrings } from './page-strings';
import { fetchPicture, pickedPicture } from './picture-bytes';
import { PictureProgress } from './picture-progress';
import type { PictureReadingView } from '../ui/reading-note';
import { resolveLocator, type TakenSnapshot } from './page-snapshot';
import { SnapshotJob } from './snapshot-job';
import { SnapshotScheduler } from './snapshot-scheduler';

/** The drawing module (extension/panel/panel-module.ts: host, pill, toast, panel), built next to this script. */
const PANEL_MODULE = 'extension/panel/panel.js';

/** The engine's answer for one reading of the page, and the nodes its locators start from. */
interface Checked {
  result: ScanResult;
  user: UserRulesView | undefined;
  autoExpand: boolean;
  locators: (Locator | null)[];
  roots: Node[];
}

/** Same parts, same HTML: nothing the engine reads has changed. */
function sameParts(a: SnapshotPart[], b: SnapshotPart[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i]!;
    return p.kind === 'document' ? q.kind === 'document' && p.head === q.head && p.body === q.body : q.kind === 'shadow' && p.html === q.html;
  });
}

/**
 * A reading is kept for comparing the next one with only up to this size (characters): past it, the
 * copy would cost the tab more memory than a rescan costs the worker.
 */
const MAX_KEPT_CHARS = 4_000_000;

const partsLength = (parts: SnapshotPart[]) => parts.reduce((n, p) => n + (p.kind === 'document' ? p.head.length + p.body.length : p.html.length), 0);

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Failed checks in a row after which the session stops asking (and says why in the console). */
const MAX_FAILURES = 3;

/** Pictures whose bytes a session keeps (a licence page shows one or two). */
const MAX_KEPT_PICTURES = 8;
/** Asks for the rest of a picture read only up to its verdict's facts (see askAgainForIncomplete). */
const MAX_ASKS_AGAIN = 2;
/** A picture smaller than this on a side holds no readable licence (src/image/read-picture.ts). */
const MIN_PICTURE_SIDE = 120;

/** The picture, once loaded, is smaller than a readable licence (a badge, an icon). */
async function shownTooSmall(img: HTMLImageElement): Promise<boolean> {
  if (!img.complete) await img.decode().catch(() => undefined);
  return img.naturalWidth > 0 && (img.naturalWidth < MIN_PICTURE_SIDE || img.naturalHeight < MIN_PICTURE_SIDE);
}

/**
 * The content script's life on one page: ask for the page's settings, read the page (a snapshot,
 * page-snapshot.ts) and send it to be checked, watch for changes and read it again, show the pill
 * or the panel for each answer. `teardown()` removes it all.
 */
export class ContentSession {
  private panel: PanelHost | null = null;
  private watch: ChangeWatch | null = null;
  private scheduler: SnapshotScheduler<TakenSnapshot> | null = null;
  private config: PageConfig | null = null;
  private t: T | null = null;
  /** What was last sent to be checked (a reading with the same HTML is not sent again). */
  private sent: { url: string; parts: SnapshotPart[] } | null = null;
  private asked = 0;
  private failures = 0;
  /** The engine's answer to the newest reading: the page's verdict with data findings (lists, credit). */
  private checked: Checked | null = null;
  /** The real panel is mounted: it opened by itself ('auto') or the user opened it (the pill, the shortcut). */
  private full: false | 'auto' | 'opened' = false;
  /** Bumped by the keyboard shortcut: the mounted panel takes the focus. */
  private focusRequests = 0;
  /** Where the panel opened by itself this time (kept while it stays open, so it does not jump). */
  private placement: { side: 'left' | 'right'; compact: boolean } | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the extension tells this tab: the keyboard shortcut, or a registry answer that came in. */
  private readonly onMessage = (message: unknown) => {
    if (this.ended) return;
    if (isTabCommand(message)) return this.openByUser();
    if (isReadPictureNotice(message)) return void this.readPicked(message.srcUrl);
    // The scan found a licence on a blocking list: the block page covers this page (if it still is).
    if (isCoverNotice(message)) {
      if (message.url === this.doc.location.href && extensionAlive()) leaveForBlockPage('shop');
      return;
    }
    // The shopper checked on an official site and the registry's answer is in: check again.
    if (isRegistryNotice(message)) {
      this.sent = null;
      this.scheduler?.request(true);
    }
  };
  /** What the quiet badge on the page shows now. */
  private badgeKey = '';
  private panelModule: Promise<PanelModule> | null = null;
  /** The drawing module, once loaded (nothing is drawn before it is). */
  private mod: PanelModule | null = null;
  private renders = 0;
  private ended = false;
  /** The newest reading, sent again with the pictures once their bytes are here. */
  private taken: TakenSnapshot | null = null;
  /**
   * Licence pictures' bytes by URL (or why they could not be had): the ones the engine named in its
   * last answer, and the ones the user picked from the context menu. Fetched once per page.
   */
  private readonly pictureBytes = new Map<string, PictureInput>();
  private candidates: string[] = [];
  /** Candidates whose picture is an icon or a badge (smaller than a licence can be read at). */
  private readonly tooSmall = new Set<string>();
  private readonly picked: string[] = [];
  /** How often each picture was asked for again after it came back with the verdict's facts only. */
  private readonly askedAgain = new Map<string, number>();
  /**
   * Pictures sent to be read and not answered yet: the open panel says so, with the reader's first
   * model load's progress (asked only while the panel is open; a quiet page stays quiet).
   */
  private reading: PictureReadingView | null = null;
  private readonly progress = new PictureProgress(
    () => send('getPictureStatus', {}),
    (engine) => {
      if (!this.reading || this.ended) return;
      this.reading = { ...this.reading, engine };
      this.show();
    },
  );

  constructor(private readonly doc: Document) {}

  async start(): Promise<void> {
    const host = this.doc.location.hostname;
    this.config = await send('getPageConfig', { host });
    if (this.config.allowlisted) {
      await send('reportVerdict', { url: this.doc.location.href, allowlisted: this.config.allowlisted });
      return;
    }
    const skip = (el: Element) => this.panel?.owns(el) ?? false;
    this.scheduler = new SnapshotScheduler(
      () => new SnapshotJob(this.doc, skip),
      (taken) => this.onSnapshot(taken),
    );
    this.watch = new ChangeWatch(
      this.doc,
      (n) => this.panel?.owns(n) ?? false,
      (reason) => {
        if (!extensionAlive()) return this.teardown();
        this.scheduler?.request(reason === 'navigation');
      },
      () => {
        if (!extensionAlive()) this.teardown();
      },
    );
    this.watch.observeFrames();
    this.scheduler.request(true);
    nativeApi().runtime.onMessage.addListener(this.onMessage);
  }

  /** The keyboard shortcut: the panel opens whole (whatever the level) and takes the focus. */
  private openByUser(): void {
    if (this.ended || !this.checked) return;
    this.full = 'opened';
    this.focusRequests++;
    if (this.config?.dismissed) this.config = { ...this.config, dismissed: false };
    this.show();
  }

  teardown(): void {
    if (this.ended) return;
    this.ended = true;
    this.scheduler?.destroy();
    this.watch?.disconnect();
    this.progress.stop();
    clearTimeout(this.toastTimer);
    try {
      nativeApi().runtime.onMessage.removeListener(this.onMessage);
    } catch {
      // The extension is gone: nothing listens any more anyway.
    }
    this.panel?.destroy();
    this.panel = null;
  }

  /** A new reading of the page: sent to be checked unless it is the same as the last one. */
  private onSnapshot({ snapshot, roots }: TakenSnapshot): void {
    if (this.ended) return;
    if (!extensionAlive()) return this.teardown();
    this.watch?.observeFrames();
    const url = this.doc.location.href;
    if (this.sent && this.sent.url === url && sameParts(this.sent.parts, snapshot.parts)) {
      // Same HTML, but the nodes may be new ones (a page re-rendering the same markup).
      if (this.checked) this.checked = { ...this.checked, roots };
      return;
    }
    const chars = partsLength(snapshot.parts);
    this.sent = chars <= MAX_KEPT_CHARS ? { url, parts: snapshot.parts } : null;
    this.taken = { snapshot, roots };
    const asked = ++this.asked;
    const pictures = this.pictureInputs();
    this.sendSnapshot(url, snapshot, chars, pictures)
      .then((reply) => {
        if (this.ended || asked !== this.asked || !reply.result) return;
        this.failures = 0;
        this.checked = { result: reply.result, user: reply.user, autoExpand: reply.autoExpand, locators: reply.locators, roots };
        // Every picture kept went with this reading: what they showed is in its answer.
        if (pictures.length) this.endReading(false);
        this.show();
        this.candidates = (reply.pictures ?? []).map((p) => p.src);
        this.fetchPictures(reply.pictures ?? []);
        this.askAgainForIncomplete(reply.result.pictures ?? []);
      })
      .catch((e: unknown) => {
        if (asked === this.asked) this.sent = null;
        this.onSendError(e);
        // The worker may have been stopped mid-way: read the page again and ask once more.
        if (!this.ended && ++this.failures < MAX_FAILURES) this.scheduler?.request();
        else this.endReading();
      });
  }

  /**
   * checkPage with the snapshot inline, or, past MAX_PIECE_CHARS, its text first in pieces of that
   * size, one per task of the page (each message costs the main thread its serialization).
   */
  private async sendSnapshot(url: string, snapshot: TakenSnapshot['snapshot'], chars: number, pictures: PictureInput[]): Promise<Response<'checkPage'>> {
    const { parts, truncated } = snapshot;
    const withPictures = pictures.length ? { pictures } : {};
    if (chars <= MAX_PIECE_CHARS) return send('checkPage', { url, parts, truncated, upload: null, ...withPictures });
    const upload = randomId();
    for (const [part, p] of parts.entries()) {
      const fields = p.kind === 'document' ? ([['head', p.head], ['body', p.body]] as const) : ([['html', p.html]] as const);
      for (const [field, text] of fields) {
        for (let at = 0; at < text.length; at += MAX_PIECE_CHARS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (this.ended) throw new Error('the page session ended');
          await send('uploadPiece', { upload, part, field, text: text.slice(at, at + MAX_PIECE_CHARS) });
        }
      }
    }
    const empty = parts.map((p): SnapshotPart => (p.kind === 'document' ? { kind: 'document', head: '', body: '' } : { kind: 'shadow', html: '' }));
    return send('checkPage', { url, parts: empty, truncated, upload, ...withPictures });
  }

  /** The pictures to send with a reading: the ones the user picked first, then the engine's, with bytes here. */
  private pictureInputs(): PictureInput[] {
    const srcs = [...new Set([...this.picked, ...this.candidates])];
    return srcs.flatMap((src) => this.pictureBytes.get(src) ?? []).slice(0, MAX_PICTURES);
  }

  /**
   * Fetches the licence pictures the engine named and has not had yet, then sends the reading again
   * with them: the page's own findings are shown at once, the pictures' join them when read.
   */
  private fetchPictures(candidates: { src: string; ref: number }[]): void {
    const missing = candidates.filter((c) => !this.pictureBytes.has(c.src) && !this.tooSmall.has(c.src)).slice(0, MAX_PICTURES);
    if (!missing.length) return;
    const checked = this.checked;
    void Promise.all(
      missing.map(async (c) => {
        // A badge or an icon is no licence photo: its size is known only here, on the live page.
        const img = checked ? resolveLocator(checked.roots, checked.locators[c.ref]) : null;
        if (img instanceof HTMLImageElement && (await shownTooSmall(img))) {
          this.tooSmall.add(c.src);
          return null;
        }
        return fetchPicture(c.src, c.ref);
      }),
    ).then((inputs) => {
      const got = inputs.filter((i): i is PictureInput => i !== null);
      for (const input of got) this.keepPicture(input);
      if (!got.length) return;
      this.startReading(got.length);
      this.sendAgain();
    });
  }

  /**
   * A picture read only up to the verdict's facts (`complete: false`): its reader goes on in the
   * engine's document, and the same reading sent once more is answered with the whole picture when
   * it is read (a few times at most, should the engine's document have been restarted meanwhile).
   */
  private askAgainForIncomplete(pictures: readonly PictureFacts[]): void {
    const incomplete = pictures.filter((p) => p.complete === false && (this.askedAgain.get(p.picture) ?? 0) < MAX_ASKS_AGAIN);
    if (!incomplete.length) return;
    for (const p of incomplete) this.askedAgain.set(p.picture, (this.askedAgain.get(p.picture) ?? 0) + 1);
    this.sendAgain();
  }

  /** The picture the user right-clicked ("用亮照卫士识别这张执照"): read with the page, the panel opened. */
  private async readPicked(src: string): Promise<void> {
    const input = await pickedPicture(this.doc, src).catch((error: unknown): PictureInput => ({ src, data: null, crop: null, ref: null, error: String(error).slice(0, 300) }));
    if (this.ended) return;
    this.keepPicture(input);
    if (!this.picked.includes(src)) this.picked.unshift(src);
    this.full = 'opened';
    this.startReading(1);
    this.sendAgain();
  }

  /** Pictures are on their way to the reader: an open panel says so (show() asks the progress). */
  private startReading(pictures: number): void {
    if (this.ended) return;
    this.reading = { pictures: (this.reading?.pictures ?? 0) + pictures, engine: this.reading?.engine ?? null };
    this.show();
  }

  private endReading(render = true): void {
    this.progress.stop();
    if (!this.reading) return;
    this.reading = null;
    if (render) this.show();
  }

  private keepPicture(input: PictureInput): void {
    this.pictureBytes.set(input.src, input);
    while (this.pictureBytes.size > MAX_KEPT_PICTURES) this.pictureBytes.delete(this.pictureBytes.keys().next().value!);
  }

  /** The newest reading once more (with the pictures now here). */
  private sendAgain(): void {
    if (this.ended || !this.taken) return;
    this.sent = null;
    this.onSnapshot(this.taken);
  }

  private show(): void {
    const config = this.config;
    const checked = this.checked;
    if (!config || !checked) return;
    const { result, user } = checked;
    const level = result.verdict.level;
    // Good pages stay quiet: nothing is drawn where nothing was found wrong (unless the user asked
    // for the pill there); the toolbar button still says what was read.
    const quiet = level === 'none' || (level === 'ok' && !config.settings.quietPill);
    if (config.dismissed || (quiet && this.full !== 'opened')) {
      this.renders++;
      this.panel?.destroy();
      this.panel = null;
      this.full = false;
      this.badgeKey = '';
      return;
    }
    const mod = this.mod;
    const t = this.t;
    if (!mod || !t) {
      // Something is to be drawn: the drawing module and the UI strings first (once per page), then this again.
      const render = ++this.renders;
      this.loadPanel().then(
        () => {
          if (!this.ended && render === this.renders) this.show();
        },
        (error: unknown) => {
          this.panelModule = null;
          if (!this.ended) console.warn('[liangzhao] the panel could not be loaded', error);
        },
      );
      return;
    }
    const { autoExpand } = checked;
    // Until the panel has opened once, a quiet verdict is only the pill, built without Preact.
    if (!this.full && !autoExpand) {
      this.panel ??= new mod.PanelHost(this.doc, mod.quietCss, this.onCovered);
      const badge = mod.quietBadgeContent(result, t, config.lang);
      // A new answer usually changes nothing the pill shows: keep it (no new frame).
      const key = JSON.stringify(badge);
      if (key === this.badgeKey) return;
      this.badgeKey = key;
      this.panel.show(
        mod.quietBadge(this.doc, {
          ...badge,
          onOpen: () => {
            this.full = 'opened';
            this.show();
          },
        }),
      );
      return;
    }
    this.full ||= 'auto';
    // The whole panel shows the reading state: the first model load's progress is asked meanwhile.
    if (this.reading && this.reading.engine?.phase !== 'ready') this.progress.start();
    this.renders++;
    // Opening by itself, it must not cover the page's own buy button (placement.ts).
    if (this.full === 'auto' && autoExpand) this.placement ??= mod.placement(this.doc, config.settings.panelSide, level);
    const place = this.full === 'opened' ? { side: config.settings.panelSide, compact: false } : (this.placement ?? { side: config.settings.panelSide, compact: false });
    this.panel ??= new mod.PanelHost(this.doc, mod.css, this.onCovered);
    this.panel.setStyles(mod.css);
    this.badgeKey = '';
    const panel = this.panel;
    panel.render(
      mod.panel(
        {
          result,
          t,
          lang: config.lang,
          autoExpand,
          openedByUser: this.full === 'opened',
          focusRequest: this.focusRequests,
          side: place.side,
          startCompact: place.compact,
          findElement: (ref) => resolveLocator(this.checked?.roots ?? [], this.checked?.locators[ref]),
          onDismiss: () => this.dismiss(),
          onLeave: () => void send('leavePage', {}).catch((e: unknown) => this.onSendError(e)),
          onDock: (side) => this.dock(side),
          user,
          onReport: (dispute: string | null) => void send('openReportPage', { tabId: null, dispute, title: this.doc.title.slice(0, 300) }).catch((e: unknown) => this.onSendError(e)),
          onVerify: (kind, value, site) => void send('openRegistryLookup', { tabId: null, kind, value, site }).catch((e: unknown) => this.onSendError(e)),
          reading: this.reading,
        },
        () => panel.scratch(),
      ),
    );
  }

  /**
   * Imports the drawing module and asks for the UI strings, once (see PANEL_MODULE): a quiet page
   * pays for neither. A failed import is tried again next time; strings that could not be had fall
   * back to the browser's own language (page-strings.ts).
   */
  private loadPanel(): Promise<PanelModule> {
    this.panelModule ??= Promise.all([
      import(/* @vite-ignore */ nativeApi().runtime.getURL(PANEL_MODULE)) as Promise<PanelModule>,
      send('getPageStrings', { lang: this.config?.lang ?? 'zh-CN' }).then(
        (r) => r.strings,
        (): Record<string, string> => ({}),
      ),
    ]).then(([mod, strings]) => {
      this.t = contentStrings(strings);
      return (this.mod = mod);
    });
    return this.panelModule;
  }

  /** Docks the panel to a side, for every site (the options keep it). */
  private dock(side: 'left' | 'right'): void {
    if (!this.config) return;
    this.config = { ...this.config, settings: { ...this.config.settings, panelSide: side } };
    this.placement = { side, compact: false };
    this.show();
    send('setPanelSide', { side }).catch((e: unknown) => this.onSendError(e));
  }

  /** Hides the panel on this site; "已隐藏 · 撤销" stays on the page for TOAST_MS. */
  private dismiss(): void {
    const config = this.config;
    const t = this.t;
    const mod = this.mod;
    if (!config || !t || !mod) return;
    this.config = { ...config, dismissed: true };
    this.renders++;
    this.full = false;
    this.badgeKey = '';
    this.panel?.destroy();
    const host = this.doc.location.hostname;
    send('dismissSite', { host }).catch((e: unknown) => this.onSendError(e));
    const toast = (this.panel = new mod.PanelHost(this.doc, mod.quietCss + mod.toastCss));
    toast.show(
      mod.hiddenToast(this.doc, {
        lang: config.lang,
        side: config.settings.panelSide,
        text: t('hiddenToast'),
        undo: t('hiddenUndo'),
        undoLabel: t('hiddenUndoLabel'),
        onUndo: () => {
          clearTimeout(this.toastTimer);
          if (this.config) this.config = { ...this.config, dismissed: false };
          toast.destroy();
          if (this.panel === toast) this.panel = null;
          this.full = 'opened';
          this.show();
          send('undismissSite', { host }).catch((e: unknown) => this.onSendError(e));
        },
      }),
    );
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => {
      toast.destroy();
      if (this.panel === toast) this.panel = null;
    }, mod.toastMs);
  }

  /** The page keeps covering our panel (or stopped): the worker has the toolbar badge pulse meanwhile. */
  private readonly onCovered = (covered: boolean) => {
    if (!this.ended) send('panelCovered', { covered }).catch((e: unknown) => this.onSendError(e));
  };

  private onSendError(error: unknown): void {
    if (!extensionAlive() || /context invalidated/i.test(String(error))) this.teardown();
    else console.warn('[liangzhao]', error);
  }
}
