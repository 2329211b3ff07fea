import { describe, expect, it } from 'vitest';
import { engineScan, loadFragments, measureForms } from '../../tests/bench/forms-accuracy';
import { scanHtml } from '../../tests/unit/scan-html';

/** Every labelled fragment of a real page (tests/fixtures/forms) reads exactly what a careful person reads. */
describe('licence forms on real pages', () => {
  const fragments = loadFragments();
  it('has fragments, each naming its source', () => {
    expect(fragments.length).toBeGreaterThan(60);
    for (const f of fragments) expect(f.source, f.html.slice(0, 80)).not.toBe('');
  });

  it.each(fragments.map((f, i) => [`${f.file} #${i + 1}: ${f.source.slice(0, 60)}`, f] as const))('%s', (_name, f) => {
    const r = scanHtml(f.html);
    expect(r.identifiers.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([...f.expect].sort());
    const invalid = r.identifiers.filter((i) => !i.valid).map((i) => `${i.kind}:${i.value}`);
    expect(invalid.sort()).toEqual([...f.invalid].sort());
  });

  it('recall and precision over the whole set', async () => {
    const m = measureForms(await engineScan());
    expect(m.missed).toEqual([]);
    expect(m.extra).toEqual([]);
    expect(m.precision).toBeGreaterThanOrEqual(0.99);
  });
});
