import type { PageType } from './platform';
import { detectGenericShop, type ShopConfidence } from './generic-shop';
import { findLicenseLink, parseUrl } from './helpers';
import { platformForHost } from './registry';

/** What a page is, for the rules that care whether it sells something. Plain JSON. */
export interface PageClass {
  /** Registered platform id, or null for an independent site. */
  platform: string | null;
  pageType: PageType;
  /** Where this shop's license page lives (platform knowledge or a link named 营业执照/证照/资质/亮照). */
  licensePageUrl: string | null;
  /** Codes of the store signals found (price, buy-button, cart, schema-product…). */
  shopSignals: string[];
  /** How sure we are that an independent page is a store; platform pages still report it. */
  shopConfidence: ShopConfidence;
  /** False where shops are not expected to show a license (e.g. Xianyu's individual sellers). */
  licenseExpected: boolean;
}

const UNKNOWN: PageClass = { platform: null, pageType: 'other', licensePageUrl: null, shopSignals: [], shopConfidence: 'none', licenseExpected: true };

/** What the caller already knows, so that classification need not look again. */
export interface ClassifyHints {
  /**
   * The page's license link if the caller has already searched every place one could be (the
   * scanner has: license words are among its hints); undefined to search the page here.
   */
  licenseLink?: string | null;
}

/**
 * Classifies a page. Platform pages are judged by that platform's data; other pages by generic
 * store signals. A hostile or broken page yields "other", never an exception.
 */
export function classifyPage(url: string, doc: Document, hints: ClassifyHints = {}): PageClass {
  try {
    return classify(url, doc, hints);
  } catch {
    return { ...UNKNOWN };
  }
}

function classify(href: string, doc: Document, hints: ClassifyHints): PageClass {
  const url = parseUrl(href);
  const generic = detectGenericShop(doc);
  const shopSignals = [...new Set(generic.signals.map((s) => s.code))];
  const platform = url && /^https?:$/.test(url.protocol) ? platformForHost(url.hostname) : null;
  const base = url ?? parseUrl('about:blank')!;
  const licenseLink = () => (hints.licenseLink !== undefined ? hints.licenseLink : findLicenseLink(doc, base));
  if (platform && url) {
    const pageType: PageType = platform.isProductPage(url, doc) ? 'product' : platform.isShopPage(url, doc) ? 'shop' : 'other';
    return {
      platform: platform.id,
      pageType,
      licensePageUrl: platform.licensePageUrl(url, doc) ?? licenseLink(),
      shopSignals,
      shopConfidence: generic.confidence,
      licenseExpected: platform.licenseExpected,
    };
  }
  const structured = shopSignals.some((s) => s === 'schema-product' || s === 'microdata-product' || s === 'og-product');
  const pageType: PageType = generic.confidence !== 'high' ? 'other' : structured ? 'product' : 'shop';
  return { platform: null, pageType, licensePageUrl: licenseLink(), shopSignals, shopConfidence: generic.confidence, licenseExpected: true };
}
