import { BLOCK_PAGE_PATH, blockPageUrl, type BlockedVia } from '../../src/blocking/block-page-url';
import { nativeApi } from '../browser/native-api';

/**
 * The tab goes to the block page in place of this page (replace(): "back" from the block page then
 * leaves the listed page behind, instead of returning to it). Used by the guard (the document_start
 * check) and by the shop content script (the worker's cover notice after a scan).
 */
export function leaveForBlockPage(via: BlockedVia): void {
  const url = location.href;
  // Stop what is still loading (scripts, images) before going.
  window.stop();
  location.replace(blockPageUrl(nativeApi().runtime.getURL(BLOCK_PAGE_PATH), url, via));
}
