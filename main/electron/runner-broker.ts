// Plugin runners started by main for the backend process (protocol.ts's `runner.*`). Only Electron's
// main process can start utility processes, and the packaged app's RunAsNode fuse rules out
// `child_process.fork` in the backend, so the backend asks and main starts each runner here, then passes
// messages both ways as opaque JSON text: main never parses what plugin code sends. One broker per
// backend process: when that process ends, `closeAll` ends its runners with it.
import type { RunnerNews, RunnerRequest } from '../backend/protocol.js';
import { minimalEnv } from '../plugins/runner/process-facts.js';
import {
  RUNNER_HEAP_MB,
  startUtility,
  type UtilityProcessApi,
  type UtilityTextChild,
} from '../plugins/runner/utility-launcher.js';

export interface RunnerBrokerOptions {
  readonly utilityProcess: UtilityProcessApi;
  /** The runner's entry script (child.mjs, with its sibling modules). */
  readonly runnerScript: string;
  /** V8 heap limit of each runner (default 256 MiB). */
  readonly heapMb?: number;
  /** Sends news of a runner to the backend process. */
  readonly tell: (news: RunnerNews) => void;
  readonly log?: (message: string) => void;
  /**
   * How many runners may be alive at once (default 64). The backend starts one per workspace in use; far
   * more means it is misbehaving, and each runner is a process of the user's machine.
   */
  readonly maxRunners?: number;
}

export interface RunnerBroker {
  /** Serves one of the backend's requests. */
  handle(request: RunnerRequest): void;
  /** Ends every runner at once; later requests start nothing. */
  closeAll(): void;
  /** Runners alive now. */
  readonly size: number;
}

export function createRunnerBroker(options: RunnerBrokerOptions): RunnerBroker {
  const log = options.log ?? ((message: string) => console.error(message));
  const maxRunners = options.maxRunners ?? 64;
  const runners = new Map<number, UtilityTextChild>();
  let closed = false;

  function tell(news: RunnerNews): void {
    if (closed) return;
    try {
      options.tell(news);
    } catch (error) {
      log(`weft: news of a plugin runner could not reach the backend: ${String(error)}`);
    }
  }

  function spawn(runner: number): void {
    if (runners.has(runner)) return;
    if (runners.size >= maxRunners) {
      log(`weft: refused to start plugin runner ${runner}: ${maxRunners} are running already`);
      tell({ t: 'runner.exit', runner, code: null, detail: 'too many plugin runners' });
      return;
    }
    const child = startUtility(options.utilityProcess, options.runnerScript, {
      env: minimalEnv(),
      execArgv: [`--max-old-space-size=${options.heapMb ?? RUNNER_HEAP_MB}`],
      serviceName: 'Weft plugin runner',
    });
    runners.set(runner, child);
    child.onSpawn((pid) => tell({ t: 'runner.spawned', runner, pid }));
    child.onText((text) => tell({ t: 'runner.message', runner, text }));
    child.onExit((code, _signal, detail) => {
      if (runners.get(runner) === child) runners.delete(runner);
      tell({ t: 'runner.exit', runner, code, detail });
    });
  }

  return {
    handle(request) {
      if (closed) return;
      switch (request.t) {
        case 'runner.spawn':
          return spawn(request.runner);
        case 'runner.send':
          return runners.get(request.runner)?.post(request.text);
        case 'runner.kill':
          return runners.get(request.runner)?.kill();
      }
    },
    closeAll() {
      closed = true;
      for (const child of runners.values()) child.kill();
      runners.clear();
    },
    get size() {
      return runners.size;
    },
  };
}
