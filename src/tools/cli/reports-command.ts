import { rename, writeFile } from 'node:fs/promises';
import { blacklistRows, toBlacklistCsv } from '../receiver/blacklist-csv';
import { DEFAULT_DB_FILE, openStore } from '../receiver/open-store';
import { REVIEW_STATUSES, type ReportStore, type ReviewStatus } from '../receiver/report-store';
import { UsageError, parseArgs, type Command, type CommandIo } from './command';
import { printable, printableJson } from './terminal-safe';

function status(value: string | undefined, allowed: readonly ReviewStatus[]): ReviewStatus | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as ReviewStatus)) throw new UsageError(`--status must be one of ${allowed.join(', ')}, got ${value}`);
  return value as ReviewStatus;
}

type Parsed = ReturnType<typeof parseArgs>;

async function list(store: ReportStore, { flags, booleans }: Parsed, io: CommandIo): Promise<number> {
  const rows = await store.list({ status: status(flags.get('status')?.[0], REVIEW_STATUSES) });
  if (booleans.has('json')) {
    // The screenshot is summarized: reviewers fetch it with `reports show ID --screenshot FILE`.
    const out = rows.map((r) => ({ ...r, report: { ...r.report, screenshot: r.report.screenshot ? `(${r.report.screenshot.length} chars)` : null } }));
    io.out(printableJson(JSON.stringify(out, null, 2)));
    return 0;
  }
  if (!rows.length) io.err('no reports');
  for (const r of rows) {
    const what = r.report.kind === 'false-positive' ? `false-positive:${r.report.falsePositive?.code}` : r.report.category;
    const text = r.report.text.replace(/\s+/g, ' ').slice(0, 60);
    // Every field as the sender wrote it, but never a control character raw (terminal-safe.ts).
    io.out([r.id, r.status, r.receivedAt, what ?? '', r.report.evidence.url, text].map((f) => printable(String(f))).join('\t'));
  }
  return 0;
}

async function review(store: ReportStore, { flags, positionals }: Parsed, io: CommandIo): Promise<number> {
  const next = status(flags.get('status')?.[0], REVIEW_STATUSES)!;
  const ok = await store.review(positionals[0]!, next, flags.get('note')?.[0] ?? null, new Date().toISOString());
  if (!ok) {
    io.err(`no report with id ${positionals[0]}`);
    return 1;
  }
  io.out(`report ${positionals[0]} → ${next}`);
  return 0;
}

async function exportCsv(store: ReportStore, { flags }: Parsed, io: CommandIo): Promise<number> {
  const rows = blacklistRows(await store.list({ status: 'reviewed' }));
  const csv = toBlacklistCsv(rows);
  const out = flags.get('out')?.[0];
  if (out) {
    // Written beside and renamed, so `feed build` never reads a half-written file.
    await writeFile(`${out}.tmp`, csv);
    await rename(`${out}.tmp`, out);
    io.err(`${rows.length} rows written to ${out}`);
  } else io.out(csv.trimEnd());
  return 0;
}

async function show(store: ReportStore, { flags, positionals }: Parsed, io: CommandIo): Promise<number> {
  const row = await store.get(positionals[0]!);
  if (!row) {
    io.err(`no report with id ${positionals[0]}`);
    return 1;
  }
  const file = flags.get('screenshot')?.[0];
  if (file && row.report.screenshot) await writeFile(file, Buffer.from(row.report.screenshot.split(',')[1]!, 'base64'));
  io.out(printableJson(JSON.stringify({ ...row, report: { ...row.report, screenshot: row.report.screenshot ? `(PNG, ${row.report.screenshot.length} chars)` : null } }, null, 2)));
  return 0;
}

interface Subcommand {
  spec: { strings: string[]; booleans?: string[] };
  /** Checks arguments before the database is opened, so a typo never creates a stray database file. */
  check(parsed: Parsed): void;
  run(store: ReportStore, parsed: Parsed, io: CommandIo): Promise<number>;
}

function oneId({ positionals }: Parsed): void {
  if (positionals.length !== 1) throw new UsageError('give exactly one report id');
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  list: {
    spec: { strings: ['status', 'db'], booleans: ['json'] },
    check: ({ flags, positionals }) => {
      if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
      status(flags.get('status')?.[0], REVIEW_STATUSES);
    },
    run: list,
  },
  show: { spec: { strings: ['db', 'screenshot'] }, check: oneId, run: show },
  review: {
    spec: { strings: ['status', 'db', 'note'] },
    check: (parsed) => {
      oneId(parsed);
      if (!status(parsed.flags.get('status')?.[0], REVIEW_STATUSES)) throw new UsageError('--status reviewed|rejected is required');
    },
    run: review,
  },
  export: {
    spec: { strings: ['status', 'db', 'out'] },
    check: ({ flags, positionals }) => {
      if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
      if ((flags.get('status')?.[0] ?? 'reviewed') !== 'reviewed') throw new UsageError('only --status reviewed reports go into the blacklist');
    },
    run: exportCsv,
  },
};

/** `liangzhao reports`: reviewers list, inspect and review received reports, and export the blacklist CSV. */
export const reportsCommand: Command = {
  name: 'reports',
  summary: '审核收到的举报并导出社区黑名单 (review received reports, export the community blacklist CSV)',
  usage: [
    'usage: liangzhao reports list [--status new|reviewed|rejected] [--json] [--db FILE]',
    '       liangzhao reports show ID [--screenshot FILE.png] [--db FILE]',
    '       liangzhao reports review ID --status reviewed|rejected [--note TEXT] [--db FILE]',
    '       liangzhao reports export --status reviewed [--out FILE.csv] [--db FILE]',
    '',
    `  --db   SQLite file (default ${DEFAULT_DB_FILE}) or postgres:// connection string`,
    '  export writes id,id_type,list,name,reason,authority,listed_on,source_url (list=community),',
    '  the input of `liangzhao feed build`; marketplace domains (taobao.com, jd.com …) are never listed.',
  ].join('\n'),
  async run(args, io) {
    const [sub, ...rest] = args;
    const subcommand = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
    if (!subcommand) throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'give a subcommand: list, show, review or export');
    const parsed = parseArgs(rest, subcommand.spec);
    subcommand.check(parsed);
    const store = await openStore(parsed.flags.get('db')?.[0] ?? DEFAULT_DB_FILE);
    try {
      return await subcommand.run(store, parsed, io);
    } finally {
      await store.close();
    }
  },
};
