import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Who a request comes from, for rate limits and connection caps (issue 15). IPv4 addresses count
 * one by one; IPv6 addresses by their /64, since one subscriber commonly holds a whole /64 and can
 * pick a new address from it for every request. Behind a reverse proxy every request comes from
 * the proxy: only when the proxy's address is in one of the `--trust-proxy` ranges does the
 * receiver read X-Forwarded-For, and then it takes the nearest address in it that is not a proxy of
 * its own (the ones further left are whatever the client chose to write).
 */
export class ClientAddresses {
  private readonly trusted = new BlockList();
  private readonly anyTrusted: boolean;

  /** `trustProxy`: CIDR ranges (10.0.0.0/8, 2001:db8::/32) or single addresses of the proxies in front. */
  constructor(trustProxy: readonly string[] = []) {
    for (const range of trustProxy) {
      const [address, bits] = parseRange(range);
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      this.trusted.addSubnet(address, bits ?? (type === 'ipv6' ? 128 : 32), type);
    }
    this.anyTrusted = trustProxy.length > 0;
  }

  /** Is `address` (as the socket gives it) one of the trusted proxies? */
  isProxy(address: string | undefined): boolean {
    if (!this.anyTrusted || !address) return false;
    const ip = unmapped(address);
    return this.trusted.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  }

  /** The key a request counts under: its client's address, or the /64 of an IPv6 one. */
  keyOf(req: IncomingMessage): string {
    return addressKey(this.addressOf(req));
  }

  /** The client's address: the socket's, or, from a trusted proxy, the nearest untrusted X-Forwarded-For hop. */
  addressOf(req: IncomingMessage): string {
    const socket = unmapped(req.socket.remoteAddress ?? 'unknown');
    if (!this.isProxy(socket)) return socket;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim());
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = unmapped(hops[i]!);
      if (!isIP(hop)) break;
      if (!this.isProxy(hop)) return hop;
    }
    return socket;
  }
}

/** The key an address counts under: IPv4 itself, IPv6 its /64 (`2001:db8:1:2::/64`). */
export function addressKey(address: string): string {
  const ip = unmapped(address);
  if (isIP(ip) !== 6) return ip;
  const groups = expandIpv6(ip);
  return groups ? `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64` : ip;
}

/** Checks a --trust-proxy value; throws a message for the command line. */
export function checkRange(range: string): void {
  const [address, bits] = parseRange(range);
  const family = isIP(address);
  if (!family || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)))) {
    throw new Error(`not an address or CIDR range: ${range}`);
  }
}

function parseRange(range: string): [string, number | undefined] {
  const slash = range.indexOf('/');
  return slash < 0 ? [range.trim(), undefined] : [range.slice(0, slash).trim(), /^\d+$/.test(range.slice(slash + 1)) ? Number(range.slice(slash + 1)) : NaN];
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 address; a zone (%eth0) is dropped. */
function unmapped(address: string): string {
  const a = address.replace(/%.*$/, '');
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function expandIpv6(ip: string): number[] | null {
  let text = ip.toLowerCase();
  // A trailing dotted IPv4 part is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
