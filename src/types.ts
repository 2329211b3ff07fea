/**
 * The scan result contract shared by the command line (`liangzhao scan --json`), the content script,
 * the panel and the service worker. Everything here is plain JSON: it crosses message boundaries.
 */

/** Identifier types a list record (and a registry answer) can be keyed by; part of the feed format. */
export const KEY_TYPES = ['uscc', 'regno', 'domain', 'icp', 'psb'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** The official sites whose result pages the extension can read (src/registries/sites/). */
export const REGISTRY_SITES = ['gsxt', 'creditchina', 'miit', 'mps'] as const;
export type RegistrySiteId = (typeof REGISTRY_SITES)[number];

/**
 * What the panel and popup show of the user's registry answers for a page's values: who said what,
 * when (the age is shown), and where. Plain JSON, carried in the tab's ScanResult.
 */
export interface OfficialCheck {
  kind: KeyType;
  value: string;
  site: RegistrySiteId;
  state: 'answered' | 'unreadable';
  at: number;
  url: string;
  words: string;
  notFound: boolean;
  /**
   * The page's identifiers it answers for, as `kind:value` exactly as the page's identifiers have them,
   * so the panel matches them without canonicalizing (and without loading the normalizer's tables).
   */
  shown: string[];
}

/** Identifier kinds; the names are part of the CLI's output contract. */
export const IDENTIFIER_KINDS = [
  'uscc',
  'regno',
  'orgcode',
  'icp-filing',
  'icp-license',
  'psb-filing',
  'food-business',
  'food-production',
  'food-online-filing',
  'culture-license',
  'drug-info',
  'drug-trade',
  'device-platform-filing',
  'device-business',
  'publication',
  'permit',
  // Added with issue 14 (appended: the names are the CLI's contract, existing ones never change).
  'broadcast-license',
  'av-program-license',
  'performance-license',
  'online-publishing-license',
  'drug-device-info-filing',
  'food-circulation',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Where on the page an identifier was read (`image`: read from a picture, src/image/). */
export type IdentifierSource = 'text' | 'attribute' | 'link' | 'image';

export interface Identifier {
  kind: IdentifierKind;
  /** Normalized value: half-width, upper case, Simplified, canonical brackets and 号. */
  value: string;
  valid: boolean;
  /** Machine codes of what is wrong (`check-character`, `length`, `alphabet`, …); empty when valid. */
  problems: string[];
  /** The label the page gave it (normalized to Simplified), or null when unlabelled. */
  label: string | null;
  source: IdentifierSource;
  /** A short excerpt of the page around the value, as the page wrote it. */
  evidence: string;
  /** Province or authority read from the value (e.g. 广东), when the kind encodes one. */
  region?: string;
  /** How many times the page shows this value (all sources). */
  count: number;
  /** Index of the evidence location, for the content script to scroll to; absent in node. */
  ref?: number;
  /** Read from this picture (its URL or file name): `source` is `image`. */
  picture?: string;
  /**
   * For a code read from a picture: every character was read surely and none had to be replaced.
   * A code that fails its check and was not read surely is "could not read the code clearly", never
   * `id-invalid`: a misread must not accuse the shop.
   */
  readSurely?: boolean;
}

export interface LicenseRecord {
  /** The heading that anchored the block (营业执照信息, 网站所有者情况, …) or null. */
  heading: string | null;
  name: string | null;
  uscc: string | null;
  regno: string | null;
  legalRepresentative: string | null;
  address: string | null;
  authority: string | null;
  established: string | null;
  validity: string | null;
  scope: string | null;
  evidence: string;
  ref?: number;
  /** A licence read from this picture (src/image/); absent for the page's text. */
  picture?: string;
  /** 类型 and 注册资本, when a picture shows them (the page's card reader leaves them out). */
  type?: string | null;
  capital?: string | null;
}

export interface Badge {
  href: string;
  host: string;
  /** The verification the link claims, as written (e.g. 电子营业执照亮照, 公安备案). */
  claims: string;
  /** The link goes to an official (or genuine legacy) verification host. */
  official: boolean;
  /** Who runs that host, when known (e.g. 国家企业信用信息公示系统). */
  authority: string | null;
  /** The link stays on the shop's own site (a self-hosted picture, not a verification). */
  selfHosted: boolean;
  /** Identifiers carried in the link (serial=, uniscid=, regno=, code=, recordcode=). */
  embedded: string[];
  ref?: number;
}

export type Severity = 'danger' | 'warning' | 'caution' | 'info';
export type Level = 'danger' | 'warning' | 'caution' | 'ok' | 'none';

export interface Finding {
  /** Rule code, e.g. `badge-spoofed`; stable, used for i18n, dismissal and allowlisting. */
  code: string;
  severity: Severity;
  /** Human message in the requested language (zh-CN by default). */
  message: string;
  /** What on the page triggered it, as the page wrote it. */
  evidence: string;
  /** Parameters of the message, for re-rendering in another language. */
  params: Record<string, string>;
  /**
   * Why it matters and what to do, in the same language as `message`: the UI shows it as it comes,
   * so the panel and popup need none of the rules' code (not in the CLI's JSON).
   */
  advice?: string;
  /**
   * About the shop, about the state of our own data (lists missing, stale, a failed lookup), or good
   * news about the shop (a red list): shown apart, never under "problems found".
   */
  topic?: 'shop' | 'data-status' | 'good-news';
  ref?: number;
}

export interface Verdict {
  level: Level;
  findings: Finding[];
}

/** A QR code found in a picture, and where its URL leads. */
export interface QrCode {
  /** The code's text as decoded. */
  text: string;
  /** The URL's host, or null when the text is no http(s) URL. */
  host: string | null;
  /** The host is an official registry (src/scan/official-hosts.ts). */
  official: boolean;
  /** An 18-character USCC the URL carries (uniscid=, serial=…), if any; most provinces encrypt it. */
  code: string | null;
}

/**
 * What the reader made of one picture: the same facts a page's text gives (identifiers with
 * `source: "image"`, a licence record) and every QR code in it. `unreadable` is "could not read",
 * never "no licence".
 */
export interface PictureFacts {
  /** The picture as the page or the user named it (its URL or file name). */
  picture: string;
  status: 'read' | 'unreadable';
  /** Why a picture could not be read (not a picture, too small, the reader failed). */
  reason?: string;
  identifiers: Identifier[];
  licence: LicenseRecord | null;
  qr: QrCode[];
  /** The text lines read, top to bottom (for the panel's "what was read" and for debugging). */
  lines: string[];
  /** Index of the picture's element on the page, for the panel to point at it; absent in node. */
  ref?: number;
  /**
   * false: only the first part is read yet (the code, name and QR codes the verdict needs) and the
   * rest of the record follows; absent or true: the reading is whole.
   */
  complete?: boolean;
}

export interface ScanResult {
  url: string;
  identifiers: Identifier[];
  licenses: LicenseRecord[];
  badges: Badge[];
  verdict: Verdict;
  /** The user's own registry answers for the page's values (the extension only; not in `scan --json`). */
  official?: OfficialCheck[];
  /** The pictures read as licences (src/image/), when any were: what was read, QR codes, or "could not read". */
  pictures?: PictureFacts[];
}
