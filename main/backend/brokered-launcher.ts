// The backend process's plugin runners, started by main. A utility process cannot start another one,
// and `child_process.fork` would need ELECTRON_RUN_AS_NODE, which the packaged app's RunAsNode fuse
// refuses; so the backend asks main (`runner.spawn`), main starts the runner as a utility process
// (main/electron/runner-broker.ts) and passes its messages along as text. To the runner client this is
// one more RunnerLauncher: the same calls, crashes, kills and memory watch as forkLauncher's.
import type { RunnerLauncher, RunnerProcess } from '../plugins/runner/launcher.js';
import { residentBytes } from '../plugins/runner/process-facts.js';
import type { RunnerNews, RunnerRequest } from './protocol.js';

export interface BrokeredLauncher extends RunnerLauncher {
  /** Takes main's news of one of this launcher's runners; news of an unknown or ended one is dropped. */
  deliver(news: RunnerNews): void;
}

interface Brokered {
  pid: number | undefined;
  ended: boolean;
  readonly messageListeners: Array<(message: unknown) => void>;
  readonly exitListeners: Array<(code: number | null, signal: string | null, detail: string) => void>;
}

/** `request` sends a request to main; it must not throw for a request JSON can carry. */
export function brokeredLauncher(request: (message: RunnerRequest) => void): BrokeredLauncher {
  const runners = new Map<number, Brokered>();
  let next = 1;

  return {
    launch(): RunnerProcess {
      const runner = next++;
      const entry: Brokered = { pid: undefined, ended: false, messageListeners: [], exitListeners: [] };
      runners.set(runner, entry);
      request({ t: 'runner.spawn', runner });
      return {
        get pid() {
          return entry.pid;
        },
        send(message) {
          // Serialised here, so that what JSON cannot hold throws to the caller, as fork's JSON IPC does.
          const text = JSON.stringify(message);
          if (entry.ended) return;
          request({ t: 'runner.send', runner, text });
        },
        onMessage(listener) {
          entry.messageListeners.push(listener);
        },
        onExit(listener) {
          entry.exitListeners.push(listener);
        },
        kill() {
          if (!entry.ended) request({ t: 'runner.kill', runner });
        },
        // Same machine, so the backend reads the runner's RSS itself once main has said its pid.
        memory: () => (entry.pid === undefined ? Promise.resolve(undefined) : residentBytes(entry.pid)),
      };
    },
    deliver(news) {
      const entry = runners.get(news.runner);
      if (entry === undefined || entry.ended) return;
      switch (news.t) {
        case 'runner.spawned':
          entry.pid = news.pid;
          return;
        case 'runner.message': {
          let message: unknown;
          try {
            message = JSON.parse(news.text);
          } catch {
            return; // a runner only sends JSON text; plugin code posting garbage is not worth a crash
          }
          for (const listener of entry.messageListeners) listener(message);
          return;
        }
        case 'runner.exit':
          entry.ended = true;
          runners.delete(news.runner);
          for (const listener of entry.exitListeners) listener(news.code, null, news.detail);
          return;
      }
    },
  };
}
