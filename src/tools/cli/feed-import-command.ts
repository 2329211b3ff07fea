import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LIST_NAMES, type ListName } from '../../feed/format';
import { parseColumnMap } from '../feed/import/column-map';
import { importList } from '../feed/import/import-list';
import { blacklistCsv } from '../feed/import/write-csv';
import { publishFeed } from '../feed/publish/publish-feed';
import { UsageError, parseArgs, type CommandIo } from './command';

export const IMPORT_USAGE = [
  '  feed import FILE.xlsx|FILE.csv … --list LIST --out list.csv [--map 统一社会信用代码=id,企业名称=name,…]',
  '              [--sheet NAME] [--authority TEXT] [--source-url URL]',
  '      a regulator\'s spreadsheet (XLSX, or CSV in UTF-8 or GBK) → the blacklist CSV `feed build` reads;',
  `      LIST: ${LIST_NAMES.join(', ')}; fields: id, name, reason, authority, listed_on, source_url, list`,
  '      every code is checked; a code listed twice is merged; rejected rows are printed as FILE:ROW',
  '  feed publish FEED_DIR --out DIR',
  '      lays a built feed out for a static host: content-addressed files copied once (never',
  '      overwritten), `_headers` for the host (CORS, cache lifetimes), manifest.json written last',
];

/** `liangzhao feed import`: a list keeper's spreadsheets → the feed's blacklist CSV. */
export async function feedImport(args: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { strings: ['list', 'out', 'map', 'sheet', 'authority', 'source-url'] });
  if (!positionals.length) throw new UsageError('give the spreadsheet(s) to import');
  const list = flags.get('list')?.[0] as ListName | undefined;
  if (!list || !LIST_NAMES.includes(list)) throw new UsageError(`--list must be one of ${LIST_NAMES.join(', ')}`);
  const out = flags.get('out')?.[0];
  if (!out) throw new UsageError('--out is required');
  let map = null;
  try {
    map = flags.has('map') ? parseColumnMap(flags.get('map')![0]!) : null;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const sourceUrl = flags.get('source-url')?.[0] ?? '';
  if (sourceUrl && !/^https?:\/\//.test(sourceUrl)) throw new UsageError('--source-url must be an http(s) URL');
  const result = await importList(positionals.map((p) => resolve(p)), { list, map, sheet: flags.get('sheet')?.[0] ?? null, authority: flags.get('authority')?.[0] ?? null, sourceUrl });
  for (const p of result.rejected) io.err(`${p.file}:${p.line}: rejected: ${p.problem}`);
  for (const m of result.merged) io.err(`${m.file}:${m.line}: merged into row ${m.into} (${m.id} is listed twice)`);
  await mkdir(dirname(resolve(out)), { recursive: true });
  await writeFile(resolve(out), blacklistCsv(result.records));
  const read = result.files.map((f) => `${f.file} (${f.rows} rows${f.encoding === 'gbk' ? ', GBK' : ''})`).join(', ');
  io.out(`wrote ${out}: ${result.records.length} record(s) from ${read}; ${result.rejected.length} rejected, ${result.merged.length} merged`);
  return result.records.length ? 0 : 1;
}

/** `liangzhao feed publish`: a built feed → a directory any static host can serve. */
export async function feedPublish(args: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { strings: ['out'] });
  if (positionals.length !== 1) throw new UsageError('give the built feed directory');
  const out = flags.get('out')?.[0];
  if (!out) throw new UsageError('--out is required');
  const report = await publishFeed(resolve(positionals[0]!), resolve(out));
  io.out(`published to ${out}: ${report.copied} new file(s), ${report.kept} already there; manifest.json written last; serve with the headers in _headers`);
  return 0;
}
