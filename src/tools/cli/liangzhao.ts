import { commands } from './commands';
import { UsageError, type CommandIo } from './command';

/**
 * `liangzhao reports list | head`: once the reader is gone, writing fails with EPIPE. Nothing is left
 * to say to anyone, so the command ends quietly (exit 0), as command-line tools do, instead of
 * dying with a stack trace (issue 15).
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const stdio: CommandIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

function help(): string {
  const lines = ['亮照卫士 Liangzhao Guard', '', 'usage: liangzhao <command> [options]', '', 'commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'liangzhao <command> --help shows the options of one command.');
  return lines.join('\n');
}

/** Entry point of the `liangzhao` command; returns the exit code. */
export async function main(argv: string[], io: CommandIo = stdio): Promise<number> {
  if (io === stdio) quietOnClosedPipe(process.stdout);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`liangzhao: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`liangzhao ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`liangzhao ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
