import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/tools/cli/liangzhao';
import { BLACKLIST_COLUMNS, blacklistFromRow, readRecords, type RowProblem } from '../../../src/tools/feed/build/csv-records';
import { bodyHash } from '../../../src/tools/receiver/canonical-json';
import { openSqliteStore } from '../../../src/tools/receiver/sqlite-store';
import { FINDING, USCC, identifier, post, sampleReport, tempDb } from './fixtures';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Stores reports straight into a database, as the receiver would. */
async function seed(file: string, reports: ReturnType<typeof sampleReport>[]): Promise<string[]> {
  const store = await openSqliteStore(file);
  const ids: string[] = [];
  for (const r of reports) ids.push((await store.insert(r, bodyHash(r), '2025-03-02T00:00:00.000Z')).id);
  await store.close();
  return ids;
}

describe('liangzhao reports', () => {
  it('lists, reviews and exports the community blacklist CSV', async () => {
    const db = tempDb();
    const [shop, market, falsePositive, rejected, unreviewed] = await seed(db, [
      sampleReport({ page: { url: 'https://www.fake-store.example/p/1', title: '=HYPERLINK("x")', shopName: null }, identifiers: [identifier('uscc', USCC), identifier('icp-filing', '京ICP备12345678号'), identifier('regno', '110000000000000', false), identifier('food-business', 'JY11234567890123')] }),
      sampleReport({ category: 'counterfeit', page: { url: 'https://item.taobao.com/item.htm?id=1', title: '淘宝店', shopName: '某某贸易有限公司' }, identifiers: [identifier('uscc', USCC)] }),
      sampleReport({ kind: 'false-positive', disputedCode: FINDING.code, page: { url: 'https://honest.example/', title: 'Honest' }, identifiers: [identifier('uscc', '91110000600037341L')] }),
      sampleReport({ page: { url: 'https://rejected.example/', title: 'R' }, identifiers: [] }),
      sampleReport({ page: { url: 'https://pending.example/', title: 'P' }, identifiers: [] }),
    ]);
    void unreviewed;
    for (const id of [shop, market, falsePositive]) expect((await run('reports', 'review', id!, '--status', 'reviewed', '--db', db)).code).toBe(0);
    expect(await run('reports', 'review', rejected!, '--status', 'rejected', '--note', 'no evidence', '--db', db)).toMatchObject({ code: 0, out: `report ${rejected} → rejected` });

    const listed = await run('reports', 'list', '--status', 'reviewed', '--db', db);
    expect(listed.out.split('\n').map((l) => l.split('\t').slice(0, 2))).toEqual([[shop, 'reviewed'], [market, 'reviewed'], [falsePositive, 'reviewed']]);
    expect((await run('reports', 'list', '--db', db)).out.split('\n')).toHaveLength(5);

    const csvFile = join(dirname(db), 'community.csv');
    expect(await run('reports', 'export', '--status', 'reviewed', '--db', db, '--out', csvFile)).toMatchObject({ code: 0, err: `3 rows written to ${csvFile}` });
    const today = new Date().toISOString().slice(0, 10);
    const reason = '社区举报: 伪造亮照或备案标识; 社区举报: 制假售假/以次充好';
    expect(readFileSync(csvFile, 'utf8')).toBe(
      [
        'id,id_type,list,name,reason,authority,listed_on,source_url',
        // The USCC appears in two reviewed reports: one row, both reasons. The invalid regno, the
        // food permit, the marketplace domain, the false-positive and the rejected report give none.
        `${USCC},uscc,community,"'=HYPERLINK(""x"")",${reason},亮照卫士社区举报 (Liangzhao Guard community reports),${today},https://www.fake-store.example/p/1`,
        `京ICP备12345678,icp,community,"'=HYPERLINK(""x"")",社区举报: 伪造亮照或备案标识,亮照卫士社区举报 (Liangzhao Guard community reports),${today},https://www.fake-store.example/p/1`,
        `fake-store.example,domain,community,"'=HYPERLINK(""x"")",社区举报: 伪造亮照或备案标识,亮照卫士社区举报 (Liangzhao Guard community reports),${today},https://www.fake-store.example/p/1`,
        '',
      ].join('\n'),
    );

    // `feed build` reads the file as it is: every row accepted, none skipped.
    const problems: RowProblem[] = [];
    const records = [];
    for await (const row of readRecords(csvFile, BLACKLIST_COLUMNS, blacklistFromRow, (p) => problems.push(p))) records.push(row.record);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.idType, r.id, r.list])).toEqual([
      ['uscc', USCC, 'community'],
      ['icp', '京ICP备12345678', 'community'],
      ['domain', 'fake-store.example', 'community'],
    ]);
  });

  it('explains bad arguments without creating a database', async () => {
    const db = tempDb();
    expect(await run('reports', 'review', '1', '--status', 'approved', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/--status must be one of new, reviewed, rejected/) });
    expect(await run('reports', 'export', '--status', 'new', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/only --status reviewed/) });
    expect(await run('reports', 'frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown subcommand/) });
    expect(() => readFileSync(db)).toThrow();
    expect(await run('reports', 'review', '99', '--status', 'reviewed', '--db', db)).toMatchObject({ code: 1, err: 'no report with id 99' });
  });
});

describe('liangzhao receive', () => {
  it('serves until SIGTERM, and the data stays in the database', async () => {
    const db = tempDb();
    // The CLI's own main(), in a real process (tsx compiles the TypeScript), so signals are real.
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(root, 'src/tools/cli/liangzhao.ts')).href)}); process.exitCode = await main(process.argv.slice(1));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'receive', '--port', '0', '--db', db], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`receiver did not start: ${text}`)), 20_000);
        child.stdout.on('data', (d) => {
          text += d;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`receiver exited ${code}`)));
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const report = sampleReport();
      expect((await post(url, report)).status).toBe(201);
      expect((await post(url, report)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const listed = await run('reports', 'list', '--json', '--db', db);
      expect(JSON.parse(listed.out)).toMatchObject([{ idempotencyKey: report.idempotencyKey, status: 'new' }]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('needs a port', async () => {
    expect(await run('receive')).toMatchObject({ code: 2, err: expect.stringMatching(/--port is required/) });
    expect(await run('receive', '--port', 'http')).toMatchObject({ code: 2, err: expect.stringMatching(/--port must be a number/) });
  });
});
