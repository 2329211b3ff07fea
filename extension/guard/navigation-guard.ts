/**
 * The guard: a tiny content script at document_start on every page (no polyfill, no UI). It asks
 * the worker whether the page's site is blocked (looked up on the device) for the lists too large
 * for the browser's own rules; when it is, the tab goes to the block page in place of this page.
 * It registers no listener of its own: a shop page whose scan found a licence on a blocking list is
 * covered by the shop content script, which hears the worker's notice (content-session.ts), and on
 * the pages that script does not run on (search result pages) nothing is scanned, so nothing is
 * covered. Every listener and binding it does not use is main-thread time on every page load.
 */
import { send } from '../protocol/send';
import { leaveForBlockPage } from './leave-for-block-page';

if (window === window.top && /^https?:$/.test(location.protocol)) {
  send('checkNavigation', { url: location.href }).then(
    ({ block }) => block && leaveForBlockPage('check'),
    () => undefined, // The extension was updated or removed under the page: nothing to guard with.
  );
}
