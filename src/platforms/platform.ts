import type { Lang } from '../i18n/lang';

/** What kind of page a store page is, as far as license checks care. */
export type PageType = 'product' | 'shop' | 'other';

/**
 * What we know about one store platform, as data: how to recognize its product and shop pages and
 * where a shop's license page (亮照 / 证照信息) lives. One file per platform, registered in registry.ts.
 */
export interface Platform {
  /** Stable kebab-case id; also the fixture name tests/fixtures/platforms/<id>.html. */
  id: string;
  name: Record<Lang, string>;
  /**
   * Host patterns: `example.com` matches the host and its subdomains; `=host` matches only that
   * host. The most specific (longest) match across platforms wins, so `2.taobao.com` (Xianyu) beats
   * `taobao.com`.
   */
  matches: readonly string[];
  /**
   * Whether shops here are expected to show a business license at all. False where sellers are
   * mostly individuals exempt from registration (电子商务法 第十条), so an absent license is normal.
   */
  licenseExpected: boolean;
  isProductPage(url: URL, doc: Document): boolean;
  isShopPage(url: URL, doc: Document): boolean;
  /** Absolute URL of the shop's license page, or null when this page gives no way to find it. */
  licensePageUrl(url: URL, doc: Document): string | null;
  /**
   * The platform's own licence page, where the licence is a picture (Tmall's 亮照 page renders it as
   * an image so that it cannot be scraped): every large picture on it is read (src/image/).
   */
  isLicencePicturePage?(url: URL): boolean;
}

type PlatformInput = Omit<Platform, 'licenseExpected'> & { licenseExpected?: boolean };

/**
 * Declares a platform with its types checked and its data sanity-checked at load time, so a typo
 * in a pattern fails every test rather than silently never matching.
 */
export function definePlatform(input: PlatformInput): Platform {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.id)) throw new Error(`platform id must be kebab-case: ${input.id}`);
  if (input.matches.length === 0) throw new Error(`platform ${input.id} matches no host`);
  for (const m of input.matches) {
    if (!/^=?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(m)) throw new Error(`platform ${input.id}: bad host pattern ${m}`);
  }
  return { ...input, licenseExpected: input.licenseExpected ?? true };
}
