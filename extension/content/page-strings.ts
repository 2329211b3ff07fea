import { nativeApi } from '../browser/native-api';
import { makeT, type T } from '../ui/i18n';

/**
 * UI strings for the content script, in the user's language (sent by the service worker with the
 * page's settings); a missing one falls back to the browser's own language.
 */
export function contentStrings(strings: Record<string, string>): T {
  return makeT(strings, (key) => nativeApi().i18n.getMessage(key));
}
