import { DEFAULT_DB_FILE, openStore } from '../receiver/open-store';
import { checkRange } from '../receiver/client-address';
import { startReceiver } from '../receiver/server';
import { UsageError, parseArgs, type Command } from './command';

/** `liangzhao receive`: runs the report receiver until SIGINT/SIGTERM. */
export const receiveCommand: Command = {
  name: 'receive',
  summary: '运行举报接收服务 (run the report receiver: POST /reports, GET /healthz)',
  usage: [
    'usage: liangzhao receive --port <P> [--db <file.sqlite | postgres://…>] [--host 127.0.0.1] [--trust-proxy CIDR]…',
    '',
    `  --port  TCP port (0 picks a free one; the address is printed)`,
    `  --db    SQLite file (default ${DEFAULT_DB_FILE}) or a postgres:// connection string`,
    '  --host  address to listen on (default 127.0.0.1)',
    '  --trust-proxy  a reverse proxy in front (address or CIDR, repeatable): only requests from it',
    '          have their X-Forwarded-For believed, for rate limits (docs/report-format.md)',
    '',
    'Report format, responses and limits: docs/report-format.md',
  ].join('\n'),
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { strings: ['port', 'db', 'host'], repeatable: ['trust-proxy'] });
    const trustProxy = flags.get('trust-proxy') ?? [];
    for (const range of trustProxy) {
      try {
        checkRange(range);
      } catch (error) {
        throw new UsageError(`--trust-proxy: ${(error as Error).message}`);
      }
    }
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const portText = flags.get('port')?.[0];
    if (portText === undefined) throw new UsageError('--port is required');
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got ${portText}`);
    const store = await openStore(flags.get('db')?.[0] ?? DEFAULT_DB_FILE);
    let receiver;
    try {
      receiver = await startReceiver({ store, port, host: flags.get('host')?.[0] ?? '127.0.0.1', trustProxy, log: (line) => io.err(line) });
    } catch (error) {
      await store.close();
      throw new Error(`cannot listen on port ${port}: ${(error as Error).message}`);
    }
    io.out(`liangzhao receiver listening on ${receiver.url} (POST ${receiver.url}/reports; database ${store.description})`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await receiver.close();
    await store.close();
    io.err('receiver stopped');
    return 0;
  },
};
