import type { TabVerdict } from '../protocol/messages';

/**
 * The tab's verdict marked "pictures being read" while a check with licence pictures runs, so the
 * popup and the toolbar title say so (the page's own verdict stays as it was); null when there is
 * nothing to mark: no verdict for this page yet, or every picture was read already (a page checked
 * again with the same pictures is answered from the reader's cache, with nothing to wait for).
 */
export function readingVerdict(shown: TabVerdict | null, url: string, srcs: readonly string[]): TabVerdict | null {
  if (!shown?.result || shown.url !== url || !srcs.length) return null;
  const read = new Set((shown.result.pictures ?? []).filter((p) => p.complete !== false).map((p) => p.picture));
  const unread = new Set(srcs.filter((src) => !read.has(src))).size;
  return unread ? { ...shown, reading: { pictures: unread } } : null;
}
