import type { PageConfig } from '../protocol/messages';
import { findAllowlisted } from '../../src/ui-model/site-pattern';
import { resolveLang, type Settings } from '../../src/ui-model/settings';

/**
 * What a page's content script is told before it reads the page: whether the shopper left this
 * site unchecked, dismissed the panel here, the language and the two settings drawing needs. The
 * page's renderer is the shop's process: nothing else of the shopper's settings goes there (not the
 * other sites they chose not to check), and no UI strings (asked only when something is drawn:
 * getPageStrings).
 */
export function pageConfig(settings: Settings, dismissedHosts: readonly string[], host: string, browserLanguage: string): PageConfig {
  return {
    settings: { quietPill: settings.quietPill, panelSide: settings.panelSide },
    lang: resolveLang(settings, browserLanguage),
    dismissed: dismissedHosts.includes(host.toLowerCase()),
    allowlisted: findAllowlisted(settings.allowlist, host) ?? null,
  };
}
