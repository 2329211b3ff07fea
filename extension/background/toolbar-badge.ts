import browser from 'webextension-polyfill';
import { LEVEL_STYLES, toolbarText } from '../../src/ui-model/level-style';
import type { TabVerdict } from '../protocol/messages';
import type { T } from '../ui/i18n';
import { toolbarTitle } from '../ui/toolbar-title';

/**
 * The toolbar button of each tab: a mark and colour by level ("!" red or brown, "?" amber; where
 * nothing was found wrong, the count of numbers read on a neutral slate, never a check mark and
 * never green) and a title naming the level in the UI language.
 */
export class ToolbarBadge {
  readonly ready: Promise<void> = Promise.resolve();

  /** `strings`: the UI strings of the language the options chose. */
  constructor(private readonly strings: () => Promise<T>) {}

  async show(tabId: number, verdict: TabVerdict | null): Promise<void> {
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
