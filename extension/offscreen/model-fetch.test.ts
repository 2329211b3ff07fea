import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCounted, modelSizes } from './model-fetch';

/** A response whose body arrives in these chunks, optionally with a Content-Length. */
function chunked(chunks: number[], length: number | null): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const [i, n] of chunks.entries()) controller.enqueue(new Uint8Array(n).fill(i + 1));
      controller.close();
    },
  });
  return new Response(body, { headers: length === null ? {} : { 'content-length': String(length) } });
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchCounted: the model files with their bytes counted for the first load’s progress', () => {
  it('reports the bytes fetched of the sizes the build wrote, and returns each file whole', async () => {
    const files: Record<string, number[]> = { '/ocr/det.onnx': [100, 100], '/ocr/rec.onnx': [300, 300, 200] };
    vi.stubGlobal('fetch', async (url: string) => chunked(files[url]!, null));
    const seen: number[] = [];
    const [det, rec] = await fetchCounted(['/ocr/det.onnx', '/ocr/rec.onnx'], { 'det.onnx': 200, 'rec.onnx': 800 }, (f) => seen.push(f));
    expect(det!.byteLength).toBe(200);
    expect(rec!.byteLength).toBe(800);
    expect(Array.from(rec!.slice(598, 602))).toEqual([2, 2, 3, 3]);
    // Rising, in steps of the chunks, to the whole.
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBeLessThan(0.35);
    expect(seen.at(-1)).toBe(1);
  });

  it('takes Content-Length without sizes, and moves file by file when neither says', async () => {
    vi.stubGlobal('fetch', async () => chunked([50, 50], 100));
    const byLength: number[] = [];
    await fetchCounted(['/a', '/b'], null, (f) => byLength.push(f));
    expect(byLength).toContain(0.25);
    vi.stubGlobal('fetch', async () => chunked([50, 50], null));
    const byFile: number[] = [];
    await fetchCounted(['/a', '/b'], null, (f) => byFile.push(f));
    expect(new Set(byFile)).toEqual(new Set([0, 0.5, 1]));
  });

  it('a missing file is an error; a missing or broken sizes.json is none', async () => {
    vi.stubGlobal('fetch', async () => new Response('no', { status: 404 }));
    await expect(fetchCounted(['/ocr/det.onnx'], null, () => undefined)).rejects.toThrow(/404/);
    expect(await modelSizes('/ocr/sizes.json')).toBeNull();
    vi.stubGlobal('fetch', async () => new Response('{"det.onnx": 5, "x": "y"}'));
    expect(await modelSizes('/ocr/sizes.json')).toEqual({ 'det.onnx': 5 });
  });
});
