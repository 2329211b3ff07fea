import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';

/**
 * forms.* figures: recall and precision of the engine on the labelled fragments of real pages in
 * tests/fixtures/forms (see its README). `strict` counts a find only with the right kind and value;
 * `read` counts any kind (an older engine reported some of these as `permit`); a find nobody
 * labelled is a false positive either way. `false_invalid`: labelled valid, reported with problems.
 *
 * `npx tsx tests/bench/forms-accuracy.ts [--root DIR]` measures the engine in DIR (a checkout of
 * another commit, for before/after figures) on this checkout's fixtures.
 */
export interface Fragment {
  file: string;
  source: string;
  html: string;
  expect: string[];
  invalid: string[];
}

const FIXTURES = join(import.meta.dirname, '../fixtures/forms');

/** The labelled fragments, one per <section>. */
export function loadFragments(dir = FIXTURES): Fragment[] {
  const out: Fragment[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const { document } = parseHTML(readFileSync(join(dir, file), 'utf8'));
    for (const section of Array.from(document.querySelectorAll('section[data-expect]'))) {
      const list = (name: string) => (section.getAttribute(name) ?? '').split(';').map((s) => s.trim()).filter(Boolean);
      const comment = /<!--\s*source:([\s\S]*?)-->/.exec(section.innerHTML);
      out.push({ file, source: comment?.[1]?.trim() ?? '', html: section.innerHTML, expect: list('data-expect'), invalid: list('data-invalid') });
    }
  }
  return out;
}

type Found = { kind: string; value: string; valid: boolean };
type Scan = (html: string) => Found[];

/** Value without brackets, 第, 号, spaces or punctuation: the same number however a kind writes it. */
const loose = (v: string) => v.replace(/^[a-z-]+:/, '').replace(/[^0-9A-Z\u3400-\u9fff]|[第号]/g, '');

export function measureForms(scan: Scan, fragments = loadFragments()) {
  let expected = 0;
  let strict = 0;
  let read = 0;
  let reported = 0;
  let falsePositives = 0;
  let falseInvalid = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const f of fragments) {
    const found = scan(f.html);
    const keys = found.map((i) => `${i.kind}:${i.value}`);
    expected += f.expect.length;
    reported += found.length;
    for (const e of f.expect) {
      if (keys.includes(e)) strict++;
      else missed.push(`${f.file}: ${e}`);
      if (found.some((i) => loose(i.value) === loose(e))) read++;
      const hit = found.find((i) => `${i.kind}:${i.value}` === e);
      if (hit && !hit.valid && !f.invalid.includes(e)) falseInvalid++;
    }
    for (const i of found) {
      if (!f.expect.some((e) => loose(e) === loose(i.value))) {
        falsePositives++;
        extra.push(`${f.file}: ${i.kind}:${i.value}`);
      }
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    fragments: fragments.length,
    expected,
    reported,
    recall_strict: round(strict / expected),
    recall_read: round(read / expected),
    precision: round(reported ? (reported - falsePositives) / reported : 1),
    false_positives: falsePositives,
    false_invalid: falseInvalid,
    missed,
    extra,
  };
}

/** The engine of a checkout (this one by default), as the CLI runs it (linkedom). */
export async function engineScan(root = join(import.meta.dirname, '../..')): Promise<Scan> {
  const mod = (await import(pathToFileURL(join(root, 'tests/unit/scan-html.ts')).href)) as { scanHtml(html: string): { identifiers: Found[] } };
  return (html) => mod.scanHtml(html).identifiers;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--root');
  const scan = await engineScan(at > 0 ? process.argv[at + 1] : undefined);
  console.log(JSON.stringify(measureForms(scan), null, 2));
}
