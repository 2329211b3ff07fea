import { normalizeBlockPreferences, type BlockPreferences } from '../../src/blocking/block-preferences';
import { MAX_MARK_BATCH, type BlockProtocol } from './block-messages';
import { arr, bool, nullable, obj, oneOf, str, type Validator } from './validate';

const url = str(4000);
const empty = obj({});
/** Preferences are normalized field by field (unknown lists and actions dropped), never refused whole. */
const prefs: Validator<BlockPreferences> = (v, p) => {
  obj({})(v, p);
  return normalizeBlockPreferences(v);
};


export const BLOCK_PAYLOADS: { [K in keyof BlockProtocol]: Validator<BlockProtocol[K]['payload']> } = {
  checkNavigation: obj({ url }),
  markSearchResults: obj({ urls: arr(url, MAX_MARK_BATCH) }),
  explainBlock: obj({ url, via: oneOf(['rule', 'check', 'shop'] as const), fetchDetails: bool }),
  continueToSite: obj({ url }),
  closeBlockedTab: empty,
  getBlockPreferences: empty,
  saveBlockPreferences: obj({ prefs }),
  getContinuedSites: empty,
  forgetContinuedSites: obj({ sites: nullable(arr(str(300), 1000)) }),
  getBlockingStatus: empty,
};
