import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hugePage, typicalPage } from '../../tests/bench/pages';
import { scanPage } from './scan-page';

/** Every HTML fixture in the repository. */
function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? fixtures(p) : f.endsWith('.html') ? [p] : [];
  });
}

const summary = (html: string, fullWalk: boolean) => {
  const doc = parseHTML(html).document as unknown as Document;
  const r = scanPage(doc, { url: 'https://shop.example.cn/x', fullWalk });
  return {
    ids: r.identifiers.map((i) => `${i.kind}:${i.value}:${i.valid}:${i.label}`).sort(),
    findings: r.verdict.findings.map((f) => `${f.code}:${f.evidence}`).sort(),
    licenses: r.licenses.map((l) => `${l.name}|${l.uscc}|${l.legalRepresentative}`).sort(),
    badges: r.badges.map((b) => `${b.href}|${b.official}`).sort(),
    level: r.verdict.level,
  };
};

describe('the fast path finds exactly what a full walk finds', () => {
  const files = fixtures(join(import.meta.dirname, '../../tests/fixtures'));
  it('has fixtures to compare', () => expect(files.length).toBeGreaterThan(5));
  it.each(files.map((f) => [f.split('tests/fixtures/')[1]!, f]))('%s', (_name, file) => {
    const html = readFileSync(file, 'utf8');
    expect(summary(html, false)).toEqual(summary(html, true));
  });
  it.each([['typical', typicalPage()], ['huge', hugePage()]])('benchmark page %s', (_n, html) => {
    const fast = summary(html, false);
    expect(fast).toEqual(summary(html, true));
    expect(fast.ids).toHaveLength(5);
  });
});
