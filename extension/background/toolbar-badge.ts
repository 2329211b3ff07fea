import browser from 'webextension-polyfill';
import { LEVEL_STYLES, toolbarText } from '../../src/ui-model/level-style';
import type { TabVerdict } from '../protocol/messages';
import type { T } from '../ui/i18n';
import { toolbarTitle } from '../ui/toolbar-title';

/** How a covered warning pulses: the alert mark and the level's own, in turn, for at most PULSE_MS. */
const PULSE_EVERY_MS = 700;
const PULSE_MS = 60_000;
const ALERT = { text: '!!', color: '#b00020' };

/**
 * The toolbar button of each tab: a mark and colour by level ("!" red or brown, "?" amber; where
 * nothing was found wrong, the count of numbers read on a neutral slate, never a check mark and
 * never green) and a title naming the level in the UI language.
 */
export class ToolbarBadge {
  readonly ready: Promise<void> = Promise.resolve();
  private readonly pulses = new Map<number, ReturnType<typeof setInterval>>();

  /** `strings`: the UI strings of the language the options chose. */
  constructor(private readonly strings: () => Promise<T>) {}

  /**
   * While a page keeps drawing over our panel (issue 15), the tab's badge pulses an alert: the
   * toolbar is outside the page, where no page can draw. It stops when the page stops, the level
   * changes, or after PULSE_MS.
   */
  pulse(tabId: number, verdict: TabVerdict | null, on: boolean): boolean {
    clearInterval(this.pulses.get(tabId));
    this.pulses.delete(tabId);
    const level = verdict?.result?.verdict.level ?? null;
    if (!on || (level !== 'danger' && level !== 'warning')) {
      void this.show(tabId, verdict);
      return false;
    }
    let alert = false;
    const started = Date.now();
    const timer = setInterval(() => {
      alert = !alert;
      if (Date.now() - started > PULSE_MS) return void this.pulse(tabId, verdict, false);
      const style = alert ? ALERT : { text: toolbarText(level, 0), color: LEVEL_STYLES[level].color };
      browser.action.setBadgeText({ tabId, text: style.text }).catch(() => this.pulse(tabId, verdict, false));
      browser.action.setBadgeBackgroundColor({ tabId, color: style.color }).catch(() => undefined);
    }, PULSE_EVERY_MS);
    this.pulses.set(tabId, timer);
    return true;
  }

  async show(tabId: number, verdict: TabVerdict | null): Promise<void> {
    if (this.pulses.has(tabId)) {
      clearInterval(this.pulses.get(tabId));
      this.pulses.delete(tabId);
    }
    const level = verdict?.result?.verdict.level ?? 'none';
    const style = LEVEL_STYLES[level];
    try {
      await browser.action.setBadgeText({ tabId, text: toolbarText(level, verdict?.result?.identifiers.length ?? 0) });
      await browser.action.setBadgeBackgroundColor({ tabId, color: style.color });
      await browser.action.setBadgeTextColor?.({ tabId, color: style.textColor });
      const title = toolbarTitle(verdict, await this.strings());
      // null restores the default title (the extension's name).
      await browser.action.setTitle({ tabId, title });
    } catch (error) {
      // The tab may have closed between the report and here; nothing to show then.
      if (!/tab/i.test(String(error))) throw error;
    }
  }
}
