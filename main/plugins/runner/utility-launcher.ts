// Electron's `utilityProcess` (a Node child process that Electron owns and ends with the app), in two
// shapes: `startUtility`, a process seen as JSON text messages (the desktop app's backend process and
// the runners main starts for it), and `utilityLauncher`, plugin runners in the same RunnerProcess shape
// as forkLauncher. Electron is not imported here: main/electron passes its `utilityProcess` in, so this
// file runs and is tested in plain Node (testing/fake-utility-process.ts), and `tsc` checks Electron's
// type against UtilityProcessApi where it is passed.
import { fileURLToPath } from 'node:url';
import type { RunnerLauncher, RunnerProcess } from './launcher.js';
import { collectStderrTail, minimalEnv, residentBytes } from './process-facts.js';

/** The V8 heap limit of a plugin runner unless told otherwise; the client polls RSS for what escapes it. */
export const RUNNER_HEAP_MB = 256;

/** The part of Electron's `UtilityProcess` used here. */
export interface UtilityChild {
  /** Undefined until the process has spawned. */
  readonly pid: number | undefined;
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'spawn', listener: () => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  once(event: 'exit', listener: (code: number) => void): this;
}

/** The part of Electron's `utilityProcess` module used here. */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { env?: Record<string, string>; execArgv?: string[]; stdio?: Array<'pipe' | 'ignore' | 'inherit'>; serviceName?: string },
  ): UtilityChild;
}

/** A utility process whose messages are JSON text (the channel's framing is the caller's). */
export interface UtilityTextChild {
  /** Undefined until it has spawned. */
  readonly pid: number | undefined;
  /** True once it has ended. */
  readonly ended: boolean;
  /** Sends one text message; dropped once the process has ended. */
  post(text: string): void;
  /** Every text message it sends (anything else it posts is dropped). */
  onText(listener: (text: string) => void): void;
  /** Once, when it has spawned and its pid is known. */
  onSpawn(listener: (pid: number) => void): void;
  /** Once, after it ended, with what it last wrote to stderr. */
  onExit(listener: (code: number | null, signal: string | null, detail: string) => void): void;
  /** Ends it at once (SIGKILL on POSIX). */
  kill(): void;
}

export interface StartUtilityOptions {
  /** Shown in the OS's task manager. */
  readonly serviceName: string;
  readonly args?: string[];
  /** The whole environment (default: minimalEnv()). */
  readonly env?: Record<string, string>;
  readonly execArgv?: string[];
}

export function startUtility(
  utilityProcess: UtilityProcessApi,
  modulePath: string,
  options: StartUtilityOptions,
): UtilityTextChild {
  const child = utilityProcess.fork(modulePath, options.args ?? [], {
    env: options.env ?? minimalEnv(),
    execArgv: options.execArgv ?? [],
    // stdout dropped (output worth keeping comes over the channel), stderr read for the last words of a
    // crash ("Reached heap limit", an uncaught exception), never echoed.
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: options.serviceName,
  });
  const exitListeners: Array<(code: number | null, signal: string | null, detail: string) => void> = [];
  const spawnListeners: Array<(pid: number) => void> = [];
  const exited = collectStderrTail(child.stderr, exitListeners);
  let ended = false;
  let spawned = false;
  const spawn = (): void => {
    const pid = child.pid;
    if (spawned || pid === undefined) return;
    spawned = true;
    for (const listener of spawnListeners) listener(pid);
  };
  child.on('spawn', spawn);
  child.once('exit', (code) => {
    ended = true;
    exited(code, null);
  });
  return {
    get pid() {
      return child.pid;
    },
    get ended() {
      return ended;
    },
    post(text) {
      if (!ended) child.postMessage(text);
    },
    onText(listener) {
      child.on('message', (message) => {
        // A message before 'spawn' (it can happen in that order) still means the pid is known.
        spawn();
        if (typeof message === 'string') listener(message);
      });
    },
    onSpawn(listener) {
      spawnListeners.push(listener);
      if (spawned && child.pid !== undefined) listener(child.pid);
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      // Electron's kill() is a SIGTERM on POSIX, which the process could trap; one being killed is stuck
      // or misbehaving (or already told to stop), so it gets SIGKILL like forkLauncher's runners.
      const pid = child.pid;
      try {
        if (pid !== undefined && process.platform !== 'win32') process.kill(pid, 'SIGKILL');
        else child.kill();
      } catch {
        child.kill(); // already gone, or not ours to signal: let Electron end it
      }
    },
  };
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
  const heapMb = options.heapMb ?? RUNNER_HEAP_MB;
  return {
    launch(): RunnerProcess {
      const child = startUtility(utilityProcess, childPath, {
        env: minimalEnv(options.env),
        execArgv: [`--max-old-space-size=${heapMb}`],
        serviceName: 'Weft plugin runner',
      });
      return {
        get pid() {
          return child.pid;
        },
        send(message) {
          // The child's parentPort carries structured clones; JSON text keeps the boundary JSON-only,
          // as in forkLauncher (and throws here, like Node's JSON IPC, for what JSON cannot hold).
          child.post(JSON.stringify(message));
        },
        onMessage(callback) {
          child.onText((text) => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              return; // the runner only sends JSON text
            }
            callback(parsed);
          });
        },
        onExit(callback) {
          child.onExit(callback);
        },
        kill() {
          child.kill();
        },
        memory: () => {
          const pid = child.pid;
          return pid === undefined ? Promise.resolve(undefined) : residentBytes(pid);
        },
      };
    },
  };
}
