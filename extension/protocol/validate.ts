/**
 * Small hand-written validators. A validator returns the value typed, or throws a ValidationError
 * naming the path, so a bad message gets a clear refusal. Sizes are capped: a content script runs
 * next to a hostile page and its messages are not trusted.
 */
export class ValidationError extends Error {}

export type Validator<T> = (value: unknown, path: string) => T;

const fail = (path: string, what: string): never => {
  throw new ValidationError(`${path || 'payload'}: ${what}`);
};

export const str =
  (max = 2000): Validator<string> =>
  (v, p) =>
    typeof v === 'string' ? (v.length <= max ? v : fail(p, `longer than ${max}`)) : fail(p, 'expected a string');

export const int =
  (min = 0, max = Number.MAX_SAFE_INTEGER): Validator<number> =>
  (v, p) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : fail(p, `expected an integer in [${min}, ${max}]`);

export const bool: Validator<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'expected a boolean'));

export const oneOf =
  <T extends string>(values: readonly T[]): Validator<T> =>
  (v, p) =>
    (values as readonly unknown[]).includes(v) ? (v as T) : fail(p, `expected one of ${values.join(', ')}`);

export const nullable =
  <T>(inner: Validator<T>): Validator<T | null> =>
  (v, p) =>
    v === null ? null : inner(v, p);

export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (v, p) =>
    v === undefined ? undefined : inner(v, p);

export const arr =
  <T>(inner: Validator<T>, max: number): Validator<T[]> =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'expected an array');
    if (v.length > max) return fail(p, `more than ${max} items`);
    return v.map((x, i) => inner(x, `${p}[${i}]`));
  };

export const record =
  <T>(inner: Validator<T>, maxKeys: number): Validator<Record<string, T>> =>
  (v, p) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(p, 'expected an object');
    const entries = Object.entries(v);
    if (entries.length > maxKeys) return fail(p, `more than ${maxKeys} keys`);
    const out: Record<string, T> = {};
    for (const [k, x] of entries) out[k] = inner(x, `${p}.${k}`);
    return out;
  };

type Shape = Record<string, Validator<unknown>>;
type Out<S extends Shape> = { [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]> } & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: Exclude<ReturnType<S[K]>, undefined>;
};

/** An object with exactly these fields (unknown fields are dropped, not passed on). */
export const obj =
  <S extends Shape>(shape: S): Validator<Out<S>> =>
  (v, p) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(p, 'expected an object');
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, check] of Object.entries(shape)) {
      const x = check(src[k], p ? `${p}.${k}` : k);
      if (x !== undefined) out[k] = x;
    }
    return out as Out<S>;
  };
