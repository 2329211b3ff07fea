import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL server binaries on this machine (Debian layout), or null. */
export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres')) && existsSync(join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A throwaway PostgreSQL cluster on 127.0.0.1 (trust auth, no fsync), for tests only. */
export async function startPostgres(bin: string): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'liangzhao-pg-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'liangzhao', '-E', 'UTF8', '--no-sync', '--no-instructions'], {
    encoding: 'utf8',
    ...user,
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const server: ChildProcess = spawn(join(bin, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-F', '-c', 'max_connections=20'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...user,
  });
  let log = '';
  server.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  while (!/ready to accept connections/.test(log)) {
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`postgres did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `postgres://liangzhao@127.0.0.1:${port}/postgres`,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The PostgreSQL of a test file: its server binaries, and one throwaway server started on first
 * use. Where none is installed the file's PostgreSQL cases are skipped, saying so once; but where
 * `npm test` installed PostgreSQL (scripts/ensure.mjs sets LIANGZHAO_REQUIRE_POSTGRES), a missing
 * server is a failure, not a skip: CI must run these tests (issue 15).
 */
export function postgresOrSkip(file: string): { bin: string | null; server(): Promise<{ url: string }>; stop(): Promise<void> } {
  const bin = postgresBin();
  if (!bin) {
    const why = `${file}: no PostgreSQL server binaries under /usr/lib/postgresql (Debian: apt-get install postgresql)`;
    if (process.env.LIANGZHAO_REQUIRE_POSTGRES === '1') throw new Error(`${why}, yet npm test was to run them`);
    console.warn(`${why}: the PostgreSQL cases are skipped`);
  }
  let started: Promise<Awaited<ReturnType<typeof startPostgres>>> | null = null;
  return {
    bin,
    server: () => (started ??= startPostgres(bin!)),
    stop: async () => {
      if (started) await (await started).stop();
    },
  };
}
