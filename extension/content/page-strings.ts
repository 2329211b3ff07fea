import type { Lang } from '../../src/i18n/lang';
import { nativeApi } from '../protocol/native-api';
import { send } from '../protocol/send';
import { makeT, type T } from '../ui/i18n';

/** UI strings for the content script, in the user's language (read by the service worker). */
export async function loadContentStrings(lang: Lang): Promise<T> {
  let strings: Record<string, string> = {};
  try {
    strings = (await send('getUiStrings', { lang })).strings;
  } catch {
    // Falls back to the browser's own language below.
  }
  return makeT(strings, (key) => nativeApi().i18n.getMessage(key));
}
