// The host's side of a plugin runner (SPEC §5, issue 4 item 3): one warm process reused for every call,
// replaced lazily when it dies, with the plugins it had loaded re-loaded first. Every way plugin code
// can misbehave ends as a rejected call (or a failed load) here, never as harm to the host.
import type { LogLevel, NodeOutputs } from '../../../engine/index.js';
import type { LoadResult, PluginToLoad, RunCall, RunnerClient } from '../types.js';
import { abortError, describeCause, fromWire, goneError, RunnerError, toWire } from './errors.js';
import type { RunnerLauncher } from './launcher.js';
import { loadSet, type LoadOptions, type NumberedPlugin } from './loading.js';
import { Runner, type Cause, type Culprit, type Slot } from './runner.js';

export interface RunnerClientOptions {
  /** How long an aborted call may take to stop before its runner is killed (default 100 ms). */
  killGraceMs?: number;
  /** Runner deaths a plugin may cause before it is quarantined (default 3). */
  maxCrashes?: number;
  /** Resident memory limit of the runner, heap and Buffers together (default 1024 MB; 0 = unwatched). */
  rssLimitMb?: number;
  /** How often RSS is read (default 500 ms). */
  rssPollMs?: number;
  /** How long a runner may take to answer a ping before it counts as stuck (default 250 ms). */
  pingTimeoutMs?: number;
  /** Log lines from plugin code outside a call: `init`, stray timers. */
  onLog?: (plugin: string | undefined, level: LogLevel, message: string) => void;
}

export interface PluginRunnerClient extends RunnerClient {
  /** The live runner's process id (undefined before the first call and after a death). */
  readonly pid: number | undefined;
  /** Why a plugin is quarantined, if it is. */
  quarantined(plugin: string): string | undefined;
  /**
   * Stops remembering plugins (they were removed from the plugins folder): a replacement runner no
   * longer loads them. Code already loaded stays in the live runner for calls that name its generation.
   */
  forget(plugins: readonly string[]): void;
}

