import { parseRetryAfter } from './backoff';
import { previewReport } from './preview-report';
import type { Report } from './report';

/** What one POST of a report came to. */
export type SendOutcome =
  | { type: 'delivered'; receiptId: string; duplicate: boolean }
  | { type: 'permanent'; reason: string }
  | { type: 'retry'; reason: string; retryAfterMs: number | null };

/** The fetch the outbox needs: the global one, or any function of the same shape. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Throws unless the endpoint is https, or http on loopback (the local receiver and tests). */
export function checkEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError(`report endpoint is not a URL: ${endpoint}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError(`report endpoint must use https (plain http only on 127.0.0.1): ${endpoint}`);
  }
  return url;
}

interface ServerBody {
  id?: unknown;
  duplicate?: unknown;
  error?: unknown;
  details?: unknown;
}

/** Reads at most a few KB of the answer: a hostile or broken server cannot make us hold more. */
async function readBody(response: Response): Promise<{ body: ServerBody; message: string }> {
  const text = (await response.text().catch(() => '')).slice(0, 4000);
  let body: ServerBody = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ServerBody;
  } catch {
    return { body, message: text.slice(0, 300) };
  }
  const details = Array.isArray(body.details)
    ? body.details.map((d: { path?: string; message?: string }) => (d.path ? `${d.path}: ${d.message}` : String(d.message ?? d))).join('; ')
    : '';
  return { body, message: [typeof body.error === 'string' ? body.error : '', details].filter(Boolean).join(' — ') || text.slice(0, 300) };
}

/**
 * POSTs one report (the body and headers of previewReport, nothing else: no cookies, no redirects)
 * and classifies the answer: 2xx and a 409 that says "duplicate" are delivered; 408, 429, 5xx and
 * network errors are worth retrying; any other 4xx is the server refusing this report for good.
 */
export async function sendReport(fetch: FetchLike, endpoint: string, report: Report, now: number, timeoutMs = 30_000): Promise<SendOutcome> {
  const preview = previewReport(report);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: preview.headers,
      body: preview.json,
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { type: 'retry', reason: `network error: ${error instanceof Error ? error.message : String(error)}`, retryAfterMs: null };
  }
  const status = response.status;
  const { body, message } = await readBody(response);
  const receiptId = typeof body.id === 'string' || typeof body.id === 'number' ? String(body.id) : '';
  if (status >= 200 && status < 300) return { type: 'delivered', receiptId, duplicate: body.duplicate === true };
  // Some receivers answer a repeat with 409; only one that says "duplicate" means "already have it".
  if (status === 409 && (body.duplicate === true || body.error === 'duplicate')) return { type: 'delivered', receiptId, duplicate: true };
  if (status === 408 || status === 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) {
    return { type: 'retry', reason: `HTTP ${status}${message ? `: ${message}` : ''}`, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now) };
  }
  return { type: 'permanent', reason: `HTTP ${status}${message ? `: ${message}` : ''}` };
}
