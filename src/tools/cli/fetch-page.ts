import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A page as `scan URL` read it: at most `maxBytes` of its (decoded) body. */
export interface FetchedPage {
  bytes: Uint8Array;
  /** The page was longer: reading stopped at the limit. */
  truncated: boolean;
  /** Where the page was in the end (after redirects). */
  url: string;
  contentType: string | null;
}

export interface FetchOptions {
  maxBytes: number;
  /** Follow redirects to loopback, private and link-local addresses too (`--allow-private`). */
  allowPrivate: boolean;
  timeoutMs: number;
  maxRedirects?: number;
}

/**
 * Fetches a page for `liangzhao scan URL` (issue 15). Reading stops at `maxBytes` of the decoded
 * body (a 1.5 GB response took 4.7 GB of memory when read whole, and a small gzip can inflate to
 * anything), and redirects are followed by hand: one that leads to a loopback, private or
 * link-local address (the user's own network, a cloud's metadata service) is refused unless
 * `allowPrivate`. The check is made on the addresses the connection really uses (a lookup of our
 * own at connect time), so a name that resolves differently the second time cannot slip past it.
 * The URL the user typed is theirs to choose, private or not.
 */
export async function fetchPage(input: string, options: FetchOptions): Promise<FetchedPage> {
  const deadline = Date.now() + options.timeoutMs;
  let url = new URL(input);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${url.href}`);
    const guarded = hop > 0 && !options.allowPrivate;
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (guarded && isIP(literal) && isPrivate(literal)) throw privateError(url, literal);
    const res = await get(url, guarded, deadline);
    const location = res.headers.location;
    if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
      res.resume();
      if (hop >= (options.maxRedirects ?? 10)) throw new Error(`too many redirects (last: ${url.href})`);
      url = new URL(location, url);
      continue;
    }
    if (!res.statusCode || res.statusCode < 200 || res.statusCode > 299) {
      res.resume();
      throw new Error(`HTTP ${res.statusCode ?? '?'}`);
    }
    const { bytes, truncated } = await readLimited(res, options.maxBytes, deadline);
    return { bytes, truncated, url: url.href, contentType: res.headers['content-type'] ?? null };
  }
}

function get(url: URL, guarded: boolean, deadline: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      headers: { 'user-agent': 'liangzhao-scan', 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,*/*;q=0.8' },
      ...(guarded ? { lookup: publicOnlyLookup } : {}),
      timeout: Math.max(1, deadline - Date.now()),
    });
    req.on('response', resolve);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** Reads a response's decoded body up to `max` bytes, then stops reading (and closes the connection). */
function readLimited(res: IncomingMessage, max: number, deadline: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  const body: Readable = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => finish(new Error('timed out')), Math.max(1, deadline - Date.now()));
    const finish = (error: Error | null, truncated = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        res.destroy();
        return reject(error);
      }
      resolve({ bytes: new Uint8Array(Buffer.concat(chunks, Math.min(size, max))), truncated });
    };
    body.on('data', (chunk: Buffer) => {
      if (done) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size > max) {
        // Enough: the rest is never read.
        res.destroy();
        decoder?.destroy();
        finish(null, true);
      }
    });
    body.on('end', () => finish(null));
    body.on('error', (e: Error) => finish(e));
    res.on('error', (e: Error) => finish(e));
  });
}

/** Addresses a redirect may not lead to: this machine, private networks, link-local, and the like. */
const PRIVATE = (() => {
  const list = new BlockList();
  for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
    list.addSubnet(net, bits, 'ipv4');
  }
  for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) list.addSubnet(net, bits, 'ipv6');
  return list;
})();

/** Is this address (IPv4, IPv6, IPv4 inside IPv6) one a redirect may not lead to? */
export function isPrivate(address: string): boolean {
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (embedded) return isPrivate(embedded);
  const family = isIP(address);
  if (!family) return true;
  return PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function privateError(url: URL, address: string): Error {
  return new Error(`重定向到内网地址 ${url.host} (${address}) 未跟随 (a redirect to a loopback, private or link-local address was not followed; --allow-private follows it)`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails for names resolving to a private address (see fetchPage). */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((a) => isPrivate(a.address));
    if (bad) return callback(Object.assign(privateError(new URL(`http://${hostname}`), bad.address), { code: 'EPRIVATE' }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}
