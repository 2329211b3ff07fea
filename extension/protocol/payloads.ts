/** The payload validator of every message in the protocol map. */
import { normalizeSettings, type Settings } from '../../src/ui-model/settings';
import type { PageSnapshot, SnapshotPart } from '../../src/scan/locator';
import { MAX_PICTURE_CHARS, MAX_PICTURES, MAX_PIECE_CHARS, MAX_SNAPSHOT_CHARS, MAX_SNAPSHOT_PARTS, type MessageType, type Payload, type PictureInput } from './messages';
import { LANGS } from '../../src/i18n/lang';
import { FEED_PAYLOADS } from './feed-payloads';
import { REPORT_PAYLOADS } from './report-payloads';
import { REGISTRY_PAYLOADS } from './registry-payloads';
import { BLOCK_PAYLOADS } from './block-payloads';
import { arr, bool, int, nullable, obj, oneOf, optional, str, ValidationError, type Validator } from './validate';

const text = str(4000);

const settings: Validator<Settings> = (v, p) => {
  // Settings are validated field by field with defaults, never refused whole.
  obj({})(v, p);
  return normalizeSettings(v);
};

/** A part of a page snapshot holding at most `max` characters per field. */
function snapshotPartOf(max: number): Validator<SnapshotPart> {
  const html = str(max);
  const documentPart = obj({ kind: oneOf(['document'] as const), head: html, body: html });
  const shadowPart = obj({ kind: oneOf(['shadow'] as const), html });
  return (v, p) => ((v as { kind?: unknown } | null)?.kind === 'shadow' ? shadowPart(v, p) : documentPart(v, p));
}
/** What one message from a page may carry; a larger snapshot comes in pieces (uploadPiece). */
const snapshotPart = snapshotPartOf(MAX_PIECE_CHARS);
/** A whole snapshot, its pieces put together by the worker, as the engine receives it. */
const wholeSnapshot: Validator<PageSnapshot> = (v, p) => {
  const snapshot = obj({ parts: arr(snapshotPartOf(MAX_SNAPSHOT_CHARS), MAX_SNAPSHOT_PARTS), truncated: bool })(v, p);
  const chars = snapshot.parts.reduce((n, part) => n + (part.kind === 'document' ? part.head.length + part.body.length : part.html.length), 0);
  if (chars > MAX_SNAPSHOT_CHARS) throw new ValidationError(`${p || 'payload'}.parts: more than ${MAX_SNAPSHOT_CHARS} characters`);
  return snapshot;
};

const px = int(0, 100_000);
/** A picture's bytes (or why there are none), as the content script sends them. */
const pictureInput: Validator<PictureInput> = obj({
  src: str(4000),
  data: nullable(str(MAX_PICTURE_CHARS)),
  crop: nullable(obj({ x: px, y: px, width: px, height: px })),
  ref: nullable(int(0)),
  error: nullable(str(300)),
});
const pictures = arr(pictureInput, MAX_PICTURES);

const host = str(300);
const empty = obj({});

/** Validators keyed by message type: adding a message without one does not compile. */
export const PAYLOADS: { [K in MessageType]: Validator<Payload<K>> } = {
  getPageConfig: obj({ host }),
  getPageStrings: obj({ lang: oneOf(LANGS) }),
  checkPage: obj({ url: text, parts: arr(snapshotPart, MAX_SNAPSHOT_PARTS), truncated: bool, upload: nullable(str(64)), pictures: optional(pictures) }),
  uploadPiece: obj({ upload: str(64), part: int(0, MAX_SNAPSHOT_PARTS - 1), field: oneOf(['head', 'body', 'html'] as const), text: str(MAX_PIECE_CHARS) }),
  reportVerdict: obj({ url: text, allowlisted: str(300) }),
  dismissSite: obj({ host }),
  leavePage: empty,
  setPanelSide: obj({ side: oneOf(['left', 'right'] as const) }),
  panelCovered: obj({ covered: bool }),
  getTabVerdict: obj({ tabId: int(0) }),
  getSettings: empty,
  saveSettings: obj({ settings }),
  undismissSite: obj({ host }),
  getStoredDataSummary: empty,
  clearStoredData: empty,
  scanSnapshot: obj({ url: text, snapshot: wholeSnapshot }),
  readPictures: obj({ pictures }),
  pictureEngineStatus: empty,
  getPictureStatus: empty,
  capturePicture: empty,
  ...FEED_PAYLOADS,
  ...REPORT_PAYLOADS,
  ...REGISTRY_PAYLOADS,
  ...BLOCK_PAYLOADS,
};
