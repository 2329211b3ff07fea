import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KIND_NAMES } from '../../../src/identifiers/kind-names';
import { onTestFinished } from 'vitest';
import { buildReport, type BuildReportInput } from '../../../src/reports/build-report';
import type { Report } from '../../../src/reports/report';
import type { Finding, Identifier } from '../../../src/types';

/** A valid USCC (check character verified by src/identifiers/checks). */
export const USCC = '91350100M000100Y43';

export function identifier(kind: Identifier['kind'], value: string, valid = true): Identifier {
  const label = KIND_NAMES[kind]['zh-CN'];
  return { kind, value, valid, problems: valid ? [] : ['check-character'], label, source: 'text', evidence: `${label}：${value}`, count: 1 };
}

export const FINDING: Finding = {
  code: 'badge-spoofed',
  severity: 'danger',
  message: '“电子营业执照”标识链接到非官方网站 fake-gsxt.example',
  evidence: '<a href="https://fake-gsxt.example/x">电子营业执照</a>',
  params: { host: 'fake-gsxt.example' },
};

/** A real report built by buildReport (so tests exercise the same path the extension does). */
export function sampleReport(overrides: Partial<BuildReportInput> = {}): Report {
  return buildReport({
    category: 'forged-badge',
    text: '页面上的电子营业执照标识点开是假的网站。',
    lang: 'zh-CN',
    page: { url: 'https://shop.fake-store.example/item?id=1#reviews', title: '某某旗舰店', shopName: '某某贸易有限公司' },
    identifiers: [identifier('uscc', USCC), identifier('icp-filing', '京ICP备12345678号')],
    findings: [FINDING],
    now: Date.parse('2025-03-01T08:00:00.000Z'),
    uuid: randomUUID,
    clientVersion: '0.1.0',
    ...overrides,
  });
}

/** A database path in a fresh temporary folder, removed when the current test ends. */
export function tempDb(name = 'reports.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'liangzhao-receiver-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, name);
}

/** POSTs a body to the receiver with node's fetch. */
export async function post(url: string, body: string | object, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${url}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}
