// The host's side of a plugin runner (SPEC §5, issue 4 item 3): one warm process reused for every call,
// replaced lazily when it dies, with the plugins it had loaded re-loaded first. Every way plugin code
// can misbehave ends as a rejected call (or a failed load) here, never as harm to the host.
import type { LogLevel, NodeOutputs } from '../../../engine/index.js';
import type { CodeCall, LoadResult, PluginToLoad, RunCall, RunnerClient } from '../types.js';
import { abortError, CODE_PLUGIN, codeGoneError, describeCause, fromWire, goneError, RunnerError, toWire } from './errors.js';
import type { RunnerLauncher } from './launcher.js';
import { loadSet, type LoadOptions, type NumberedPlugin } from './loading.js';
import type { ChildToHost } from './protocol.js';
import { Runner, type Cause, type Culprit, type Outgoing, type Slot } from './runner.js';

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
  /**
   * Runs one attempt of a `core.code` node in the runner (child.mjs runs it in a fresh vm context) and
   * resolves with the code's return value. Rejects like `run`: the code's own error (message, code,
   * retryable kept), `PLUGIN_CRASHED` when the runner dies, the signal's reason when aborted; code that
   * does not stop within the kill grace after its abort (a busy loop) costs the runner, which is
   * replaced. Code calls are never quarantined: each is the user's code of the moment.
   */
  runCode(call: CodeCall, signal: AbortSignal, log: (level: LogLevel, message: string) => void): Promise<unknown>;
  /**
   * Starts the runner, if none is live, and runs a trivial code call in it, so that the next code call
   * pays neither the process start nor the first vm context's.
   */
  warm(): Promise<void>;
}

/** How long `warm` waits for its call (a cold start of Node takes tens of milliseconds). */
const WARM_TIMEOUT_MS = 10_000;

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
    if (culprit.plugin === CODE_PLUGIN) return;
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
    const message: Outgoing = {
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
    };
    return request<NodeOutputs>(runner, { plugin: call.plugin, what: call.type }, message, signal, log, {
      accept(m) {
        if (m.t === 'done' && m.outputs !== null && typeof m.outputs === 'object' && !Array.isArray(m.outputs)) return m.outputs;
        if (m.t === 'error') throw fromWire(m.error);
        throw new RunnerError(`plugin ${call.plugin} answered ${call.type} with a malformed message`, 'NODE_ERROR');
      },
      gone: (cause, culprit) => goneError(call.plugin, call.type, cause, culprit),
      unsendable: (why) => new RunnerError(`the inputs of ${call.type} cannot be passed to its plugin as JSON (${why})`, 'INVALID_INPUT', false),
    });
  }

  function runCode(call: CodeCall, signal: AbortSignal, log: (level: LogLevel, message: string) => void): Promise<unknown> {
    if (closed) return Promise.reject(new RunnerError('the code runner is closed', 'CANCELLED'));
    if (signal.aborted) return Promise.reject(abortError(signal));
    const send = (runner: Runner): Promise<unknown> => {
      if (signal.aborted) return Promise.reject(abortError(signal));
      if (!runner.alive) return Promise.reject(codeGoneError(runner.cause ?? { kind: 'closed' }, undefined, false));
      const message: Outgoing = {
        t: 'code',
        source: call.source,
        ...(call.input === undefined ? {} : { input: call.input }),
        attempt: call.attempt,
        nodeId: call.nodeId,
        runId: call.runId,
        workspaceId: call.workspaceId,
      };
      return request<unknown>(runner, { plugin: CODE_PLUGIN, what: `core.code node ${call.nodeId}` }, message, signal, log, {
        accept(m) {
          if (m.t === 'done' && m.outputs !== null && typeof m.outputs === 'object' && !Array.isArray(m.outputs)) return m.outputs.out;
          if (m.t === 'error') throw fromWire(m.error);
          throw new RunnerError('the code runner answered with a malformed message', 'NODE_ERROR');
        },
        gone: (cause, culprit, own) => codeGoneError(cause, culprit, own),
        unsendable: (why) =>
          new RunnerError(
            `The code's input cannot be passed to it (${why}). Pass plain data: objects, arrays, strings, numbers, booleans or null.`,
            'INVALID_INPUT',
            false,
          ),
      });
    };
    const runner = ensure();
    return runner instanceof Runner ? send(runner) : runner.then(send);
  }

  async function warm(): Promise<void> {
    // A trivial code call, not just a ping: the first vm context (and Node's lazily loaded fetch) cost
    // tens of milliseconds that would otherwise count against the first code node's timeout.
    const call: CodeCall = { source: 'return null;', attempt: 1, nodeId: 'warm-up', runId: 'warm-up', workspaceId: 'warm-up' };
    await runCode(call, AbortSignal.timeout(WARM_TIMEOUT_MS), () => undefined);
  }

  interface Answers<T> {
    /** The call's result from its answer; throws the call's error. */
    accept(m: ChildToHost): T;
    /** The error of a call whose runner died under it; `own` when its own code was to blame. */
    gone(cause: Cause, culprit: Culprit | undefined, own: boolean): Error;
    /** The error of a call whose message could not be serialised. */
    unsendable(why: string): Error;
  }

  /**
   * Sends one call to `runner` and settles it on its answer, its runner's death or its abort. An aborted
   * call rejects at once; code that honours its signal answers within the grace, code that does not (a
   * busy loop, a promise that ignores it) costs its runner, which is the only way to stop it.
   */
  function request<T>(
    runner: Runner,
    who: { plugin: string; what: string },
    message: Outgoing,
    signal: AbortSignal,
    log: (level: LogLevel, message: string) => void,
    answers: Answers<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
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
        plugin: who.plugin,
        what: who.what,
        log(level, text) {
          if (settled) return;
          try {
            log(level, text);
          } catch {
            // A failing logger is not the node's failure.
          }
        },
        answer(m) {
          if (!finish()) return;
          let value: T;
          try {
            value = answers.accept(m);
          } catch (error) {
            reject(error instanceof Error ? error : new RunnerError(String(error), 'NODE_ERROR'));
            return;
          }
          resolve(value);
        },
        gone(cause, culprit) {
          if (finish()) reject(answers.gone(cause, culprit, culprit?.slot === slot));
        },
      };
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        reject(abortError(signal));
        runner.abort(id, toWire(signal.reason));
        if (!runner.has(id)) return;
        let release = (): void => undefined;
        const hold = new Promise<void>((r) => (release = r));
        runner.holds.add(hold);
        releaseHold = () => {
          runner.holds.delete(hold);
          release();
        };
        grace = setTimeout(() => {
          if (runner.has(id)) runner.kill({ kind: 'abandoned', plugin: who.plugin, what: who.what });
          releaseHold();
        }, killGraceMs);
      };
      let id: number;
      try {
        id = runner.open(slot, message);
      } catch (error) {
        settled = true;
        reject(answers.unsendable(error instanceof Error ? error.message : String(error)));
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
    runCode,
    warm,
    quarantined: (plugin) => quarantine.get(plugin),
    forget(names) {
      for (const name of names) {
        remembered.delete(name);
        failures.delete(name);
      }
    },
  };
}
