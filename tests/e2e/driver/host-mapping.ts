import type { HostMapping } from './driver';

/** Chromium flags that send the mapped names to their servers and accept the test certificate. */
export function chromiumHostArgs(map: HostMapping): string[] {
  const rules = [...map.https.hosts.map((h) => `MAP ${h}:443 127.0.0.1:${map.https.port}`), ...map.http.hosts.map((h) => `MAP ${h}:80 127.0.0.1:${map.http.port}`)];
  return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
}

/**
 * Firefox preferences that send every request for a name through the proxy. 127.0.0.1 stays direct
 * (the fixture and feed servers, and the page the driver opens its first extension page from).
 */
export function firefoxHostPrefs(map: HostMapping): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': map.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': map.proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    // No DNS lookups of our made-up names before the proxy gets them.
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
  };
}
