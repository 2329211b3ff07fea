import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { openSource } from '../feed/apply-feed';
import { buildFeed } from '../feed/build/build-feed';
import { diffFeeds } from '../feed/diff-feed';
import { generateFeedKey, parseFeedKey, parsePublicKey } from '../../feed/signature';
import { verifyFeed } from '../feed/verify-feed';
import { LIST_ACTIONS, LIST_NAMES, type ListAction, type ListName } from '../../feed/format';
import { UsageError, parseArgs, type Command, type CommandIo } from './command';
import { feedImport, feedPublish, IMPORT_USAGE } from './feed-import-command';

const USAGE = [
  'usage: liangzhao feed <keygen|build|verify|diff|import|publish> …',
  '',
  '  feed keygen --out key.json',
  '      new Ed25519 publisher key; give clients its publicKey, keep the file secret',
  '  feed build --key key.json --out DIR [--blacklist FILE.csv …] [--entities FILE.csv …] [--previous DIR] [--name NAME] [--version N]',
  '      blacklist CSV: id,id_type,list,name,reason,authority,listed_on,source_url',
  '      entities CSV:  uscc,name,status,credit_level,redlists,updated_on   (UTF-8 or GBK)',
  '      --previous DIR: the feed now published; the new version is above it and has deltas from it',
  '      --list-action LIST=block|mark|inform (repeatable): what clients do with the list\'s entries',
  '        (default fraud-domain and serious-dishonest block, abnormal-operation and community mark,',
  '        court-dishonest inform; a --previous feed\'s choices carry over)',
  '      --domain-file-max N: lists with at most N domains also get a file of them for the browser\'s',
  '        request blocking (default 100000; 0: none)',
  '  feed verify DIR|URL --pubkey KEY',
  '      checks the signature and every file; exit 1 on any problem',
  '  feed diff A B [--pubkey KEY] [--limit N]',
  '      what changed between two feeds (directories or URLs)',
  ...IMPORT_USAGE,
].join('\n');

/** `liangzhao feed`: the publisher's tools (keys, build, verify, diff). */
export const feedCommand: Command = {
  name: 'feed',
  summary: '生成、校验、比较签名数据源 (build, verify and diff signed list feeds)',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'keygen') return keygen(rest, io);
    if (sub === 'build') return build(rest, io);
    if (sub === 'verify') return verify(rest, io);
    if (sub === 'diff') return diff(rest, io);
    if (sub === 'import') return feedImport(rest, io);
    if (sub === 'publish') return feedPublish(rest, io);
    throw new UsageError(sub ? `unknown feed command "${sub}"` : 'give a feed command');
  },
};

const one = (flags: Map<string, string[]>, name: string): string => {
  const v = flags.get(name)?.[0];
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
};

