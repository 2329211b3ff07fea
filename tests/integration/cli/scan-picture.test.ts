import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/tools/cli/liangzhao';

// Rendered licences (tests/licence-pictures/, seed 1000): the tampered one prints another valid code
// than the one its QR code carries.
const PICTURES = fileURLToPath(new URL('../../e2e/fixtures/pictures/', import.meta.url));
const CLEAN = '91350203MAQ1L0384W';
const TAMPERED = '91350203C5207Q8C87';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('liangzhao scan PICTURE', () => {
  it('reads an edited licence picture: the printed code, the QR code, licence-tampered with both as evidence', async () => {
    const { code, out } = await run('scan', join(PICTURES, 'yyzz-tampered.jpg'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['url', 'identifiers', 'licenses', 'badges', 'verdict', 'qr']);
    expect(json.identifiers).toContainEqual(expect.objectContaining({ kind: 'uscc', value: TAMPERED, valid: true, source: 'image' }));
    expect(json.qr).toEqual([{ text: `http://www.gsxt.gov.cn/index.html?uniscid=${CLEAN}`, host: 'www.gsxt.gov.cn', official: true, code: CLEAN }]);
    expect(json.verdict.level).toBe('danger');
    const finding = json.verdict.findings.find((f: { code: string }) => f.code === 'licence-tampered');
    expect(finding.evidence).toContain(TAMPERED);
    expect(finding.evidence).toContain(CLEAN);
  });

  it('a page scan reads the local picture the page shows as its licence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-cli-pic-'));
    copyFileSync(join(PICTURES, 'yyzz-clean.jpg'), join(dir, 'yyzz.jpg'));
    writeFileSync(join(dir, 'about.html'), '<html><head><meta charset="utf-8"></head><body><h2>营业执照</h2><img src="yyzz.jpg"></body></html>');
    const { code, out } = await run('scan', join(dir, 'about.html'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.identifiers).toContainEqual(expect.objectContaining({ kind: 'uscc', value: CLEAN, source: 'image' }));
    expect(json.verdict.findings.filter((f: { severity: string }) => f.severity === 'danger' || f.severity === 'warning')).toEqual([]);
  });

  it('a file that is no picture: a clear message and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-cli-pic-'));
    writeFileSync(join(dir, 'fake.png'), 'not a picture at all');
    const { code, err } = await run('scan', join(dir, 'fake.png'), '--json');
    expect(code).toBe(1);
    expect(err).toMatch(/无法解码为图片|not a readable/);
  });
});
