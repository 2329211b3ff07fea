/**
 * Waiting for what a test is waiting for: the state it needs, read again until it holds. The timeout
 * is only how long a test may wait before it fails; no pass or fail depends on how fast things are.
 */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, { timeoutMs = 20_000, everyMs = 150 } = {}): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, everyMs));
    last = await read();
  }
  return last;
}

/** `promise`, or a rejection with `message` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
