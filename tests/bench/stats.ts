/** Median and 95th percentile of a sample, rounded to 0.001 ms. */
export function summarize(samples: number[]): { median: number; p95: number; runs: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: s.length };
}
