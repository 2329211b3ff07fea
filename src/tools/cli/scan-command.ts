import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LANGS, type Lang } from '../../i18n/lang';
import { lookupInFeed } from '../feed/apply-feed';
import type { DataLookups } from '../../feed/lookup-types';
import { licencePictures } from '../../scan/licence-pictures';
import { withPictures } from '../../image/with-pictures';
import type { PageFacts } from '../../scan/facts';
import { scanPage } from '../../scan/scan-page';
import type { PictureFacts, QrCode, ScanResult } from '../../types';
import { PICTURE_FILE } from '../ocr/decode-picture';
import { readPictureFile } from '../ocr/node-reader';
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
    'usage: liangzhao scan <file.html | picture.png|jpg|jpeg|webp|gif | http(s)://url> [--url <page URL>] [--json]',
    '                      [--lang zh-CN|zh-TW|en]',
    '                      [--feed DIR|URL --pubkey KEY]',
    '',
    '  --url   the page\'s own URL, when scanning a saved file (for same-site badge checks); a registry',
    '          result page\'s URL (https://www.gsxt.gov.cn/…) also prints the registry\'s answer as `registry`',
    '  --json  print one JSON object (identifiers, licenses, badges, verdict; with pictures, also qr)',
    '',
    '  A picture is read as a licence (OCR and QR codes, on this machine); a saved page also has the',
    '  local pictures it shows as licences read (营业执照 / 证照 / 资质 / 亮照 by alt, file name or region).',
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
    let facts: PageFacts;
    let registry: ReturnType<typeof registryOutput>;
    if (!/^https?:\/\//i.test(input) && PICTURE_FILE.test(input)) {
      const pageUrl = flags.get('url')?.[0] ?? pathToFileURL(resolve(input)).href;
      const { facts: picture } = await readPictureFile(resolve(input));
      facts = withPictures({ url: pageUrl, identifiers: [], licenses: [], badges: [], store: null }, [picture]);
    } else {
      const { html, url } = await load(input);
      const document = parseHtmlDocument(html);
      const pageUrl = flags.get('url')?.[0] ?? url;
      facts = withPictures(scanPage(document, { url: pageUrl }), await localPictures(document, url));
      registry = registryOutput(document, pageUrl);
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
    const qr = facts.pictures ? { qr: facts.pictures.flatMap((p) => p.qr) } : {};
    const json = { ...forOutput(result), ...qr, ...(registry ? { registry } : {}) };
    const report = formatReport(result, lang) + (facts.pictures ? formatQr(facts.pictures.flatMap((p) => p.qr), lang) : '') + (registry ? formatRegistry(registry, lang) : '');
    io.out(booleans.has('json') ? JSON.stringify(json, null, 2) : report);
    return 0;
  },
};

/**
 * The local pictures a saved page shows as licences (src/scan/licence-pictures.ts), read with the
 * OCR engine; a picture that cannot be read is "could not read", never a failed scan. Pictures on
 * other hosts are not fetched: the command line reads what is on this machine.
 */
async function localPictures(document: Document, fileUrl: string): Promise<PictureFacts[]> {
  if (!fileUrl.startsWith('file:')) return [];
  const out: PictureFacts[] = [];
  for (const { src } of licencePictures(document, fileUrl)) {
    if (!src.startsWith('file:')) continue;
    const path = fileURLToPath(src);
    try {
      out.push((await readPictureFile(path, src.split('/').pop())).facts);
    } catch (error) {
      out.push({ picture: src.split('/').pop() ?? src, status: 'unreadable', reason: error instanceof Error ? error.message : String(error), identifiers: [], licence: null, qr: [], lines: [] });
    }
  }
  return out;
}

/** The QR codes of the pictures, for the readable report. */
function formatQr(codes: QrCode[], lang: Lang): string {
  if (!codes.length) return '';
  const words = { 'zh-CN': ['二维码', '官方登记系统', '非官方网站', '代码'], 'zh-TW': ['二維碼', '官方登記系統', '非官方網站', '代碼'], en: ['QR code', 'official registry', 'not an official site', 'code'] }[lang];
  return '\n' + codes.map((q) => `${words[0]}: ${q.text}${q.host ? ` (${q.official ? words[1] : words[2]} ${q.host})` : ''}${q.code ? ` ${words[3]} ${q.code}` : ''}`).join('\n') + '\n';
}

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
