import { ExitCode } from '../errors.js';
import type { Command } from './context.js';

/**
 * A command of SPEC §6 that a later version brings: listed in the help so people know it exists,
 * refused with exit 2 until then. Replace the entry in the command table when it arrives.
 */
export function comingLater(name: string, usage: string, summary: string): Command {
  return {
    name,
    usage,
    summary,
    available: false,
    run: (_args, { io }) => {
      io.stderr.write(`weft ${name}: not available yet in this version\n`);
      return Promise.resolve(ExitCode.usage);
    },
  };
}

export const laterCommands: readonly Command[] = [
  comingLater(
    'serve',
    'weft serve [--port N] [--host 127.0.0.1] [--data-dir DIR] [--plugins-dir DIR]',
    'serve the editor to a browser',
  ),
];
