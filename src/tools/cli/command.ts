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
 * Minimal flag parser: `--name value`, `--name=value`, boolean `--flag`, repeatable flags and
 * positionals. Unknown flags are a UsageError, so a typo never silently changes what a command does.
 */
export function parseArgs(
  args: string[],
  spec: { strings?: string[]; booleans?: string[]; repeatable?: string[] },
): { flags: Map<string, string[]>; booleans: Set<string>; positionals: string[] } {
  const flags = new Map<string, string[]>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  const strings = new Set([...(spec.strings ?? []), ...(spec.repeatable ?? [])]);
  const bools = new Set(spec.booleans ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (bools.has(name) && eq === -1) {
      booleans.add(name);
      continue;
    }
    if (!strings.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    const list = flags.get(name) ?? [];
    if (list.length && !spec.repeatable?.includes(name)) throw new UsageError(`--${name} given twice`);
    list.push(value);
    flags.set(name, list);
  }
  return { flags, booleans, positionals };
}
