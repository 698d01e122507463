// A stand-in for Electron's `utilityProcess` module in plain Node: `fork` starts utility-shim.mjs, which
// hands the runner script an Electron-like `process.parentPort`. Messages are delivered as Electron
// delivers them (the host's 'message' listener gets the value; the child's port gets `{ data }`), and
// 'exit' carries only a code. What it cannot show (Electron's own process model) the Electron e2e
// spec covers where an Electron binary exists.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { UtilityChild, UtilityProcessApi } from '../utility-launcher.js';

const shim = fileURLToPath(new URL('./utility-shim.mjs', import.meta.url));

class FakeUtilityChild extends EventEmitter implements UtilityChild {
  readonly stderr: NodeJS.ReadableStream | null;
  constructor(
    private readonly child: ReturnType<typeof fork>,
  ) {
    super();
    this.stderr = child.stderr;
    child.on('spawn', () => this.emit('spawn'));
    child.on('message', (message) => this.emit('message', message));
    child.on('error', () => undefined);
    child.once('exit', (code, signal) => this.emit('exit', code ?? (signal === null ? 0 : 128)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  postMessage(message: unknown): void {
    this.child.send(message as object);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
}

export interface FakeUtilityProcess extends UtilityProcessApi {
  /** Every fork so far: its script, its options and the process, for assertions. */
  readonly forks: Array<{ modulePath: string; options: Parameters<UtilityProcessApi['fork']>[2]; child: UtilityChild }>;
}

export function fakeUtilityProcess(): FakeUtilityProcess {
  const forks: FakeUtilityProcess['forks'] = [];
  return {
    forks,
    fork(modulePath, args = [], options = {}) {
      const child = new FakeUtilityChild(
        fork(shim, [modulePath, ...args], {
          execPath: process.execPath,
          execArgv: options.execArgv ?? [],
          env: options.env ?? {},
          serialization: 'json',
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        }),
      );
      forks.push({ modulePath, options, child });
      return child;
    },
  };
}
