// `weft serve`: the editor in a browser (SPEC §7). Prints one line, `Weft listening on URL` (tests and
// scripts read it), then serves until SIGINT or SIGTERM, and stops cleanly with exit 0.
import { coreNodeTypes } from '../../../plugins/core/index.js';
import { resolveDataDir } from '../../services/store.js';
import { WeftError } from '../../errors.js';
import { startWebApp, type WebApp } from '../../web/app.js';
import { isLoopback } from '../../web/host-guard.js';
import { parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { Command, CommandContext } from './context.js';

const name = 'weft serve';
const usage = 'weft serve [--port N] [--host 127.0.0.1] [--data-dir DIR] [--plugins-dir DIR]';

const spec: CommandArgsSpec = {
  name,
  usage,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'plugins-dir': { type: 'string' },
  },
  positionals: { min: 0, max: 0, names: [] },
};

const help = `${usage}

Serves the editor to a browser, backed by the store in the data folder, and prints one line:

  Weft listening on http://127.0.0.1:PORT/?token=TOKEN

Open that URL. Every request needs its token (a new one each start); scripts can use the REST API
under /api/v1 with the header "Authorization: Bearer TOKEN" (described at /api/v1/openapi.json).
Stop with Ctrl-C (or SIGTERM): running runs are cancelled and stored, then the server exits.

  --port N            the port (default 0: any free port; the line says which)
  --host ADDR         the address to listen on (default 127.0.0.1). Anything else is reachable from
                      other machines, with the token as the only protection
  --data-dir DIR      the data folder (default: $WEFT_HOME, else ~/.weft)
  --plugins-dir DIR   the plugins folder (default: the data folder's plugins/); each workspace loads
                      it in its own runner process, and reloads it when it changes

Exit code 0 after a clean stop; 2 for bad usage, or when the store or the port cannot be opened.
`;

/** Calls `onSignal` on each request to stop until the returned function is called. */
export type StopSignals = (io: CliIo, onSignal: () => void) => () => void;

/** SIGINT (through the io, as every command hears Ctrl-C) and SIGTERM (a service manager, a test). */
export const processStopSignals: StopSignals = (io, onSignal) => {
  const offInterrupt = io.onInterrupt(onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    offInterrupt();
    process.off('SIGTERM', onSignal);
  };
};

function portOption(parsed: ReturnType<typeof parseCommandArgs>): number {
  const text = stringOption(parsed, 'port');
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text.trim()) || port > 65_535) {
    throw new UsageError(`option --port needs a port number from 0 to 65535, not '${text}'`, usage, name);
  }
  return port;
}

/** Why the server could not start, in words. */
function startFailure(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${where}: the port is in use`;
  if (code === 'EACCES') return `cannot listen on ${where}: permission denied`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `cannot listen on ${where}: no such address on this machine`;
  return error instanceof Error ? error.message : String(error);
}

export interface ServeCommandOptions {
  readonly stopSignals?: StopSignals;
  /** The built editor (tests); default dist/renderer/ beside the bundle. */
  readonly rendererDir?: string;
}

export function createServeCommand(options: ServeCommandOptions = {}): Command {
  const stopSignals = options.stopSignals ?? processStopSignals;

  async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
    const { io } = ctx;
    const parsed = parseCommandArgs(spec, args);
    if (parsed.help) {
      io.stdout.write(help);
      return ExitCode.ok;
    }
    const port = portOption(parsed);
    const host = stringOption(parsed, 'host') ?? '127.0.0.1';
    if (host.trim() === '') throw new UsageError('option --host needs an address', usage, name);
    const dataDir = resolveDataDir({ dataDir: stringOption(parsed, 'data-dir'), env: io.env });
    const pluginsDir = stringOption(parsed, 'plugins-dir');
    if (!isLoopback(host)) {
      io.stderr.write(
        `${name}: warning: listening on ${host}, which other machines can reach: ` +
          'the access token in the URL is the only protection; share it with no one\n',
      );
    }

    let app: WebApp;
    try {
      app = await startWebApp({
        dataDir,
        host,
        port,
        bundled: coreNodeTypes,
        registry: ctx.registry(),
        ...(pluginsDir === undefined ? {} : { pluginsDir }),
        ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
        log: (message) => io.stderr.write(`${message}\n`),
      });
    } catch (error) {
      const message =
        error instanceof WeftError ? `${dataDir}: ${error.message}` : startFailure(error, host, port);
      io.stderr.write(`${name}: ${message}\n`);
      return ExitCode.usage;
    }
    if (app.store.interruptedRuns > 0) {
      io.stderr.write(
        `${name}: ${app.store.interruptedRuns} run(s) left running by a previous process are marked interrupted\n`,
      );
    }
    io.stdout.write(`Weft listening on ${app.server.url}\n`);

    let signals = 0;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const unsubscribe = stopSignals(io, () => {
      signals += 1;
      // A second signal while stopping means "now": the process ends at once, as `weft run` does.
      if (signals === 1) stop();
      else io.exit(ExitCode.interrupted);
    });
    try {
      await stopped;
      io.stderr.write(`${name}: stopping\n`);
      await app.close();
    } finally {
      unsubscribe();
    }
    return ExitCode.ok;
  }

  return { name: 'serve', usage, summary: 'serve the editor to a browser', available: true, run };
}

export const serveCommand: Command = createServeCommand();
