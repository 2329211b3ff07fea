import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildReport } from '../../src/reports/build-report';
import { REPORT_LIMITS } from '../../src/reports/report';
import { validateReport } from '../../src/reports/validate-report';
import { bodyHash } from '../../src/tools/receiver/canonical-json';
import { jsonShapeProblem } from '../../src/tools/receiver/json-shape';
import { MAX_BODY_BYTES, startReceiver } from '../../src/tools/receiver/server';
import { openSqliteStore } from '../../src/tools/receiver/sqlite-store';

/** Just under the body limit, so every shape is read and validated, not refused as too large. */
const BUDGET = MAX_BODY_BYTES - 4096;

function base() {
  return buildReport({
    category: 'forged-badge', text: '假的亮照', lang: 'zh-CN', page: { url: 'https://shop.example.cn/x', title: 't', shopName: null },
    identifiers: [], findings: [], now: Date.parse('2025-03-01T08:00:00.000Z'), uuid: randomUUID, clientVersion: '0.1.0',
  });
}

/** The body `body(n)` with the largest n that keeps it within BUDGET bytes. */
function fit(body: (n: number) => string): string {
  let lo = 1;
  let hi = 2;
  while (Buffer.byteLength(body(hi)) <= BUDGET) hi *= 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (Buffer.byteLength(body(mid)) <= BUDGET) lo = mid;
    else hi = mid;
  }
  return body(lo);
}

const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** Bodies of the largest size the receiver reads, each shaped to make one of the validator's loops run longest. */
function shapes(): Record<string, string> {
  const r = base();
  const finding = { code: 'badge-spoofed', severity: 'danger', message: 'm', evidence: 'e', params: {} };
  const keys = (n: number, prefix: string) => Object.fromEntries(many(n, (i) => [`${prefix}${i}`, 'v']));
  return {
    // The body: one finding whose params object has as many keys as fit (~150,000).
    params_keys: fit((n) => JSON.stringify({ ...r, evidence: { ...r.evidence, findings: [{ ...finding, params: keys(n, 'k') }] } })),
    // Unknown fields at the top.
    top_unknown_fields: fit((n) => JSON.stringify({ ...r, ...keys(n, 'x') })),
    // Far more findings than allowed, each with the most params allowed.
    findings_items: fit((n) => JSON.stringify({ ...r, evidence: { ...r.evidence, findings: many(n, () => ({ ...finding, params: keys(REPORT_LIMITS.params, 'p') })) } })),
    // Just within the entry limit: 255 identifiers each with 255 problems (validated, not refused by shape).
    identifier_problems: JSON.stringify({ ...r, evidence: { ...r.evidence, identifiers: many(255, () => ({ kind: 'uscc', value: 'x', valid: false, problems: Array(255).fill('length'), label: null, evidence: 'e' })) } }),
    // One field name of 2 MB, and every string as long as it can be.
    huge_key: JSON.stringify({ ...r, ['k'.repeat(BUDGET - 2000)]: 1 }),
    long_strings: JSON.stringify({ ...r, text: 'x'.repeat(BUDGET / 2), evidence: { ...r.evidence, title: 'y'.repeat(BUDGET / 2 - 2000) } }),
    // A valid report with the largest screenshot allowed.
    screenshot: JSON.stringify({ ...r, screenshot: `data:image/png;base64,iVBORw0KGgo${'A'.repeat(Math.floor((REPORT_LIMITS.screenshot - 22) / 4) * 4 - 11)}` }),
    // Deep nesting where a string is expected.
    deep_nesting: JSON.stringify({ ...r, text: 'DEEP' }).replace('"DEEP"', '['.repeat(900_000) + ']'.repeat(900_000)),
  };
}

/**
 * receiver.*: the largest bodies the receiver reads, shaped to make each loop of validation run
 * longest (issue 15, target ≤ 50 ms). `validate_ms`: what the receiver does with a body it has read —
 * the shape check on the raw text, JSON.parse, validation and, for a valid report, its hash — in this
 * process (median of 5); `request_ms`: the whole POST to a real receiver on
 * 127.0.0.1 with SQLite (median of 3).
 */
export async function benchReceiver() {
  const dir = mkdtempSync(join(tmpdir(), 'lz-bench-receiver-'));
  const store = await openSqliteStore(join(dir, 'r.sqlite'));
  const receiver = await startReceiver({ store, port: 0, rateLimit: { capacity: 1e6, refillPerSecond: 1e6 } });
  const out: Record<string, unknown> = {};
  let worst = 0;
  try {
    for (const [name, body] of Object.entries(shapes())) {
      const validate: number[] = [];
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        if (!jsonShapeProblem(body)) {
          const checked = validateReport(JSON.parse(body));
          if (checked.ok) bodyHash(checked.report);
        }
        validate.push(performance.now() - t);
      }
      const request: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const res = await fetch(`${receiver.url}/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.text();
        status = res.status;
        request.push(performance.now() - t);
      }
      const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
      out[name] = { bytes: body.length, validate_ms: median(validate), request_ms: median(request), status };
      worst = Math.max(worst, median(validate));
    }
  } finally {
    await receiver.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { worst_validate_ms: worst, target_ms: 50, ...out };
}
