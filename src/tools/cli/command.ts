import { parseArgs as nodeParseArgs } from 'node:util';

/** One subcommand of `liangzhao`, registered as data in `commands.ts`. */
export interface Command {
  name: string;
  /** One line for `liangzhao --help`. */
  summary: string;
  /** Usage text printed by `liangzhao NAME --help` and on bad arguments. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Output streams, so that commands can be tested without spawning a process. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/**
 * The command's flags, read by node's `util.parseArgs`: `--name value`, `--name=value`, boolean
 * `--flag`, repeatable flags, positionals, `--`. Unknown flags are a UsageError, so a typo never
 * silently changes what a command does. Node's strict mode would refuse them too, but in words of its
 * own (and would refuse a value starting with `-`, which `--limit -5` means), so it reads the tokens
 * loosely and this checks them, in order, with the messages the CLI has always given.
 */
export function parseArgs(
  args: string[],
  spec: { strings?: string[]; booleans?: string[]; repeatable?: string[] },
): { flags: Map<string, string[]>; booleans: Set<string>; positionals: string[] } {
  const repeatable = new Set(spec.repeatable ?? []);
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of [...(spec.strings ?? []), ...repeatable]) options[name] = { type: 'string' };
  for (const name of spec.booleans ?? []) options[name] ??= { type: 'boolean' };
  const { tokens } = nodeParseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const flags = new Map<string, string[]>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  let lastShort = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    // There are no short options: `-x` is a positional (a file may be called that; -h is read before).
    // Node splits `-abc` into one token per letter, all with the argument's index.
    if (!token.rawName.startsWith('--')) {
      if (token.index !== lastShort) positionals.push(args[token.index]!);
      lastShort = token.index;
      continue;
    }
    const type = options[token.name]?.type;
    if (type === 'boolean' && !token.inlineValue) {
      booleans.add(token.name);
      continue;
    }
    if (type !== 'string') throw new UsageError(`unknown option --${token.name}`);
    if (token.value === undefined) throw new UsageError(`--${token.name} needs a value`);
    const list = flags.get(token.name) ?? [];
    if (list.length && !repeatable.has(token.name)) throw new UsageError(`--${token.name} given twice`);
    list.push(token.value);
    flags.set(token.name, list);
  }
  return { flags, booleans, positionals };
}
