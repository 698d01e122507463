import { exportWorkflowReport } from '../../services/workflows.service.js';
import { parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { describeReadError, ExitCode } from '../errors.js';
import { plural } from '../progress/format.js';
import type { Command, CommandContext } from './context.js';
import { fail, orNotFound, storeOptions, storeOptionsHelp, withStore } from './store-session.js';

const usage = 'weft export ID [--out FILE] [--data-dir DIR] [--workspace NAME]';
const name = 'weft export';

const spec: CommandArgsSpec = {
  name,
  usage,
  options: { ...storeOptions, out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['ID'] },
};

const help = `${usage}

Writes the workflow ID in its file form: keys sorted, a "requires" block naming the plugins it
needs, and secrets (params such as apiKey, token, password) blanked. Two exports of one version are
byte-identical, so exports diff cleanly.

  --out FILE          write to FILE (replacing it if it exists) instead of stdout
${storeOptionsHelp}

Exit codes: 0 exported, 2 bad usage, a workflow not found in the workspace, or an unwritable FILE.
`;

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const id = parsed.positionals[0] ?? '';
  const out = stringOption(parsed, 'out');
  return withStore(ctx, name, parsed, async ({ store, workspace }) => {
    const { text, strippedPaths } = orNotFound('workflow', id, () =>
      exportWorkflowReport(store, workspace.id, id),
    );
    if (out === undefined) {
      io.stdout.write(text);
    } else {
      const existed = await io.stat(out).then(
        () => true,
        () => false,
      );
      try {
        await io.writeFile(out, text);
      } catch (err) {
        return fail(io, name, `${out}: cannot write the file: ${describeReadError(err)}`);
      }
      io.stderr.write(`${name}: wrote ${out}${existed ? ' (replaced the file that was there)' : ''}\n`);
    }
    if (strippedPaths.length > 0) {
      io.stderr.write(
        `${name}: blanked ${plural(strippedPaths.length, 'secret param')} (${strippedPaths.join(', ')})\n`,
      );
    }
    return ExitCode.ok;
  });
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'weft export ID [--out FILE]',
  summary: 'export a stored workflow to stdout or --out FILE',
  available: true,
  run,
};