async function keygen(args: string[], io: CommandIo): Promise<number> {
  const { flags, booleans } = parseArgs(args, { strings: ['out'], booleans: ['force'] });
  const out = resolve(one(flags, 'out'));
  const key = await generateFeedKey();
  await mkdir(dirname(out), { recursive: true });
  try {
    await writeFile(out, JSON.stringify(key, null, 2) + '\n', { mode: 0o600, flag: booleans.has('force') ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${out} exists; refusing to overwrite a key (use --force)`);
    throw error;
  }
  io.out(`wrote ${out}\npublic key (give this to clients): ${key.publicKey}`);
  return 0;
}

async function build(args: string[], io: CommandIo): Promise<number> {
  const { flags } = parseArgs(args, { strings: ['key', 'out', 'previous', 'name', 'version', 'domain-file-max'], repeatable: ['blacklist', 'entities', 'list-action'] });
  const blacklist = flags.get('blacklist') ?? [];
  const entities = flags.get('entities') ?? [];
  if (!blacklist.length && !entities.length) throw new UsageError('give at least one --blacklist or --entities file');
  const versionText = flags.get('version')?.[0];
  const version = versionText === undefined ? undefined : Number(versionText);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new UsageError('--version must be a positive integer');
  const maxText = flags.get('domain-file-max')?.[0];
  const domainFileMax = maxText === undefined ? undefined : Number(maxText);
  if (domainFileMax !== undefined && !(Number.isInteger(domainFileMax) && domainFileMax >= 0)) throw new UsageError('--domain-file-max must be a whole number');
  const listActions = parseListActions(flags.get('list-action') ?? []);
  const { secretKey, publicKey } = await parseFeedKey(await readFile(one(flags, 'key'), 'utf8'));
  const started = Date.now();
  const { manifest, problems } = await buildFeed({
    out: one(flags, 'out'),
    secretKey,
    publicKey,
    blacklist,
    entities,
    previous: flags.get('previous')?.[0],
    name: flags.get('name')?.[0],
    version,
    listActions,
    domainFileMax,
    onProblem: (p) => io.err(`${p.file}:${p.line}: skipped: ${p.problem}`),
    onEncoding: (file, enc) => enc !== 'utf-8' && io.err(`${file}: read as ${enc.toUpperCase()}`),
  });
  const b = manifest.blacklist;
  io.out(
    `built ${manifest.name} version ${manifest.version} in ${((Date.now() - started) / 1000).toFixed(1)}s: ` +
      `${b.count} blacklist keys in ${b.shards.length} shards, ${manifest.entities.count} entities, ${b.deltas.length} delta(s)` +
      `; lists: ${Object.entries(manifest.lists ?? {}).map(([l, m]) => `${l} ${m.action}${m.domains ? ` (${m.domains.count} domains in a file)` : ''}`).join(', ')}` +
      (problems.length ? `; ${problems.length} row(s) skipped (listed above)` : ''),
  );
  return 0;
}

/** `--list-action fraud-domain=block` → { 'fraud-domain': 'block' }, refusing unknown lists and actions. */
function parseListActions(values: string[]): Partial<Record<ListName, ListAction>> {
  const out: Partial<Record<ListName, ListAction>> = {};
  for (const v of values) {
    const [list, action] = v.split('=', 2) as [string, string | undefined];
    if (!(LIST_NAMES as string[]).includes(list)) throw new UsageError(`--list-action: unknown list "${list}" (one of ${LIST_NAMES.join(', ')})`);
    if (!(LIST_ACTIONS as readonly string[]).includes(action ?? '')) throw new UsageError(`--list-action ${list}: the action must be one of ${LIST_ACTIONS.join(', ')}`);
    out[list as ListName] = action as ListAction;
  }
  return out;
}

async function verify(args: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { strings: ['pubkey'] });
  if (positionals.length !== 1) throw new UsageError('give one feed directory or URL');
  const report = await verifyFeed(await openSource(positionals[0]!, {}), parsePublicKey(one(flags, 'pubkey')));
  for (const p of report.problems) io.err(p);
  if (report.manifest) {
    const m = report.manifest;
    io.out(`${m.name} version ${m.version} (${m.created}): ${m.blacklist.count} blacklist keys, ${m.entities.count} entities, ${report.files} files checked`);
  }
  io.out(report.problems.length ? `NOT OK: ${report.problems.length} problem(s)` : 'OK: signature and every file verified');
  return report.problems.length ? 1 : 0;
}

async function diff(args: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { strings: ['pubkey', 'limit'] });
  if (positionals.length !== 2) throw new UsageError('give two feeds: A B');
  const key = flags.get('pubkey')?.[0];
  const d = await diffFeeds(await openSource(positionals[0]!, {}), await openSource(positionals[1]!, {}), key ? parsePublicKey(key) : undefined);
  const limit = Number(flags.get('limit')?.[0] ?? 50);
  io.out(`version ${d.from.version} → ${d.to.version}; blacklist ${d.from.blacklist} → ${d.to.blacklist}; entities ${d.from.entities} → ${d.to.entities}`);
  if (d.note) io.out(`note: ${d.note}`);
  const show = <T>(label: string, items: T[], fmt: (x: T) => string) => {
    if (!items.length) return;
    io.out(`${label} (${items.length}):`);
    for (const x of items.slice(0, limit)) io.out(`  ${fmt(x)}`);
    if (items.length > limit) io.out(`  … ${items.length - limit} more`);
  };
  show('+ blacklist', d.blacklist.added, (r) => `${r.idType} ${r.id} ${r.list} ${r.name} — ${r.reason}`);
  show('- blacklist', d.blacklist.removed, (r) => `${r.idType} ${r.id} ${r.list} ${r.name}`);
  show('+ entities', d.entities.added, (r) => `${r.uscc} ${r.name} ${r.status} ${r.creditLevel ?? '-'}`);
  show('- entities', d.entities.removed, (r) => `${r.uscc} ${r.name}`);
  show('~ entities', d.entities.changed, (c) => `${c.to.uscc} ${c.from.name}/${c.from.status}/${c.from.creditLevel ?? '-'} → ${c.to.name}/${c.to.status}/${c.to.creditLevel ?? '-'}`);
  return 0;
}
