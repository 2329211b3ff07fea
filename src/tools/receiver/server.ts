import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REPORT_SCHEMA_VERSION } from '../../reports/report';
import { validateReport } from '../../reports/validate-report';
import { bodyHash } from './canonical-json';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limiter';
import { readBody } from './read-body';
import type { ReportStore } from './report-store';
import { ClientAddresses } from './client-address';
import { capConnections } from './connection-cap';
import { jsonShapeProblem } from './json-shape';
import { CORS, fail, failAndClose, refuseUpload, send } from './respond';

/** Bodies over this are refused with 413 (the screenshot cap is 1.5 MB, so real reports fit). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What a slow client gets (docs/report-format.md): its headers within 10 s, its whole request within 30 s. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** Open connections one address (an IPv6 /64) may hold; a trusted proxy is not capped. */
export const MAX_CONNECTIONS_PER_ADDRESS = 16;

export interface ReceiverOptions {
  store: ReportStore;
  maxBodyBytes?: number;
  rateLimit?: RateLimit;
  now?: () => number;
  /** One line per request outcome (no bodies, no addresses), e.g. to stderr. */
  log?: (line: string) => void;
  /** CIDR ranges of the reverse proxies in front, whose X-Forwarded-For is believed (`--trust-proxy`). */
  trustProxy?: readonly string[];
  /** For tests: shorter timeouts than the documented ones, and the cap per address. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxConnectionsPerAddress?: number;
}

/**
 * The report receiver: `POST /reports` stores a valid report once per idempotency key;
 * `GET /healthz` says whether the database answers. See docs/report-format.md for every response.
 */
export function createReceiverServer(options: ReceiverOptions): Server {
  const { store } = options;
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const log = options.log ?? (() => {});
  const clients = new ClientAddresses(options.trustProxy);

  async function postReport(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowed = limiter.take(clients.keyOf(req), now());
    if (!allowed.ok) {
      log(`429 rate limited`);
      return refuseUpload(req, res, 429, 'rate-limited', [{ path: '(client)', message: `too many reports; retry after ${allowed.retryAfterSeconds} s` }], {
        'retry-after': String(allowed.retryAfterSeconds),
      });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return refuseUpload(req, res, 415, 'unsupported-media-type', [{ path: '(headers).content-type', message: `must be application/json, got "${type || 'nothing'}"` }]);
    }
    const read = await readBody(req, limit);
    if (!read.ok) {
      if (read.error === 'aborted') return void req.socket.destroy();
      log('413 body too large');
      // The rest of the upload is read and thrown away, so that the client, still sending, gets its
      // 413 rather than a connection reset (see refuseUpload).
      return refuseUpload(req, res, 413, 'payload-too-large', [{ path: '(body)', message: `the body is over ${limit} bytes` }]);
    }
    const text = read.body.toString('utf8');
    const shape = jsonShapeProblem(text);
    if (shape) {
      log('422 invalid report (shape)');
      return fail(res, 422, 'invalid-report', [{ path: '(body)', message: shape }]);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail(res, 400, 'malformed-json', [{ path: '(body)', message: (error as Error).message }]);
    }
    const checked = validateReport(value);
    if (!checked.ok) {
      log(`422 invalid report (${checked.errors.length} problems)`);
      return fail(res, 422, 'invalid-report', checked.errors);
    }
    // Keys are UUIDs, whose letters may come in either case: one key, one report (issue 15).
    const report = { ...checked.report, idempotencyKey: checked.report.idempotencyKey.toLowerCase() };
    const headerKey = req.headers['idempotency-key'];
    if (headerKey !== undefined && String(headerKey).toLowerCase() !== report.idempotencyKey) {
      return fail(res, 422, 'idempotency-key-mismatch', [{ path: '(headers).idempotency-key', message: 'must equal the body field idempotencyKey' }]);
    }
    let result;
    try {
      result = await store.insert(report, bodyHash(report), new Date(now()).toISOString());
    } catch (error) {
      log(`503 store failed: ${(error as Error).message}`);
      return fail(res, 503, 'storage-unavailable', [{ path: '(server)', message: 'the report could not be stored; retry later' }], { 'retry-after': '30' });
    }
    log(`${result.kind} report ${result.id}`);
    if (result.kind === 'inserted') return send(res, 201, { id: result.id, duplicate: false });
    if (result.kind === 'duplicate') return send(res, 200, { id: result.id, duplicate: true });
    return fail(res, 422, 'idempotency-key-reused', [
      { path: 'idempotencyKey', message: `report ${result.id} was already received under this key with a different body; make a new key for a new report` },
    ]);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return void res.end();
    }
    for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return failAndClose(req, res, 405, 'method-not-allowed', [{ path, message: 'use GET' }], { allow: 'GET' });
      try {
        await store.ping();
        return send(res, 200, { ok: true, schema: REPORT_SCHEMA_VERSION });
      } catch {
        return fail(res, 503, 'storage-unavailable', [{ path: '(server)', message: 'the database does not answer' }]);
      }
    }
    if (path === '/reports') {
      if (req.method !== 'POST') return failAndClose(req, res, 405, 'method-not-allowed', [{ path, message: 'use POST' }], { allow: 'POST' });
      return postReport(req, res);
    }
    return failAndClose(req, res, 404, 'not-found', [{ path, message: 'only POST /reports and GET /healthz exist' }]);
  }

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Node checks both timeouts every `connectionsCheckingInterval` (30 s by default), which made
      // the documented 10 s and 30 s really 27 s and 57 s (issue 15): check every half second.
      connectionsCheckingInterval: Math.min(500, options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        log(`500 ${(error as Error).message}`);
        if (!res.headersSent) fail(res, 500, 'internal-error', [{ path: '(server)', message: 'unexpected error; retry later' }]);
        else res.destroy();
      });
    },
  );
  // Slow or stuck clients must not hold connections forever, nor one address all of them.
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 512;
  capConnections(server, clients, options.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS);
  return server;
}

/** A running receiver. */
export interface RunningReceiver {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:8787 (POST to `${url}/reports`). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the receiver on host:port (port 0 = any free port). Closing does not close the store. */
export async function startReceiver(options: ReceiverOptions & { port: number; host?: string }): Promise<RunningReceiver> {
  const server = createReceiverServer(options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
