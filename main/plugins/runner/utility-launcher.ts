// The desktop app's runner launcher: Electron's `utilityProcess` (a Node child process that Electron
// owns and ends with the app), in the same RunnerProcess shape as forkLauncher. Electron is not
// imported here: main/electron passes its `utilityProcess` in, so this file runs and is tested in plain
// Node (testing/fake-utility-process.ts), and `tsc` checks Electron's type against UtilityProcessApi.
import { fileURLToPath } from 'node:url';
import type { RunnerLauncher, RunnerProcess } from './launcher.js';
import { collectStderrTail, minimalEnv, residentBytes } from './process-facts.js';

/** The part of Electron's `UtilityProcess` the launcher uses. */
export interface UtilityChild {
  /** Undefined until the process has spawned. */
  readonly pid: number | undefined;
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  once(event: 'exit', listener: (code: number) => void): this;
}

/** The part of Electron's `utilityProcess` module the launcher uses. */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { env?: Record<string, string>; execArgv?: string[]; stdio?: Array<'pipe' | 'ignore' | 'inherit'>; serviceName?: string },
  ): UtilityChild;
}

export interface UtilityLauncherOptions {
  /** V8 heap limit of the runner (default 256 MiB); the client polls RSS for what escapes it. */
  heapMb?: number;
  /** The runner script (default child.mjs beside this module, or beside the bundle). */
  childPath?: string;
  /** Extra environment variables; nothing of the app's environment is inherited otherwise. */
  env?: Readonly<Record<string, string>>;
}

export function utilityLauncher(utilityProcess: UtilityProcessApi, options: UtilityLauncherOptions = {}): RunnerLauncher {
  const childPath = options.childPath ?? fileURLToPath(new URL('./child.mjs', import.meta.url));
  const heapMb = options.heapMb ?? 256;
  return {
    launch(): RunnerProcess {
      const child = utilityProcess.fork(childPath, [], {
        env: minimalEnv(options.env),
        execArgv: [`--max-old-space-size=${heapMb}`],
        // As with fork: stdout dropped (console output comes over the channel as logs), stderr read.
        stdio: ['ignore', 'ignore', 'pipe'],
        serviceName: 'Weft plugin runner',
      });
      const exitCallbacks: Array<(code: number | null, signal: string | null, detail: string) => void> = [];
      const exited = collectStderrTail(child.stderr, exitCallbacks);
      let ended = false;
      child.once('exit', (code) => {
        ended = true;
        exited(code, null);
      });
      return {
        get pid() {
          return child.pid;
        },
        send(message) {
          // The child's parentPort carries structured clones; JSON text keeps the boundary JSON-only,
          // as in forkLauncher (and throws here, like Node's JSON IPC, for what JSON cannot hold).
          const text = JSON.stringify(message);
          if (ended) return;
          child.postMessage(text);
        },
        onMessage(callback) {
          child.on('message', (message) => {
            if (typeof message !== 'string') return;
            let parsed: unknown;
            try {
              parsed = JSON.parse(message);
            } catch {
              return; // the runner only sends JSON text
            }
            callback(parsed);
          });
        },
        onExit(callback) {
          exitCallbacks.push(callback);
        },
        kill() {
          // Electron's kill() is a SIGTERM on POSIX, which plugin code could trap; a runner being killed
          // is stuck or misbehaving, so it gets SIGKILL like forkLauncher's.
          const pid = child.pid;
          try {
            if (pid !== undefined && process.platform !== 'win32') process.kill(pid, 'SIGKILL');
            else child.kill();
          } catch {
            child.kill(); // already gone, or not ours to signal: let Electron end it
          }
        },
        memory: () => {
          const pid = child.pid;
          return pid === undefined ? Promise.resolve(undefined) : residentBytes(pid);
        },
      };
    },
  };
}
