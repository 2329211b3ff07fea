/** The payload validator of every message in the protocol map. */
import { IDENTIFIER_KINDS, type ScanResult } from '../../src/types';
import { LEVELS } from '../../src/ui-model/level-style';
import { normalizeSettings, type Settings } from '../../src/ui-model/settings';
import type { MessageType, Payload } from './messages';
import { FEED_PAYLOADS } from './feed-payloads';
import { REPORT_PAYLOADS } from './report-payloads';
import { arr, bool, int, nullable, obj, oneOf, optional, record, str, type Validator } from './validate';

const ref = optional(int(0, 10_000_000));
const text = str(4000);

const identifier = obj({
  kind: oneOf(IDENTIFIER_KINDS),
  value: str(200),
  valid: bool,
  problems: arr(str(60), 20),
  label: nullable(str(200)),
  source: oneOf(['text', 'attribute', 'link'] as const),
  evidence: text,
  region: optional(str(60)),
  count: int(0),
  ref,
});

const license = obj({
  heading: nullable(str(200)),
  name: nullable(str(400)),
  uscc: nullable(str(200)),
  regno: nullable(str(200)),
  legalRepresentative: nullable(str(200)),
  address: nullable(str(400)),
  authority: nullable(str(400)),
  established: nullable(str(200)),
  validity: nullable(str(200)),
  scope: nullable(text),
  evidence: text,
  ref,
});

const badge = obj({
  href: text,
  host: str(300),
  claims: str(400),
  official: bool,
  authority: nullable(str(200)),
  selfHosted: bool,
  embedded: arr(str(200), 20),
  ref,
});

const finding = obj({
  code: str(80),
  severity: oneOf(['danger', 'warning', 'caution', 'info'] as const),
  message: text,
  evidence: text,
  params: record(str(2000), 30),
  ref,
});

/** A scan result from a content script: shape and sizes checked, unknown fields dropped. */
export const scanResult: Validator<ScanResult> = obj({
  url: text,
  identifiers: arr(identifier, 500),
  licenses: arr(license, 100),
  badges: arr(badge, 200),
  verdict: obj({ level: oneOf(LEVELS), findings: arr(finding, 500) }),
});

const settings: Validator<Settings> = (v, p) => {
  // Settings are validated field by field with defaults, never refused whole.
  obj({})(v, p);
  return normalizeSettings(v);
};

const host = str(300);
const empty = obj({});

/** Validators keyed by message type: adding a message without one does not compile. */
export const PAYLOADS: { [K in MessageType]: Validator<Payload<K>> } = {
  getPageConfig: obj({ host }),
  reportVerdict: obj({ url: text, result: nullable(scanResult), allowlisted: nullable(str(300)) }),
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
