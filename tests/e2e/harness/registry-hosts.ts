import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostMapping } from '../driver/driver';

/**
 * The official registry and the shops under their real host names, served from this machine:
 *
 * - the registry over https with a certificate made for the test (openssl, once per run) for its
 *   host names; the browsers are told to accept it (the driver's HostMapping, driver/host-mapping.ts).
 *   The extension's rule stays as in production: it reads only https pages of the exact registry
 *   hosts — the test changes what the browser trusts, never what the extension accepts;
 * - the shops over plain http by Host header;
 * - a proxy for Firefox (it has no resolver rules): CONNECT to the registry's https server, plain
 *   requests to the shops. Chromium maps the names with --host-resolver-rules instead.
 */
export interface RegistryHosts {
  /** What a driver is launched with (LaunchOptions.hosts) to reach these servers by those names. */
  mapping: HostMapping;
  /** Requests the registry server got (paths), to show what was asked of it. */
  registryRequests: string[];
  /** Requests the shops' server got (`host/path`): what a page asked for, or that it was never asked. */
  shopRequests: string[];
  close(): Promise<void>;
}

const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

function certificateFor(hosts: string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lz-cert-'));
  try {
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/**
 * `registry`: path → page of the registry host(s); `shops`: host → path → page. A path not given is 404.
 */
export async function startRegistryHosts(registryHosts: string[], registry: Record<string, string>, shops: Record<string, Record<string, string>>): Promise<RegistryHosts> {
  const registryRequests: string[] = [];
  const shopRequests: string[] = [];
  const tls = certificateFor(registryHosts);
  const https = createHttpsServer(tls, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    registryRequests.push(path);
    const page = registry[path];
    if (page === undefined) res.writeHead(404, html).end('<p>404</p>');
    else res.writeHead(200, html).end(page);
  });
  const http = createHttpServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    shopRequests.push(`${host}${path}`);
    const page = shops[host]?.[path];
    if (page === undefined) res.writeHead(404, html).end('<p>404</p>');
    else res.writeHead(200, html).end(page);
  });
  const [httpsPort, httpPort] = [await listen(https as unknown as Server), await listen(http)];
  // Firefox's proxy: https (CONNECT) to the registry server, whatever the name; http to the shops.
  const proxy = createHttpServer((req: IncomingMessage, res) => {
    const target = new URL(req.url ?? '/');
    const upstream = httpRequest({ host: '127.0.0.1', port: httpPort, path: target.pathname + target.search, method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket, head) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!registryHosts.includes(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const up = connect(httpsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  const proxyPort = await listen(proxy);
  return {
    mapping: { https: { hosts: registryHosts, port: httpsPort }, http: { hosts: Object.keys(shops), port: httpPort }, proxyPort },
    registryRequests,
    shopRequests,
    close: async () => {
      proxy.closeAllConnections?.();
      https.closeAllConnections?.();
      http.closeAllConnections?.();
      await Promise.all([closeServer(proxy), closeServer(https as unknown as Server), closeServer(http)]);
    },
  };
}
