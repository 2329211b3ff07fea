import { createServer, request, type Server } from 'node:http';

/** What the proxy saw: every POST it forwarded, with its idempotency key and the upstream status. */
export interface ProxyLog {
  posts: { key: string | undefined; status: number; lost: boolean }[];
}

/**
 * A tiny HTTP proxy on 127.0.0.1 in front of the report receiver that loses the answer to the first
 * POST which reached the receiver: the report is stored upstream, but the client's socket is
 * destroyed before any response, as when a connection drops on the way back.
 */
export async function startLossyProxy(port: number, upstreamPort: number): Promise<{ log: ProxyLog; close(): Promise<void> }> {
  const log: ProxyLog = { posts: [] };
  let lostOne = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = request({ host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: req.headers }, (upRes) => {
        const body: Buffer[] = [];
        upRes.on('data', (c: Buffer) => body.push(c));
        upRes.on('end', () => {
          const isPost = req.method === 'POST';
          const lose = isPost && !lostOne && upRes.statusCode! < 300;
          if (isPost) log.posts.push({ key: req.headers['idempotency-key'] as string | undefined, status: upRes.statusCode!, lost: lose });
          if (lose) {
            lostOne = true;
            req.socket.destroy();
            return;
          }
          res.writeHead(upRes.statusCode!, upRes.headers);
          res.end(Buffer.concat(body));
        });
      });
      up.on('error', () => req.socket.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
