/**
 * The HTTP headers a static host must send for a published feed (docs/feed-format.md, "Publishing
 * on a static host"): CORS on every file (the extension reads feeds cross-origin, without cookies),
 * the content-addressed files cached for a year and never revalidated (their names change with their
 * content), the manifest for five minutes (the one file that changes; clients also send If-None-Match).
 */
export const FEED_HEADERS: readonly { path: string; headers: Record<string, string> }[] = [
  {
    path: '/*',
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag',
      'Access-Control-Allow-Headers': 'If-None-Match',
      'X-Content-Type-Options': 'nosniff',
    },
  },
  { path: '/manifest.json', headers: { 'Cache-Control': 'public, max-age=300, must-revalidate' } },
  { path: '/blacklist/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  { path: '/entities/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  { path: '/lists/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
];

/** The `_headers` file that Netlify, Cloudflare Pages and similar hosts read (paths relative to the feed). */
export function headersFile(prefix = ''): string {
  return FEED_HEADERS.map((r) => [`${prefix}${r.path}`, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n')).join('\n') + '\n';
}

/** The headers FEED_HEADERS gives a path (later rules add to earlier ones, as `_headers` hosts do). */
export function headersFor(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of FEED_HEADERS) {
    const matches = r.path.endsWith('/*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path;
    if (matches) Object.assign(out, r.headers);
  }
  return out;
}
