/**
 * The guard: a tiny content script at document_start on every page (no polyfill, no UI). It asks
 * the worker whether the page's site is blocked (looked up on the device) for the lists too large
 * for the browser's own rules, and covers a shop page when the worker says its scan found a licence
 * on a blocking list. Either way the tab goes to the block page in place of this page (replace():
 * "back" from the block page then leaves the listed page behind, instead of returning to it).
 */
import { BLOCK_PAGE_PATH, blockPageUrl, type BlockedVia } from '../../src/blocking/block-page-url';
import { isCoverNotice } from '../protocol/block-messages';
import { extensionAlive, nativeApi } from '../browser/native-api';
import { send } from '../protocol/send';

function leave(via: BlockedVia): void {
  const url = location.href;
  // Stop what is still loading (scripts, images) before going.
  window.stop();
  location.replace(blockPageUrl(nativeApi().runtime.getURL(BLOCK_PAGE_PATH), url, via));
}

if (window === window.top && /^https?:$/.test(location.protocol)) {
  nativeApi().runtime.onMessage?.addListener((message) => {
    if (isCoverNotice(message) && message.url === location.href && extensionAlive()) leave('shop');
  });
  send('checkNavigation', { url: location.href }).then(
    ({ block }) => block && leave('check'),
    () => undefined, // The extension was updated or removed under the page: nothing to guard with.
  );
}
