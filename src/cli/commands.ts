import type { Command } from './command';
import { scanCommand } from './scan-command';

/** Every `liangzhao` subcommand. Add a command by adding its file and one entry here. */
export const commands: Command[] = [scanCommand];
