import browser from 'webextension-polyfill';
import type { Level } from '../../src/types';
import { LEVEL_STYLES } from '../../src/ui-model/level-style';

/** The toolbar button's per-tab badge: color and a short mark by verdict level. */
export class ToolbarBadge {
  readonly ready: Promise<void> = Promise.resolve();

  async show(tabId: number, level: Level | null): Promise<void> {
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
