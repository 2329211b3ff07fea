import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGS, type Lang } from '../../i18n/lang';
import { lookupInFeed } from '../feed/apply-feed';
import type { DataLookups } from '../../feed/lookup-types';
import { ScanBudget } from '../../scan/budget';
import { scanPage } from '../../scan/scan-page';
import { MAX_NESTING } from '../../scan/snapshot';
import type { ScanResult } from '../../types';
import { judge, judged } from '../../verdict/judge';
import { UsageError, parseArgs, type Command } from './command';
import { fetchPage } from './fetch-page';
import { cutDeepHtml, decodeHtml, parseHtmlDocument } from './parse-html';
import { formatReport } from './scan-report';
import { formatRegistry, registryOutput } from './registry-output';

/**
 * What `scan` reads of a page, said up front (issue 15): at most 16 MB of it (as much as the
 * extension's snapshot), nested at most 512 levels (as browsers nest), and 30 s of scanning. Past
 * any of them it answers with what it read, and the verdict says only part of the page was read.
 * Within them a page costs at most about 20 s and 1.5 GB on a 2-core machine (npm run bench: cli).
 */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;
const SCAN_BUDGET_MS = 30_000;

/** `liangzhao scan`: the identifier engine run on a saved page or a URL. */
export const scanCommand: Command = {
  name: 'scan',
  summary: '扫描页面中的营业执照、许可证与备案号 (scan a page for licenses and filings)',
  usage: [
    'usage: liangzhao scan <file.html | http(s)://url> [--url <page URL>] [--json] [--lang zh-CN|zh-TW|en]',
    '                      [--feed DIR|URL --pubkey KEY] [--allow-private]',
    '',
    '  --url   the page\'s own URL, when scanning a saved file (for same-site badge checks); a registry',
    '          result page\'s URL (https://www.gsxt.gov.cn/…) also prints the registry\'s answer as `registry`',
    '  --allow-private  follow redirects to loopback, private and link-local addresses too',
    '  --json  print one JSON object (identifiers, licenses, badges, verdict)',
    '  --lang  language of messages (default zh-CN)',
    '  --feed  apply a signed list feed (directory or URL): blacklists, deregistrations, credit levels',
    '  --pubkey the feed publisher\'s Ed25519 public key (base64); required with --feed',
    '',
    '  Reads at most 16 MB of a page, nested at most 512 levels, for at most 30 s; past that it',
    '  judges what it read and says that only part of the page was read. --json adds "encoding":',
    '  the character set the page was read in (BOM, Content-Type, <meta charset>, else detected).',
  ].join('\n'),
  async run(args, io) {
    const { flags, booleans, positionals } = parseArgs(args, { strings: ['url', 'lang', 'feed', 'pubkey'], booleans: ['json', 'allow-private'] });
    if (positionals.length !== 1) throw new UsageError('give exactly one file or URL');
    const lang = (flags.get('lang')?.[0] ?? 'zh-CN') as Lang;
    if (!LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
    const input = positionals[0]!;
    const { bytes, truncated, contentType, url } = await load(input, booleans.has('allow-private'));
    const page = decodeHtml(bytes, contentType);
    const { html, cut } = cutDeepHtml(page.text, MAX_NESTING);
    const document = parseHtmlDocument(html);
    const pageUrl = flags.get('url')?.[0] ?? url;
    const facts = scanPage(document, { url: pageUrl, budget: ScanBudget.of(SCAN_BUDGET_MS) });
    const registry = registryOutput(document, pageUrl);
    if (truncated || cut) {
      // Read in part: what was read is judged, and no "licence missing" (it may be in the rest).
      facts.partial = truncated ? 'size' : 'depth';
      facts.store = null;
    }
    const feed = flags.get('feed')?.[0];
    let lookups: DataLookups | undefined;
    if (feed) {
      const publicKey = flags.get('pubkey')?.[0];
      if (!publicKey) throw new UsageError('--feed needs --pubkey: a feed is never trusted on a key it carries itself');
      try {
        lookups = await lookupInFeed(facts, /^https?:\/\//i.test(feed) ? feed : resolve(feed), { publicKey });
      } catch (error) {
        throw new Error(`名单无法使用 ${feed}: ${error instanceof Error ? error.message : String(error)} (the feed was refused)`);
      }
    }
    const result = judged(facts, judge(facts, { lang, lookups }).verdict);
    const json = registry ? { ...forOutput(result, page.encoding), registry } : forOutput(result, page.encoding);
    io.out(booleans.has('json') ? JSON.stringify(json, null, 2) : formatReport(result, lang) + (registry ? formatRegistry(registry, lang) : ''));
    return 0;
  },
};

interface Loaded {
  bytes: Uint8Array;
  truncated: boolean;
  contentType: string | null;
  url: string;
}

async function load(input: string, allowPrivate: boolean): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) {
    try {
      const page = await fetchPage(input, { maxBytes: MAX_PAGE_BYTES, allowPrivate, timeoutMs: 30_000 });
      return { bytes: page.bytes, truncated: page.truncated, contentType: page.contentType, url: page.url };
    } catch (error) {
      throw new Error(`无法读取 ${input}: ${(error as Error).message} (could not fetch the page)`);
    }
  }
  const path = resolve(input);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw new Error(`无法读取文件 ${input}: ${(error as Error).message} (cannot read the file)`);
  }
  // Only the first MAX_PAGE_BYTES are read, whatever the file's size.
  const file = await open(path);
  const bytes = new Uint8Array(Math.min(size, MAX_PAGE_BYTES));
  try {
    await file.read(bytes, 0, bytes.length, 0);
  } finally {
    await file.close();
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0) && !/<html|<body|<div/i.test(Buffer.from(bytes.subarray(0, 65536)).toString('latin1'))) {
    throw new Error(`${input} 不是 HTML 页面 (binary data, not an HTML page)`);
  }
  return { bytes, truncated: size > MAX_PAGE_BYTES, contentType: null, url: pathToFileURL(path).href };
}

/**
 * The JSON contract: no internal evidence refs, and a finding's advice and topic (what the UI shows
 * beside it; the readable report prints the advice) stay out of it as before; `encoding` (added by
 * issue 15) says how the page was read.
 */
function forOutput(result: ScanResult, encoding: string): ScanResult & { encoding: string } {
  const strip = <T extends { ref?: number }>({ ref: _ref, ...rest }: T) => rest;
  return {
    url: result.url,
    identifiers: result.identifiers.map(strip),
    licenses: result.licenses.map(strip),
    badges: result.badges.map(strip),
    verdict: { level: result.verdict.level, findings: result.verdict.findings.map(({ ref: _ref, advice: _advice, topic: _topic, ...rest }) => rest) },
    encoding,
  };
}
