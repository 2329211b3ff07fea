import type { Command } from './command';
import { feedCommand } from './feed-command';
import { scanCommand } from './scan-command';
import { receiveCommand } from './receive-command';
import { reportsCommand } from './reports-command';

/** Every `liangzhao` subcommand. Add a command by adding its file and one entry here. */
export const commands: Command[] = [scanCommand, receiveCommand, reportsCommand, feedCommand];
