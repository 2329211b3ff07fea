import type { Server } from 'node:http';
import { addressKey, type ClientAddresses } from './client-address';

/**
 * At most `max` open connections per address (an IPv6 /64), so that one client holding hundreds of
 * half-open connections cannot take the receiver off the air for everyone else (issue 15: 512 from
 * one address left /healthz unanswered). A connection over the cap is closed at once, before a
 * byte of it is read. Trusted proxies are not capped: behind one, capping connections is the
 * proxy's job (docs/report-format.md, "Behind a reverse proxy").
 */
export function capConnections(server: Server, clients: ClientAddresses, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    if (clients.isProxy(socket.remoteAddress)) return;
    const key = addressKey(socket.remoteAddress ?? 'unknown');
    const count = (open.get(key) ?? 0) + 1;
    if (count > max) return void socket.destroy();
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left) open.set(key, left);
      else open.delete(key);
    });
  });
}
