import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TabVerdict } from '../../../extension/protocol/messages';
import { scanHtml } from '../../unit/scan-html';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));

/** The verdict the worker would keep for a tab showing a demo shop page (scanned by the engine in node). */
export function demoVerdict(page: string, url = `https://shop.example.cn/${page}`): TabVerdict {
  return { url, result: scanHtml(readFileSync(DEMO + page, 'utf8'), url), allowlisted: null, reportedAt: Date.now() };
}
