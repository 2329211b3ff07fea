/**
 * The model files fetched with their bytes counted, so the first load can show real progress (the
 * panel's "正在加载识别模型… 45%"). The total comes from sizes.json, which the build writes next to
 * the models (scripts/ocr-assets.mjs), else from the responses' Content-Length; unknown, the
 * fraction moves file by file.
 */
export async function fetchCounted(urls: readonly string[], sizes: Readonly<Record<string, number>> | null, onProgress: (fraction: number) => void): Promise<Uint8Array[]> {
  const responses = await Promise.all(urls.map((u) => fetch(u)));
  for (const [i, r] of responses.entries()) if (!r.ok) throw new Error(`${urls[i]}: http ${r.status}`);
  const sizeOf = (i: number) => sizes?.[fileName(urls[i]!)] ?? Number(responses[i]!.headers.get('content-length') ?? 0);
  const total = responses.every((_, i) => sizeOf(i) > 0) ? responses.reduce((n, _, i) => n + sizeOf(i), 0) : 0;
  let loaded = 0;
  let done = 0;
  const report = () => onProgress(total ? Math.min(1, loaded / total) : done / urls.length);
  return Promise.all(
    responses.map(async (response) => {
      const reader = response.body?.getReader();
      if (!reader) {
        const whole = new Uint8Array(await response.arrayBuffer());
        loaded += whole.byteLength;
        done++;
        report();
        return whole;
      }
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        loaded += value.byteLength;
        report();
      }
      done++;
      report();
      return concat(chunks);
    }),
  );
}

/** The sizes the build wrote (file name → bytes), or null when there is no such file. */
export async function modelSizes(url: string): Promise<Record<string, number> | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const sizes: unknown = await response.json();
    if (!sizes || typeof sizes !== 'object') return null;
    return Object.fromEntries(Object.entries(sizes).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
  } catch {
    return null;
  }
}

const fileName = (url: string) => url.slice(url.lastIndexOf('/') + 1);

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
