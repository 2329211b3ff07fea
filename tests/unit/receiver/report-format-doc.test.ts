import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPORT_CATEGORIES } from '../../../src/reports/categories';
import { validateReport } from '../../../src/reports/validate-report';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/report-format.md'), 'utf8');

describe('docs/report-format.md', () => {
  it('its example is a valid report', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    expect(validateReport(JSON.parse(block!))).toMatchObject({ ok: true });
  });

  it('lists every category with its id and zh-CN label', () => {
    for (const c of REPORT_CATEGORIES) expect(doc).toContain(`| \`${c.id}\` | ${c.label['zh-CN']} | ${c.label.en} |`);
  });
});
