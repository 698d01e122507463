// Loading plugins into a runner: at most `concurrency` at a time, each bounded by a timeout the HOST
// enforces (the runner may be the thing that is stuck). One bad plugin never stops the others.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { LoadResult, NodeTypeDescriptor, PluginToLoad } from '../types.js';
import { describeCause } from './errors.js';
import type { Runner, Slot } from './runner.js';

export interface LoadOptions {
  readonly timeoutMs: number;
  readonly concurrency: number;
}

export interface LoadContext {
  /** The runner to load into: the live one, or a replacement when a load killed it. */
  runner(): Runner | Promise<Runner>;
  /** How long a runner may take to answer a ping before it counts as stuck. */
  readonly pingTimeoutMs: number;
  /** Hears each final result as it comes, so that a replacement runner started mid-way re-loads it. */
  settled(plugin: NumberedPlugin, result: LoadResult): void;
}

/** A plugin to load, numbered by the client: its code is generation `generation` of that plugin. */
export type NumberedPlugin = PluginToLoad & { readonly generation?: number };

/** A plugin whose load was lost with its runner while others were loading too: it may be innocent. */
type Outcome = LoadResult | 'suspect';

export async function loadSet(
  context: LoadContext,
  plugins: readonly NumberedPlugin[],
  options: LoadOptions,
): Promise<Map<string, LoadResult>> {
  const results = new Map<string, LoadResult>();
  const suspects: NumberedPlugin[] = [];
  let next = 0;
  const finish = (plugin: NumberedPlugin, result: LoadResult): void => {
    results.set(plugin.name, result);
    context.settled(plugin, result);
  };
  const lane = async (): Promise<void> => {
    for (let plugin = plugins[next++]; plugin !== undefined; plugin = plugins[next++]) {
      const outcome = await loadOne(context, plugin, options.timeoutMs, false);
      if (outcome === 'suspect') suspects.push(plugin);
      else finish(plugin, outcome);
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, plugins.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  // A runner that died (or hung) with several loads open cannot say whose code did it: each suspect is
  // tried again on its own, and whoever kills a runner alone is the culprit.
  for (const plugin of suspects) {
    const outcome = await loadOne(context, plugin, options.timeoutMs, true);
    finish(plugin, outcome === 'suspect' ? failed(plugin, 'its runner died while it loaded', 0) : outcome);
  }
  return results;
}

async function loadOne(context: LoadContext, plugin: NumberedPlugin, timeoutMs: number, alone: boolean): Promise<Outcome> {
  const runner = await context.runner();
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  if (!runner.alive) return failed(plugin, `its runner ${runner.cause ? describeCause(runner.cause) : 'is gone'}`, 0);
  const url = pathToFileURL(resolve(plugin.dir, plugin.main)).href;
  return new Promise<Outcome>((settle) => {
    let timedOut = false;
    const done = (outcome: Outcome): void => {
      clearTimeout(timer);
      settle(outcome);
    };
    const stage = (): string => (slot.phase === 'init' ? 'init' : 'loading');
    const slot: Slot = {
      kind: 'load',
      plugin: plugin.name,
      what: 'loading',
      answer(m) {
        if (m.t === 'loaded' && Array.isArray(m.nodes)) {
          const nodes = m.nodes.filter(isDescriptor);
          runner.recordLoad(plugin.name, plugin.generation, new Set(nodes.map((n) => n.type)));
          const result: LoadResult = { name: plugin.name, status: 'loaded', nodes, durationMs: elapsed() };
          done(plugin.generation === undefined ? result : { ...result, generation: plugin.generation });
        } else {
          done(failed(plugin, m.t === 'failed' ? String(m.reason) : `unexpected answer ${m.t}`, elapsed()));
        }
      },
      gone(cause, culprit) {
        if (alone || culprit?.slot === slot) {
          const why = timedOut ? `${stage()} timed out after ${timeoutMs} ms and blocked its runner, which was replaced` : `its runner ${describeCause(cause)} while it loaded`;
          done(failed(plugin, why, elapsed()));
        } else done('suspect');
      },
    };
    const id = runner.open(slot, { t: 'load', name: plugin.name, url, ...(plugin.generation === undefined ? {} : { generation: plugin.generation }) });
    const timer = setTimeout(() => {
      // Over time. A runner that still answers is merely waiting on this plugin (an `init` that never
      // resolves): fail the plugin, keep the runner. One that does not answer is stuck in plugin code.
      void runner.ping(context.pingTimeoutMs).then((responsive) => {
        if (!runner.has(id)) return;
        if (responsive) {
          runner.close(id);
          done(failed(plugin, `${stage()} timed out after ${timeoutMs} ms`, elapsed()));
        } else {
          timedOut = true;
          runner.kill({ kind: 'stuck' });
        }
      });
    }, timeoutMs);
  });
}

function failed(plugin: PluginToLoad, reason: string, durationMs: number): LoadResult {
  return { name: plugin.name, status: 'failed', reason, nodes: [], durationMs };
}

function isDescriptor(value: unknown): value is NodeTypeDescriptor {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}