export function createRunnerClient(launcher: RunnerLauncher, options: RunnerClientOptions = {}): PluginRunnerClient {
  const killGraceMs = options.killGraceMs ?? 100;
  const maxCrashes = options.maxCrashes ?? 3;
  const pingTimeoutMs = options.pingTimeoutMs ?? 250;
  const runnerOptions = {
    rssLimitMb: options.rssLimitMb ?? 1024,
    rssPollMs: options.rssPollMs ?? 500,
    onLog: (plugin: string | undefined, level: LogLevel, message: string): void => {
      try {
        options.onLog?.(plugin, level, message);
      } catch {
        // A failing logger is not the plugin's failure.
      }
    },
    onGone,
  };

  let current: Runner | undefined;
  let starting: Promise<Runner> | undefined;
  let closed = false;
  /** Plugins that loaded, by name: what a replacement runner loads before it serves calls. */
  const remembered = new Map<string, NumberedPlugin>();
  /** The last generation handed out per plugin: every load of a plugin gets the next one. */
  const generations = new Map<string, number>();
  let loadOptions: LoadOptions = { timeoutMs: 10_000, concurrency: 5 };
  const failures = new Map<string, string>();
  const crashes = new Map<string, number>();
  const quarantine = new Map<string, string>();

  function onGone(runner: Runner, cause: Cause, culprit: Culprit | undefined): void {
    if (current === runner) current = undefined;
    // Only deaths plugin code caused count towards quarantine; a forced stop after an ignored abort is
    // the price of a busy loop, not a crash (the node's own timeout already failed it).
    if (culprit === undefined || (cause.kind !== 'exit' && cause.kind !== 'memory')) return;
    const count = (crashes.get(culprit.plugin) ?? 0) + 1;
    crashes.set(culprit.plugin, count);
    if (count >= maxCrashes) {
      quarantine.set(
        culprit.plugin,
        `plugin ${culprit.plugin} is quarantined: it crashed its runner ${count} times (last: ${culprit.what}, its runner ${describeCause(cause)})`,
      );
    }
  }

  function spawn(): Runner {
    const runner = new Runner(launcher.launch(), runnerOptions);
    current = runner;
    return runner;
  }

  /** The live runner, or a new one with the remembered plugins loaded into it first. */
  function ensure(): Runner | Promise<Runner> {
    // While an aborted call may still be spinning, the runner may be stuck: new calls wait out the grace
    // (at most killGraceMs) instead of landing on a runner about to be killed.
    if (current !== undefined && current.holds.size > 0) return Promise.all(current.holds).then(ensure);
    if (current?.alive === true && starting === undefined) return current;
    if (closed) return Promise.reject(new RunnerError('the plugin runner is closed', 'CANCELLED'));
    starting ??= (async () => {
      const runner = current?.alive === true ? current : spawn();
      if (remembered.size > 0) {
        // A plugin that fails to re-load stays remembered: the next replacement tries it again.
        // Under their remembered generations: the latest code on disk stands in for the latest load.
        const settled = (_plugin: NumberedPlugin, result: LoadResult): void => {
          if (result.status === 'failed') failures.set(result.name, result.reason ?? 'failed');
        };
        await loadSet({ runner: () => runner, pingTimeoutMs, settled }, [...remembered.values()], loadOptions);
      }
      return runner;
    })().finally(() => (starting = undefined));
    return starting;
  }

  async function load(plugins: readonly PluginToLoad[], opts: LoadOptions): Promise<LoadResult[]> {
    if (closed) throw new RunnerError('the plugin runner is closed', 'CANCELLED');
    loadOptions = { timeoutMs: opts.timeoutMs, concurrency: opts.concurrency };
    const numbered = plugins.map((plugin): NumberedPlugin => {
      const generation = (generations.get(plugin.name) ?? 0) + 1;
      generations.set(plugin.name, generation);
      return { name: plugin.name, dir: plugin.dir, main: plugin.main, generation };
    });
    const settled = (plugin: NumberedPlugin, result: LoadResult): void => {
      if (result.status === 'loaded') {
        remembered.set(plugin.name, plugin);
        failures.delete(plugin.name);
      } else {
        remembered.delete(plugin.name);
        failures.set(plugin.name, result.reason ?? 'failed');
      }
    };
    const results = await loadSet({ runner: ensure, pingTimeoutMs, settled }, numbered, loadOptions);
    return plugins.map(
      (plugin) => results.get(plugin.name) ?? { name: plugin.name, status: 'failed', reason: 'not loaded', nodes: [], durationMs: 0 },
    );
  }

  function run(call: RunCall, signal: AbortSignal, log: (level: LogLevel, message: string) => void): Promise<NodeOutputs> {
    if (closed) return Promise.reject(new RunnerError('the plugin runner is closed', 'CANCELLED'));
    const quarantined = quarantine.get(call.plugin);
    if (quarantined !== undefined) return Promise.reject(new RunnerError(quarantined, 'PLUGIN_CRASHED', false));
    if (signal.aborted) return Promise.reject(abortError(signal));
    const runner = ensure();
    // The warm path stays synchronous up to the send: no process start, no extra turn of the loop.
    return runner instanceof Runner ? dispatch(runner, call, signal, log) : runner.then((r) => dispatch(r, call, signal, log));
  }

  function dispatch(runner: Runner, call: RunCall, signal: AbortSignal, log: (level: LogLevel, message: string) => void): Promise<NodeOutputs> {
    if (signal.aborted) return Promise.reject(abortError(signal));
    if (!runner.alive) {
      const cause = runner.cause ?? { kind: 'closed' };
      return Promise.reject(goneError(call.plugin, call.type, cause, undefined));
    }
    const latest = runner.loaded.get(call.plugin);
    const types = call.generation === undefined ? latest : runner.generations.get(call.plugin)?.get(call.generation);
    if (types === undefined && latest !== undefined) {
      return Promise.reject(
        new RunnerError(`generation ${call.generation} of plugin ${call.plugin} is no longer loaded (the plugin was reloaded since)`, 'PLUGIN_NOT_LOADED', false),
      );
    }
    if (types === undefined) {
      const why = failures.get(call.plugin);
      return Promise.reject(new RunnerError(`plugin ${call.plugin} is not loaded${why === undefined ? '' : `: ${why}`}`, 'PLUGIN_NOT_LOADED', false));
    }
    if (!types.has(call.type)) {
      return Promise.reject(new RunnerError(`plugin ${call.plugin} has no node type ${call.type}`, 'NODE_ERROR', false));
    }
    return new Promise<NodeOutputs>((resolve, reject) => {
      let settled = false;
      let grace: ReturnType<typeof setTimeout> | undefined;
      let releaseHold = (): void => undefined;
      const finish = (): boolean => {
        signal.removeEventListener('abort', onAbort);
        clearTimeout(grace);
        releaseHold();
        if (settled) return false;
        settled = true;
        return true;
      };
      const slot: Slot = {
        kind: 'run',
        plugin: call.plugin,
        what: call.type,
        log(level, message) {
          if (settled) return;
          try {
            log(level, message);
          } catch {
            // A failing logger is not the node's failure.
          }
        },
        answer(m) {
          if (!finish()) return;
          if (m.t === 'done' && m.outputs !== null && typeof m.outputs === 'object' && !Array.isArray(m.outputs)) resolve(m.outputs);
          else if (m.t === 'error') reject(fromWire(m.error));
          else reject(new RunnerError(`plugin ${call.plugin} answered ${call.type} with a malformed message`, 'NODE_ERROR'));
        },
        gone(cause, culprit) {
          if (finish()) reject(goneError(call.plugin, call.type, cause, culprit));
        },
      };
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        reject(abortError(signal));
        runner.abort(id, toWire(signal.reason));
        // Code that honours its signal answers within the grace; code that does not (a busy loop, a
        // promise that ignores it) costs its runner, which is the only way to stop it.
        if (!runner.has(id)) return;
        let release = (): void => undefined;
        const hold = new Promise<void>((r) => (release = r));
        runner.holds.add(hold);
        releaseHold = () => {
          runner.holds.delete(hold);
          release();
        };
        grace = setTimeout(() => {
          if (runner.has(id)) runner.kill({ kind: 'abandoned', plugin: call.plugin, what: call.type });
          releaseHold();
        }, killGraceMs);
      };
      let id: number;
      try {
        id = runner.open(slot, {
          t: 'run',
          plugin: call.plugin,
          type: call.type,
          inputs: call.inputs,
          params: call.params,
          attempt: call.attempt,
          nodeId: call.nodeId,
          runId: call.runId,
          workspaceId: call.workspaceId,
          ...(call.generation === undefined ? {} : { generation: call.generation }),
        });
      } catch (error) {
        settled = true;
        const why = error instanceof Error ? error.message : String(error);
        reject(new RunnerError(`the inputs of ${call.type} cannot be passed to its plugin as JSON (${why})`, 'INVALID_INPUT', false));
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  async function close(): Promise<void> {
    closed = true;
    const runner = current;
    current = undefined;
    if (runner === undefined) return;
    // Held until it has exited, so that a caller awaiting close() sees it through (an idle runner is
    // unref'd, and a host with nothing else to do would otherwise stop waiting mid-await).
    runner.proc.ref?.();
    runner.kill({ kind: 'closed' });
    await Promise.race([runner.exited, new Promise<void>((r) => setTimeout(r, 1_000).unref())]);
  }

  return {
    load,
    run,
    close,
    get pid() {
      return current?.alive === true ? current.pid : undefined;
    },
    quarantined: (plugin) => quarantine.get(plugin),
    forget(names) {
      for (const name of names) {
        remembered.delete(name);
        failures.delete(name);
      }
    },
  };
}
