import { officialHost } from '../scan/official-hosts';
import type { QrCode } from './picture-facts';

/** URL parameters registries put the credit code in (the ones badge links use, src/scan/links.ts). */
const CODE_PARAMS = new Set(['uniscid', 'serial', 'creditcode', 'uscc', 'shxydm', 'regno', 'code', 'tyshxydm']);

/** What a QR code's text says: its host, whether that is an official registry, and any USCC in the URL. */
export function qrCode(text: string): QrCode {
  const url = parseUrl(text.trim());
  if (!url) return { text, host: null, official: false, code: null };
  return { text, host: url.hostname, official: Boolean(officialHost(url.hostname)), code: codeIn(url) };
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') ? url : null;
  } catch {
    return null;
  }
}

/** An 18-character code in a code parameter, as the URL carries it (checked by the rules, not here). */
function codeIn(url: URL): string | null {
  for (const [name, value] of [...url.searchParams, ...new URLSearchParams(url.hash.replace(/^#/, ''))]) {
    if (!CODE_PARAMS.has(name.toLowerCase())) continue;
    const m = /^[0-9A-Z]{18}$/i.exec(value.trim());
    if (m) return m[0].toUpperCase();
  }
  return null;
}
