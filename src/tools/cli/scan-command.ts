import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGS, type Lang } from '../../i18n/lang';
import { lookupInFeed } from '../feed/apply-feed';
import type { DataLookups } from '../../feed/lookup-types';
import { scanPage } from '../../scan/scan-page';
import type { ScanResult } from '../../types';
import { judge, judged } from '../../verdict/judge';
import { UsageError, parseArgs, type Command } from './command';
import { decodeHtml, parseHtmlDocument } from './parse-html';
import { formatReport } from './scan-report';
import { formatRegistry, registryOutput } from './registry-output';

const MAX_BYTES = 64 * 1024 * 1024;

/** `liangzhao scan`: the identifier engine run on a saved page or a URL. */
export const scanCommand: Command = {
  name: 'scan',
  summary: '扫描页面中的营业执照、许可证与备案号 (scan a page for licenses and filings)',
  usage: [
    'usage: liangzhao scan <file.html | http(s)://url> [--url <page URL>] [--json] [--lang zh-CN|zh-TW|en]',
    '                      [--feed DIR|URL --pubkey KEY]',
    '',
    '  --url   the page\'s own URL, when scanning a saved file (for same-site badge checks); a registry',
    '          result page\'s URL (https://www.gsxt.gov.cn/…) also prints the registry\'s answer as `registry`',
    '  --json  print one JSON object (identifiers, licenses, badges, verdict)',
    '  --lang  language of messages (default zh-CN)',
    '  --feed  apply a signed list feed (directory or URL): blacklists, deregistrations, credit levels',
    '  --pubkey the feed publisher\'s Ed25519 public key (base64); required with --feed',
  ].join('\n'),
  async run(args, io) {
    const { flags, booleans, positionals } = parseArgs(args, { strings: ['url', 'lang', 'feed', 'pubkey'], booleans: ['json'] });
    if (positionals.length !== 1) throw new UsageError('give exactly one file or URL');
    const lang = (flags.get('lang')?.[0] ?? 'zh-CN') as Lang;
    if (!LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
    const input = positionals[0]!;
    const { html, url } = await load(input);
    const document = parseHtmlDocument(html);
    const pageUrl = flags.get('url')?.[0] ?? url;
    const facts = scanPage(document, { url: pageUrl });
    const registry = registryOutput(document, pageUrl);
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
    const json = registry ? { ...forOutput(result), registry } : forOutput(result);
    io.out(booleans.has('json') ? JSON.stringify(json, null, 2) : formatReport(result, lang) + (registry ? formatRegistry(registry, lang) : ''));
    return 0;
  },
};

async function load(input: string): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new Error(`无法读取 ${input}: ${(error as Error).message} (could not fetch the page)`);
    }
    if (!response.ok) throw new Error(`无法读取 ${input}: HTTP ${response.status} (the server refused the page)`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) throw new Error(`页面过大 (${bytes.length} bytes; the limit is ${MAX_BYTES})`);
    return { html: decodeHtml(bytes, response.headers.get('content-type')), url: response.url || input };
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
  if (size > MAX_BYTES) throw new Error(`文件过大 ${input} (${size} bytes; the limit is ${MAX_BYTES})`);
  const bytes = await readFile(path);
  if (bytes.includes(0) && !/<html|<body|<div/i.test(bytes.subarray(0, 65536).toString('latin1'))) {
    throw new Error(`${input} 不是 HTML 页面 (binary data, not an HTML page)`);
  }
  return { html: decodeHtml(bytes), url: pathToFileURL(path).href };
}

/**
 * The JSON contract: no internal evidence refs, and a finding's advice and topic (what the UI shows
 * beside it; the readable report prints the advice) stay out of it as before.
 */
function forOutput(result: ScanResult): ScanResult {
  const strip = <T extends { ref?: number }>({ ref: _ref, ...rest }: T) => rest;
  return {
    url: result.url,
    identifiers: result.identifiers.map(strip),
    licenses: result.licenses.map(strip),
    badges: result.badges.map(strip),
    verdict: { level: result.verdict.level, findings: result.verdict.findings.map(({ ref: _ref, advice: _advice, topic: _topic, ...rest }) => rest) },
  };
}
