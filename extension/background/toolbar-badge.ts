import browser from 'webextension-polyfill';
import type { Level } from '../../src/types';
import { LEVEL_STYLES } from '../../src/ui-model/level-style';

/** How a covered warning pulses: the alert mark and the level's own, in turn, for at most PULSE_MS. */
const PULSE_EVERY_MS = 700;
const PULSE_MS = 60_000;
const ALERT = { text: '!!', color: '#b00020' };

/** The toolbar button's per-tab badge: color and a short mark by verdict level. */
export class ToolbarBadge {
  readonly ready: Promise<void> = Promise.resolve();
  private readonly pulses = new Map<number, ReturnType<typeof setInterval>>();

  /**
   * While a page keeps drawing over our panel (issue 15), the tab's badge pulses an alert: the
   * toolbar is outside the page, where no page can draw. It stops when the page stops, the level
   * changes, or after PULSE_MS.
   */
  pulse(tabId: number, level: Level | null, on: boolean): boolean {
    clearInterval(this.pulses.get(tabId));
    this.pulses.delete(tabId);
    if (!on || (level !== 'danger' && level !== 'warning')) {
      void this.show(tabId, level);
      return false;
    }
    let alert = false;
    const started = Date.now();
    const timer = setInterval(() => {
      alert = !alert;
      if (Date.now() - started > PULSE_MS) return void this.pulse(tabId, level, false);
      const style = alert ? ALERT : { text: LEVEL_STYLES[level].badgeText, color: LEVEL_STYLES[level].color };
      browser.action.setBadgeText({ tabId, text: style.text }).catch(() => this.pulse(tabId, level, false));
      browser.action.setBadgeBackgroundColor({ tabId, color: style.color }).catch(() => undefined);
    }, PULSE_EVERY_MS);
    this.pulses.set(tabId, timer);
    return true;
  }

  async show(tabId: number, level: Level | null): Promise<void> {
    if (this.pulses.has(tabId)) {
      clearInterval(this.pulses.get(tabId));
      this.pulses.delete(tabId);
    }
    const style = LEVEL_STYLES[level ?? 'none'];
    try {
      await browser.action.setBadgeText({ tabId, text: style.badgeText });
      await browser.action.setBadgeBackgroundColor({ tabId, color: style.color });
      // Yellow needs dark text to be readable; the others take white.
      await browser.action.setBadgeTextColor?.({ tabId, color: level === 'caution' ? '#202124' : '#ffffff' });
    } catch (error) {
      // The tab may have closed between the report and here; nothing to show then.
      if (!/tab/i.test(String(error))) throw error;
    }
  }
}
