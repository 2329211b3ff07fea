import type { ExtensionPage, ShopTab } from '../driver/all';
import { AXE_SOURCE, axeViolations, forceColorScheme, mountPanelCopy, type AxeViolation } from '../../a11y/axe-check';

export type SchemeViolations = Record<'light' | 'dark', AxeViolation[]>;

/** Serious and critical axe-core violations of the page as it is now, in the light and the dark scheme. */
async function bothSchemes(page: Pick<ExtensionPage, 'evaluate'>, selector: string | null): Promise<SchemeViolations> {
  const out: SchemeViolations = { light: [], dark: [] };
  for (const scheme of ['light', 'dark'] as const) {
    // Every surface switches some rules: a page whose rules were not found would be checked once, twice.
    if ((await page.evaluate(forceColorScheme, scheme)) === 0) throw new Error('no prefers-color-scheme rule found to switch');
    out[scheme] = await page.evaluate(axeViolations, selector);
  }
  return out;
}

/** axe-core on one of the extension's own pages (popup, options, report form) as it is now. */
export async function axeExtensionPage(page: ExtensionPage): Promise<SchemeViolations> {
  await page.evaluateScript(AXE_SOURCE);
  return bothSchemes(page, null);
}

/**
 * axe-core on our panel as `shop` shows it now: its shadow tree (markup and stylesheet, read through
 * the closed root) copied into an open root in the body of `blank`, a page of ours with nothing else
 * drawn, since axe cannot enter a closed root nor measure contrast outside <body>.
 */
export async function axePanel(shop: ShopTab, blank: ShopTab): Promise<SchemeViolations> {
  const markup = await shop.panelMarkup();
  if (!markup) throw new Error('no panel on the page');
  await blank.evaluate(mountPanelCopy, markup);
  await blank.evaluate((source) => void (0, eval)(source), AXE_SOURCE);
  return bothSchemes(blank, 'lz-axe-copy');
}
