// Measures the lookup's synchronous SHA-256 (src/lists/sha256-sync.ts) against @noble/hashes on the
// real use: the `type:value` keys of one lookup (a page's identifiers, single-block inputs).
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { sha256Sync } from '../../src/lists/sha256-sync';

const KEYS = [
  'uscc:91330106MA2H3P7L4H', 'uscc:91110108551385082Q', 'regno:110108012345678', 'icp:京ICP备2019999999号',
  'icp:浙B2-20120091', 'psb:11010802012345', 'domain:www.fake-gsxt.example.com', 'domain:shop.example.cn',
  'uscc:914403001922038216', 'uscc:91310000MA1FL4XX8Q',
].map((k) => new TextEncoder().encode(k));

type Hash = (data: Uint8Array) => Uint8Array;
const impls: Record<string, Hash> = { ours: sha256Sync, noble: (d) => nobleSha256(d) };

/** Microseconds for the first lookup's ten keys (cold: nothing compiled yet), then per lookup warm (median of runs). */
export function measure(order: string[]): Record<string, { coldUs: number; warmUsPerLookup: number }> {
  const out: Record<string, { coldUs: number; warmUsPerLookup: number }> = {};
  for (const name of order) {
    const hash = impls[name]!;
    const t0 = performance.now();
    for (const k of KEYS) hash(k);
    const coldUs = (performance.now() - t0) * 1000;
    const runs: number[] = [];
    for (let r = 0; r < 9; r++) {
      const n = 20_000;
      const t = performance.now();
      for (let i = 0; i < n; i++) for (const k of KEYS) hash(k);
      runs.push(((performance.now() - t) * 1000) / n);
    }
    runs.sort((a, b) => a - b);
    out[name] = { coldUs, warmUsPerLookup: runs[4]! };
  }
  return out;
}
// Same answers, or the figures mean nothing (checked after measuring, so both stay cold until then).
export function check(): void {
  for (const k of KEYS) if (impls.ours!(k).join() !== impls.noble!(k).join()) throw new Error('implementations differ');
}
(globalThis as { checkSha256?: typeof check }).checkSha256 = check;
(globalThis as { measureSha256?: typeof measure }).measureSha256 = measure;
