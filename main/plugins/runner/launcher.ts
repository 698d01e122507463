// How a runner process is started. The client only sees RunnerProcess, so the CLI and browser mode use
// `child_process.fork` (below) and the Electron app wraps `utilityProcess` in the same shape
// (utility-launcher.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { collectStderrTail, minimalEnv, residentBytes } from './process-facts.js';

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
      // Sending to a runner that just died emits 'error'; its 'exit' reports the death, so swallow it.
      child.on('error', () => undefined);
      const exitCallbacks: Array<(code: number | null, signal: string | null, detail: string) => void> = [];
      child.once('exit', collectStderrTail(child.stderr, exitCallbacks));
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
