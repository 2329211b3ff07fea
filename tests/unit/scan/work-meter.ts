/**
 * Counts the work a piece of code does, not the time it takes: every character the string and
 * regex built-ins examine and every element the array built-ins visit, while `run` is running.
 * The engine is plain JavaScript over those built-ins, and so is linkedom's DOM (its getters build
 * arrays and strings with them), so a search without a bound, a scan of a whole line per find or a
 * list walked per item all show up here as work that grows with the square of the page. Clocks
 * would flake on a loaded machine; these counts are the same on every run.
 *
 * What is counted, per call:
 * - indexOf / lastIndexOf / includes / startsWith / endsWith on strings: the characters between
 *   where the search started and where it stopped (the match, or the end of the string);
 * - RegExp exec (through which test, match, matchAll, replace, split and search go once exec is
 *   replaced): the characters from where the search started to the end of the match, or to the end
 *   of the string when nothing matched;
 * - charCodeAt / charAt / codePointAt / at: one (the hand-written loops over characters);
 * - slice / substring / substr / trim / case changes / normalize / repeat / pad: the characters made;
 * - array indexOf / includes / find / some / every / filter / map / forEach / reduce / join /
 *   slice / concat / splice / sort (n log n) / shift / unshift (they move the whole array): the
 *   elements visited; push / pop: one.
 * Backtracking inside a regex is not counted: every pattern the engine runs is linear (checked by
 * review and by these shapes), and what matters here is how often and how far each one searches.
 */
type Fn = (...args: never[]) => unknown;

/** Runs `run` and says how much work the built-ins did meanwhile (see above). */
export function countWork<T>(run: () => T): { result: T; work: number } {
  let work = 0;
  const restore: (() => void)[] = [];
  const patch = <O extends object>(proto: O, name: string, cost: (self: never, args: never, result: never) => number) => {
    const original = (proto as Record<string, Fn>)[name]!;
    const counted = function (this: unknown, ...args: never[]) {
      const result = original.apply(this, args as never[]);
      work += Math.max(1, cost(this as never, args as never, result as never));
      return result;
    };
    Object.defineProperty(proto, name, { value: counted, configurable: true, writable: true });
    restore.push(() => Object.defineProperty(proto, name, { value: original, configurable: true, writable: true }));
  };

  const S = String.prototype;
  const searched = (self: string, args: [string, number?], result: number, length: number) =>
    result >= 0 ? result - (args[1] ?? 0) + length : self.length - (args[1] ?? 0);
  patch(S, 'indexOf', (self: string, args: [string, number?], result: number) => searched(self, args, result, args[0].length));
  patch(S, 'lastIndexOf', (self: string, args: [string, number?], result: number) => {
    const from = Math.min(args[1] ?? self.length, self.length);
    return from - Math.max(result, 0) + 1;
  });
  for (const name of ['startsWith', 'endsWith']) patch(S, name, (_self: string, args: [string]) => String(args[0]).length);
  const indexOf = S.indexOf;
  patch(S, 'includes', (self: string, args: [string, number?]) => searched(self, args, indexOf.call(self, args[0], args[1]), args[0].length));
  for (const name of ['charCodeAt', 'charAt', 'codePointAt', 'at']) patch(S, name, () => 1);
  for (const name of ['slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'normalize', 'repeat', 'padStart', 'padEnd', 'concat']) {
    patch(S, name, (_self: string, _args: never[], result: string) => result.length);
  }
  const R = RegExp.prototype;
  const exec = R.exec;
  Object.defineProperty(R, 'exec', {
    configurable: true,
    writable: true,
    value: function (this: RegExp, s: string) {
      const str = String(s);
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const m = exec.call(this, str);
      // A sticky search tries one position only; any other searches on to the end.
      const examined = m ? m.index + m[0].length - from : this.sticky ? 1 : str.length - from;
      work += Math.max(1, examined);
      return m;
    },
  });
  restore.push(() => Object.defineProperty(R, 'exec', { value: exec, configurable: true, writable: true }));

  const A = Array.prototype;
  const visited = (self: unknown[]) => self.length;
  for (const name of ['indexOf', 'lastIndexOf', 'includes', 'find', 'findIndex', 'findLast', 'some', 'every', 'filter', 'map', 'forEach', 'reduce', 'flatMap', 'join', 'slice', 'concat', 'splice', 'shift', 'unshift', 'fill', 'reverse']) {
    patch(A, name, visited);
  }
  patch(A, 'sort', (self: unknown[]) => self.length * Math.max(1, Math.ceil(Math.log2(self.length + 1))));
  patch(A, 'push', () => 1);
  patch(A, 'pop', () => 1);
  try {
    const result = run();
    return { result, work };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
