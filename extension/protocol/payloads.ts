/** The payload validator of every message in the protocol map. */
import { normalizeSettings, type Settings } from '../../src/ui-model/settings';
import type { SnapshotPart } from '../../src/scan/locator';
import { MAX_PIECE_CHARS, MAX_SNAPSHOT_PARTS, type MessageType, type Payload } from './messages';
import { FEED_PAYLOADS } from './feed-payloads';
import { REPORT_PAYLOADS } from './report-payloads';
import { arr, bool, int, nullable, obj, oneOf, str, type Validator } from './validate';

const text = str(4000);

const settings: Validator<Settings> = (v, p) => {
  // Settings are validated field by field with defaults, never refused whole.
  obj({})(v, p);
  return normalizeSettings(v);
};

/** What one part of a page snapshot may hold in one message; a larger snapshot comes in pieces. */
const html = str(MAX_PIECE_CHARS);
const documentPart = obj({ kind: oneOf(['document'] as const), head: html, body: html });
const shadowPart = obj({ kind: oneOf(['shadow'] as const), html });
const snapshotPart: Validator<SnapshotPart> = (v, p) => ((v as { kind?: unknown } | null)?.kind === 'shadow' ? shadowPart(v, p) : documentPart(v, p));

const host = str(300);
const empty = obj({});

/** Validators keyed by message type: adding a message without one does not compile. */
export const PAYLOADS: { [K in MessageType]: Validator<Payload<K>> } = {
  getPageConfig: obj({ host }),
  scanPage: obj({ url: text, parts: arr(snapshotPart, MAX_SNAPSHOT_PARTS), truncated: bool, upload: nullable(str(64)) }),
  uploadPiece: obj({ upload: str(64), part: int(0, MAX_SNAPSHOT_PARTS - 1), field: oneOf(['head', 'body', 'html'] as const), text: str(MAX_PIECE_CHARS) }),
  reportVerdict: obj({ url: text, allowlisted: str(300) }),
  dismissSite: obj({ host }),
  getTabVerdict: obj({ tabId: int(0) }),
  getSettings: empty,
  saveSettings: obj({ settings }),
  undismissSite: obj({ host }),
  getStoredDataSummary: empty,
  clearStoredData: empty,
  ...FEED_PAYLOADS,
  ...REPORT_PAYLOADS,
};
