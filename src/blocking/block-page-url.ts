/** The block page, as the build names it (vite.config.ts input, web-accessible: build-extension.mjs). */
export const BLOCK_PAGE_PATH = 'extension/block/block.html';

/**
 * How a page came to be blocked: `rule` the browser's own request blocking (the page never loaded),
 * `check` the document_start check (the page had started to load), `shop` the scan of a shop page.
 */
export type BlockedVia = 'rule' | 'check' | 'shop';

/**
 * The block page for a blocked URL: the URL rides in the fragment (the browser's redirect rule puts
 * it there as it is, `regexSubstitution` `#\0`), so it is never sent anywhere.
 */
export function blockPageUrl(pageUrl: string, target: string, via: BlockedVia): string {
  return `${pageUrl}?via=${via}#${target}`;
}

/** What the block page reads from its own address; null when it names no http(s) page. */
export function parseBlockPageUrl(href: string): { target: string; via: BlockedVia } | null {
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  const target = href.slice(hash + 1);
  let via: string | null = null;
  try {
    if (!/^https?:\/\//i.test(target)) return null;
    new URL(target);
    via = new URL(href.slice(0, hash)).searchParams.get('via');
  } catch {
    return null;
  }
  return { target, via: via === 'check' || via === 'shop' ? via : 'rule' };
}
