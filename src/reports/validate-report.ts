import { LANGS } from '../i18n/lang';
import { IDENTIFIER_KINDS } from '../types';
import { isCategoryId } from './categories';
import { REPORT_KINDS, REPORT_LIMITS, REPORT_SCHEMA_VERSION, type Report, type ReportProblem } from './report';
import { screenshotProblem } from './screenshot';

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;
const SEVERITIES = ['danger', 'warning', 'caution', 'info'];
const TOP_KEYS = ['schema', 'kind', 'idempotencyKey', 'createdAt', 'lang', 'category', 'text', 'evidence', 'falsePositive', 'screenshot', 'client'];
const EVIDENCE_KEYS = ['url', 'title', 'shopName', 'identifiers', 'findings', 'capturedAt'];
const IDENTIFIER_KEYS = ['kind', 'value', 'valid', 'problems', 'label', 'evidence'];
const FINDING_KEYS = ['code', 'severity', 'message', 'evidence', 'params'];

/**
 * Checks that a value is a report of the current schema, field by field, and lists every problem
 * (not only the first), so a client or reviewer sees at once what to fix. Shared by the outbox (before
 * queueing) and the receiver (on receipt). Unknown fields are refused: nothing unexpected is stored.
 */
export function validateReport(value: unknown): { ok: true; report: Report } | { ok: false; errors: ReportProblem[] } {
  const errors: ReportProblem[] = [];
  let more = 0;
  // Bounded, so that a body of a million wrong fields gets a reply of a few kilobytes (issue 15).
  const fail = (path: string, message: string) => {
    if (errors.length < MAX_PROBLEMS) errors.push({ path: clip(path), message: clip(message) });
    else more++;
  };
  /**
   * An object with only `keys` (or, with `max`, any keys up to that many). An object with more keys
   * than it may have is refused as a whole before any key is looked at: checking 214,000 keys one by
   * one against the others was quadratic (issue 15).
   */
  const obj = (v: unknown, path: string, keys: readonly string[] | { max: number }): Json | null => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path || '(body)', 'must be an object'), null;
    const names = Object.keys(v);
    const max = 'max' in keys ? keys.max : keys.length;
    // A few unknown fields are each named; a flood of them is refused as one problem.
    if (names.length > ('max' in keys ? max : max + MAX_PROBLEMS)) return fail(path || '(body)', `has ${names.length} fields; at most ${max} are allowed`), null;
    if (!('max' in keys)) {
      const known = new Set(keys);
      for (const k of names) if (!known.has(k)) fail(path ? `${path}.${k}` : k, 'is not a field of this schema');
    }
    return v as Json;
  };
  const str = (v: unknown, path: string, max: number, opts: { nullable?: boolean; min?: number } = {}) => {
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string') return fail(path, opts.nullable ? 'must be a string or null' : 'must be a string');
    if (v.length > max) fail(path, `is ${v.length} characters; the limit is ${max}`);
    if (v.length < (opts.min ?? 0)) fail(path, 'must not be empty');
  };
  const time = (v: unknown, path: string) => {
    if (typeof v !== 'string' || !ISO_TIME.test(v) || Number.isNaN(Date.parse(v))) fail(path, 'must be an ISO time in UTC (2025-01-31T08:00:00.000Z)');
  };
  const list = (v: unknown, path: string, max: number): unknown[] => {
    if (!Array.isArray(v)) return fail(path, 'must be an array'), [];
    if (v.length > max) fail(path, `has ${v.length} items; the limit is ${max}`);
    return v.slice(0, max);
  };

  const r = obj(value, '', TOP_KEYS);
  if (!r) return { ok: false, errors };
  if (r.schema !== REPORT_SCHEMA_VERSION) fail('schema', `must be ${REPORT_SCHEMA_VERSION} (this receiver speaks report schema ${REPORT_SCHEMA_VERSION})`);
  if (!REPORT_KINDS.includes(r.kind as never)) fail('kind', `must be one of ${REPORT_KINDS.join(', ')}`);
  if (typeof r.idempotencyKey !== 'string' || !UUID.test(r.idempotencyKey)) fail('idempotencyKey', 'must be a UUID');
  time(r.createdAt, 'createdAt');
  if (!LANGS.includes(r.lang as never)) fail('lang', `must be one of ${LANGS.join(', ')}`);
  str(r.text, 'text', REPORT_LIMITS.text);

  if (r.kind === 'suspect-shop') {
    if (!isCategoryId(r.category)) fail('category', 'must be a category id (see docs/report-format.md)');
    if (r.category === 'other' && typeof r.text === 'string' && !r.text.trim()) fail('text', 'must describe the problem when the category is "other"');
    if (r.falsePositive !== null) fail('falsePositive', 'must be null in a suspect-shop report');
  } else if (r.kind === 'false-positive') {
    if (r.category !== null) fail('category', 'must be null in a false-positive report');
  }

  const e = obj(r.evidence, 'evidence', EVIDENCE_KEYS);
  const codes: string[] = [];
  if (e) {
    str(e.url, 'evidence.url', REPORT_LIMITS.url);
    if (typeof e.url === 'string' && !/^https?:\/\/[^\s#]+$/i.test(e.url)) fail('evidence.url', 'must be an http(s) URL without spaces or #fragment');
    // Refused alike by every store: PostgreSQL cannot keep a NUL in text, and SQLite would (issue 15).
    else if (typeof e.url === 'string' && (CONTROL.test(e.url) || LONE_SURROGATE.test(e.url))) fail('evidence.url', 'must not contain control characters or broken UTF-16');
    str(e.title, 'evidence.title', REPORT_LIMITS.title);
    str(e.shopName, 'evidence.shopName', REPORT_LIMITS.shopName, { nullable: true });
    time(e.capturedAt, 'evidence.capturedAt');
    list(e.identifiers, 'evidence.identifiers', REPORT_LIMITS.identifiers).forEach((item, i) => {
      const p = `evidence.identifiers[${i}]`;
      const id = obj(item, p, IDENTIFIER_KEYS);
      if (!id) return;
      if (!IDENTIFIER_KINDS.includes(id.kind as never)) fail(`${p}.kind`, 'is not a known identifier kind');
      str(id.value, `${p}.value`, REPORT_LIMITS.value, { min: 1 });
      if (typeof id.valid !== 'boolean') fail(`${p}.valid`, 'must be true or false');
      list(id.problems, `${p}.problems`, 20).forEach((x, j) => str(x, `${p}.problems[${j}]`, 50));
      str(id.label, `${p}.label`, 100, { nullable: true });
      str(id.evidence, `${p}.evidence`, REPORT_LIMITS.evidence);
    });
    list(e.findings, 'evidence.findings', REPORT_LIMITS.findings).forEach((item, i) => {
      const p = `evidence.findings[${i}]`;
      const f = obj(item, p, FINDING_KEYS);
      if (!f) return;
      if (typeof f.code !== 'string' || !CODE.test(f.code) || f.code.length > 60) fail(`${p}.code`, 'must be a kebab-case rule code');
      else codes.push(f.code);
      if (!SEVERITIES.includes(f.severity as string)) fail(`${p}.severity`, `must be one of ${SEVERITIES.join(', ')}`);
      str(f.message, `${p}.message`, REPORT_LIMITS.message);
      str(f.evidence, `${p}.evidence`, REPORT_LIMITS.evidence);
      const params = obj(f.params, `${p}.params`, { max: REPORT_LIMITS.params });
      if (params) for (const [k, v] of Object.entries(params)) str(v, `${p}.params.${k}`, REPORT_LIMITS.evidence);
    });
  }

  if (r.kind === 'false-positive') {
    const fp = obj(r.falsePositive, 'falsePositive', ['code', 'evidence']);
    if (fp) {
      if (typeof fp.code !== 'string' || !CODE.test(fp.code)) fail('falsePositive.code', 'must be a kebab-case rule code');
      else if (e && !codes.includes(fp.code)) fail('falsePositive.code', 'must name one of the findings in evidence.findings');
      str(fp.evidence, 'falsePositive.evidence', REPORT_LIMITS.evidence);
    }
  }

  if (r.screenshot !== null) {
    if (typeof r.screenshot !== 'string') fail('screenshot', 'must be a PNG data URL or null');
    else {
      const problem = screenshotProblem(r.screenshot);
      if (problem) fail('screenshot', problem);
    }
  }
  const c = obj(r.client, 'client', ['name', 'version']);
  if (c) {
    str(c.name, 'client.name', 50, { min: 1 });
    str(c.version, 'client.version', 30, { min: 1 });
  }
  if (more) errors.push({ path: '(body)', message: `and ${more} more problems` });
  return errors.length ? { ok: false, errors } : { ok: true, report: r as unknown as Report };
}

/** Problems listed at most; the rest are counted. */
const MAX_PROBLEMS = 50;
/** Characters of a path or message kept (a field's name is the sender's, and may be a megabyte long). */
const MAX_PROBLEM_TEXT = 200;
const clip = (s: string) => (s.length > MAX_PROBLEM_TEXT ? `${s.slice(0, MAX_PROBLEM_TEXT - 1)}…` : s);
