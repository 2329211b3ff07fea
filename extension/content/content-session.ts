import { h } from 'preact';
import type { DetailedScan } from '../../src/scan/scan-page';
import type { ScanResult } from '../../src/types';
import { shouldExpand } from '../../src/ui-model/level-style';
import type { PageConfig } from '../protocol/messages';
import { send } from '../protocol/send';
import { PanelApp } from '../panel/panel-app';
import { PanelHost } from '../panel/panel-host';
import { PANEL_CSS, QUIET_CSS } from '../panel/panel-styles';
import { quietBadge, quietBadgeContent } from '../panel/quiet-badge';
import type { T } from '../ui/i18n';
import { ChangeWatch } from './change-watch';
import { makeCopy } from './clipboard';
import { makeFindElement } from './evidence-locator';
import { contentStrings } from './page-strings';
import { SlicedPageJob } from './scan-job';
import { ScanScheduler } from './scan-scheduler';
import { applyUserRules, NO_USER_RULES, trustAllowsOpen } from '../../src/user-rules/apply-user-rules';
import { uncheckedResult } from './unchecked-result';

/** False once the extension was reloaded, updated or removed under this page. */
function extensionAlive(): boolean {
  try {
    return Boolean((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id);
  } catch {
    return false;
  }
}

/** What decides whether a new scan is worth reporting again. */
function reportKey(r: ScanResult): string {
  return JSON.stringify([r.url, r.verdict, r.identifiers.map((i) => [i.kind, i.value, i.valid]), r.badges.map((b) => [b.href, b.official])]);
}

/**
 * The content script's life on one page: ask for the page's settings, scan, watch for changes,
 * report each new verdict to the service worker and show the panel. `teardown()` removes it all.
 */
export class ContentSession {
  private panel: PanelHost | null = null;
  private watch: ChangeWatch | null = null;
  private scheduler: ScanScheduler | null = null;
  private config: PageConfig | null = null;
  private t: T | null = null;
  private lastReport = '';
  /** The service worker's answer to the last report: the scan with data findings (lists, credit). */
  private checked: { key: string; result: ScanResult } | null = null;
  private lastScan: DetailedScan | null = null;
  /** The real panel is mounted: it opened by itself ('auto') or the user opened the badge. */
  private full: false | 'auto' | 'opened' = false;
  /** What the quiet badge on the page shows now. */
  private badgeKey = '';
  private ended = false;

  constructor(private readonly doc: Document) {}

  async start(): Promise<void> {
    const host = this.doc.location.hostname;
    this.config = await send('getPageConfig', { host });
    if (this.config.allowlisted) {
      await send('reportVerdict', { url: this.doc.location.href, result: null, allowlisted: this.config.allowlisted });
      return;
    }
    this.t = contentStrings(this.config.strings);
    const lang = this.config.lang;
    const skip = (el: Element) => this.panel?.owns(el) ?? false;
    this.scheduler = new ScanScheduler(
      () => new SlicedPageJob({ root: this.doc, url: this.doc.location.href, lang, skip }),
      (scan) => this.onScan(scan),
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
  }

  teardown(): void {
    if (this.ended) return;
    this.ended = true;
    this.scheduler?.destroy();
    this.watch?.disconnect();
    this.panel?.destroy();
    this.panel = null;
  }

  private onScan(scan: DetailedScan): void {
    if (this.ended) return;
    if (!extensionAlive()) return this.teardown();
    this.watch?.observeFrames();
    const key = reportKey(scan.result);
    if (key !== this.lastReport) {
      this.lastReport = key;
      send('reportVerdict', { url: scan.result.url, result: scan.result, allowlisted: null })
        .then((reply) => this.onChecked(key, reply.result))
        .catch((e: unknown) => {
          this.onSendError(e);
          // The lists could not be asked: say "not checked", never let the page-only verdict read as clean.
          if (!this.ended) this.onChecked(key, uncheckedResult(scan.result, this.config?.lang ?? 'zh-CN'));
        });
    }
    this.lastScan = scan;
    this.show(scan);
  }

  private onChecked(key: string, result: ScanResult | null): void {
    if (this.ended || !result || key !== this.lastReport) return;
    this.checked = { key, result };
    if (this.lastScan) this.show(this.lastScan);
  }

  private show(page: DetailedScan): void {
    const config = this.config;
    const t = this.t;
    if (!config || !t) return;
    const scan = this.checked?.key === reportKey(page.result) ? { ...page, result: this.checked.result } : page;
    // The user's own rules: warnings they marked as wrong, their warn/trust lists (src/user-rules).
    const mine = applyUserRules(scan.result, config.userRules ?? NO_USER_RULES, config.lang);
    const level = mine.result.verdict.level;
    if (config.dismissed || level === 'none') {
      this.panel?.destroy();
      this.panel = null;
      this.full = false;
      this.badgeKey = '';
      return;
    }
    const autoExpand = shouldExpand(level, config.settings.panelOpens) && trustAllowsOpen(mine.result, mine.view);
    // Until the panel has opened once, a quiet verdict is only the pill, built without Preact.
    if (!this.full && !autoExpand) {
      this.panel ??= new PanelHost(this.doc, QUIET_CSS);
      const badge = quietBadgeContent(mine.result, t, config.lang);
      // The service worker's answer usually changes nothing the pill shows: keep it (no new frame).
      const key = JSON.stringify(badge);
      if (key === this.badgeKey) return;
      this.badgeKey = key;
      this.panel.show(
        quietBadge(this.doc, {
          ...badge,
          onOpen: () => {
            this.full = 'opened';
            if (this.lastScan) this.show(this.lastScan);
          },
        }),
      );
      return;
    }
    this.full ||= 'auto';
    this.panel ??= new PanelHost(this.doc, PANEL_CSS);
    this.panel.setStyles(PANEL_CSS);
    const panel = this.panel;
    panel.render(
      h(PanelApp, {
        result: mine.result,
        t,
        lang: config.lang,
        autoExpand,
        openedByUser: this.full === 'opened',
        findElement: makeFindElement(scan),
        copy: makeCopy(() => panel.scratch()),
        onDismiss: () => this.dismiss(),
        user: mine.view,
        onReport: (dispute: string | null) => void send('openReportPage', { tabId: null, dispute, title: this.doc.title.slice(0, 300) }).catch((e: unknown) => this.onSendError(e)),
      }),
    );
  }

  private dismiss(): void {
    if (!this.config) return;
    this.config = { ...this.config, dismissed: true };
    this.panel?.destroy();
    this.panel = null;
    send('dismissSite', { host: this.doc.location.hostname }).catch((e: unknown) => this.onSendError(e));
  }

  private onSendError(error: unknown): void {
    if (!extensionAlive() || /context invalidated/i.test(String(error))) this.teardown();
    else console.warn('[liangzhao]', error);
  }
}
