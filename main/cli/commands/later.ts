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

/** Commands of SPEC §6 not available yet: none at the moment (`serve` arrived with browser mode). */
export const laterCommands: readonly Command[] = [];
