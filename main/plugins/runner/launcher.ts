// How a runner process is started. The client only sees RunnerProcess, so the CLI and browser mode use
// `child_process.fork` (below) and the Electron app can wrap `utilityProcess` in the same shape.
import { execFile, fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** One running runner: a message channel to it, its end, and its memory. */
export interface RunnerProcess {
  readonly pid: number | undefined;
  /** Sends one message; throws when it cannot be serialised. */
  send(message: unknown): void;
  onMessage(callback: (message: unknown) => void): void;
  /** Called once when the process has ended; `detail` is what it last wrote to stderr, if anything. */
  onExit(callback: (code: number | null, signal: string | null, detail: string) => void): void;
  /** Ends it at once (SIGKILL: plugin code may trap gentler signals). */
  kill(): void;
  /** Resident set size in bytes, or undefined where it cannot be read. */
  memory?(): Promise<number | undefined>;
  /** Whether the process may keep the host's event loop alive (it must not while idle). */
  ref?(): void;
  unref?(): void;
}

export interface RunnerLauncher {
  launch(): RunnerProcess;
}

export interface ForkLauncherOptions {
  /** V8 heap limit of the runner (default 256 MiB). Buffers live outside it: the client polls RSS. */
  heapMb?: number;
  /** The runner script (default child.mjs beside this module, or beside the bundle in dist/). */
  childPath?: string;
  /** Extra environment variables; nothing of the host's environment is inherited otherwise. */
  env?: Readonly<Record<string, string>>;
}

const STDERR_TAIL = 2_000;

export function forkLauncher(options: ForkLauncherOptions = {}): RunnerLauncher {
  const childPath = options.childPath ?? fileURLToPath(new URL('./child.mjs', import.meta.url));
  const heapMb = options.heapMb ?? 256;
  return {
    launch(): RunnerProcess {
      const child = fork(childPath, [], {
        execPath: process.execPath,
        // Not the host's flags: a vitest or inspector flag must not leak into plugin code.
        execArgv: [`--max-old-space-size=${heapMb}`],
        env: minimalEnv(options.env),
        serialization: 'json',
        // stdout is dropped (the runner forwards console output over IPC as logs); stderr is read for
        // the last words of a crash ("Reached heap limit"), never echoed to the host's stdout.
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        detached: false,
      });
      let tail = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-STDERR_TAIL);
      });
      // An unref'd pipe still delivers data; the host's exit must not wait for the runner's stderr.
      (child.stderr as { unref?: () => void } | null)?.unref?.();
      // Sending to a runner that just died emits 'error'; its 'exit' reports the death, so swallow it.
      child.on('error', () => undefined);
      const exitCallbacks: Array<(code: number | null, signal: string | null, detail: string) => void> = [];
      child.once('exit', (code, signal) => {
        // stderr may still hold the last lines; give it a moment (not forever: a grandchild may hold it).
        const report = (): void => {
          clearTimeout(timer);
          for (const callback of exitCallbacks) callback(code, signal, tail.trim());
        };
        const timer = setTimeout(report, 50);
        if (child.stderr === null || child.stderr.readableEnded) report();
        else child.stderr.once('close', report);
      });
      const pid = child.pid;
      return {
        pid,
        send(message) {
          child.send(message as object);
        },
        onMessage(callback) {
          child.on('message', callback);
        },
        onExit(callback) {
          exitCallbacks.push(callback);
        },
        kill() {
          child.kill('SIGKILL');
        },
        memory: () => (pid === undefined ? Promise.resolve(undefined) : residentBytes(pid)),
        ref() {
          child.ref();
          child.channel?.ref();
        },
        unref() {
          child.unref();
          child.channel?.unref();
        },
      };
    },
  };
}

function minimalEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV ?? 'production' };
  // Windows cannot start networking or crypto without SystemRoot; nothing else is needed by Node.
  if (process.platform === 'win32' && process.env.SystemRoot !== undefined) env.SystemRoot = process.env.SystemRoot;
  return { ...env, ...extra };
}

/** RSS of a process: /proc on Linux (cheap, no process start), `ps` on macOS, unknown elsewhere. */
async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    if (process.platform === 'linux') {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    }
    if (process.platform === 'darwin') {
      const out = await new Promise<string>((resolve, reject) =>
        execFile('ps', ['-o', 'rss=', '-p', String(pid)], (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      const kb = Number(out.trim());
      return Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
    }
  } catch {
    // The process is gone, or /proc is not readable: no reading this time.
  }
  return undefined;
}
