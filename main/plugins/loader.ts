// From a plugins folder to node types the engine can run: discover (manifests only, no code), load the
// discovered plugins in a runner process, and make one proxy node type per loaded node type whose `run`
// crosses to the runner. Bundled `core.*` nodes stay in process, they are the host's own code; a host
// with a runner passes a `core.code` whose user code runs there (code-in-runner.ts).
import { createRegistry, type NodeType, type NodeTypeRegistry } from '../../engine/index.js';
import { describeNodeType } from './describe.js';
import { discoverPlugins } from './discovery.js';
import type { DiscoveredPlugin, LoadResult, NodeTypeDescriptor, PluginReport, RunnerClient } from './types.js';

/** Defaults of SPEC §5: five plugins load at once, each import plus `init` bounded by 10 s. */
export const LOAD_DEFAULTS = { concurrency: 5, timeoutMs: 10_000 } as const;

export interface LoadOptions {
  /** The plugins folder; a missing folder means no plugins. */
  readonly dir: string | undefined;
  readonly strict?: boolean;
  readonly client: RunnerClient;
  /** The bundled node types (they keep their types against any plugin). */
  readonly bundled: readonly NodeType[];
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** The workspace whose runs these node types serve (runners never mix workspaces). */
  readonly workspaceId?: string;
}

export interface LoadedPlugins {
  /** One report per plugin, the bundled `core` first, then by folder name. */
  readonly reports: PluginReport[];
  /** Descriptors of every node type, bundled and loaded, for the palette. */
  readonly descriptors: NodeTypeDescriptor[];
  /** Bundled node types plus a proxy per loaded plugin node type. */
  readonly registry: NodeTypeRegistry & { list(): NodeType[] };
  /** Which plugin provides a node type (for export's `requires`). */
  pluginOf(type: string): { name: string; version: string } | undefined;
}

/**
 * A node type whose `run` happens in the runner; the engine sees an ordinary node type. It names the
 * generation it was loaded with, so a run that holds it keeps that code across a reload.
 */
function proxy(d: NodeTypeDescriptor, plugin: string, client: RunnerClient, workspaceId: string, generation: number | undefined): NodeType {
  const pinned = generation === undefined ? {} : { generation };
  const type: NodeType = {
    type: d.type,
    title: d.title,
    category: d.category,
    tags: d.tags,
    description: d.description,
    inputs: d.inputs,
    outputs: d.outputs,
    rawParams: d.rawParams,
    run: (ctx) =>
      client.run(
        { plugin, type: d.type, inputs: ctx.inputs, params: ctx.params, attempt: ctx.attempt, nodeId: ctx.nodeId, runId: ctx.runId, workspaceId, ...pinned },
        ctx.signal,
        (level, message) => ctx.log[level](message),
      ),
  };
  return d.params ? { ...type, params: d.params } : type;
}

function report(p: DiscoveredPlugin, status: PluginReport['status'], reason: string | undefined, nodes: string[]): PluginReport {
  const r: PluginReport = { name: p.name, version: p.version, status, warnings: [...p.warnings], nodes };
  if (reason !== undefined) r.reason = reason;
  if (p.manifest) {
    r.category = p.manifest.category;
    r.displayName = p.manifest.displayName;
    r.tags = [...p.manifest.tags];
  }
  return r;
}

/** Discovers and loads the plugins of `dir`; one bad plugin never stops the others. */
export async function loadPlugins(options: LoadOptions): Promise<LoadedPlugins> {
  const bundledTypes = new Set(options.bundled.map((t) => t.type));
  const discovered = options.dir ? discoverPlugins(options.dir, { strict: options.strict ?? false, bundledTypes }) : [];
  const toLoad = discovered.filter((p) => p.status === 'discovered' && p.manifest);
  const results = toLoad.length
    ? await options.client.load(
        toLoad.map((p) => ({ name: p.name, dir: p.dir, main: p.manifest!.main })),
        { timeoutMs: options.timeoutMs ?? LOAD_DEFAULTS.timeoutMs, concurrency: options.concurrency ?? LOAD_DEFAULTS.concurrency },
      )
    : [];
  return assemblePlugins({
    discovered,
    results: new Map(results.map((r) => [r.name, r])),
    bundled: options.bundled,
    client: options.client,
    workspaceId: options.workspaceId ?? 'default',
  });
}

export interface AssembleOptions {
  /** What discovery found, in its order. */
  readonly discovered: readonly DiscoveredPlugin[];
  /** The runner's answer for each plugin that was loaded (by name); a missing one counts as failed. */
  readonly results: ReadonlyMap<string, LoadResult>;
  readonly bundled: readonly NodeType[];
  readonly client: RunnerClient;
  readonly workspaceId: string;
}

/** Reports, descriptors and a registry from discovery and load results (loadPlugins and reloads). */
export function assemblePlugins(options: AssembleOptions): LoadedPlugins {
  const { discovered, results: byName, workspaceId } = options;
  const coreReport: PluginReport = {
    name: 'core',
    version: 'bundled',
    status: 'loaded',
    warnings: [],
    nodes: options.bundled.map((t) => t.type),
    bundled: true,
  };
  const reports: PluginReport[] = [coreReport];
  const descriptors = options.bundled.map((t) => describeNodeType(t, 'core'));
  const types: NodeType[] = [...options.bundled];
  const providers = new Map<string, { name: string; version: string }>();

  for (const p of discovered) {
    if (p.status === 'refused' || !p.manifest) {
      reports.push(report(p, 'refused', p.reason, [...(p.manifest?.nodes ?? [])]));
      continue;
    }
    const loaded = byName.get(p.name);
    if (!loaded || loaded.status === 'failed') {
      const r = report(p, 'failed', loaded?.reason ?? 'the runner did not load it', [...p.manifest.nodes]);
      if (loaded) r.durationMs = loaded.durationMs;
      reports.push(r);
      continue;
    }
    // A plugin provides exactly what its manifest declares: an extra type was not checked for
    // duplicates before loading, and a declared type it does not export cannot be run.
    const exported = new Map(loaded.nodes.map((d) => [d.type, d]));
    const warnings = [...p.warnings];
    const nodes: string[] = [];
    for (const typeName of p.manifest.nodes) {
      const d = exported.get(typeName);
      if (!d) {
        warnings.push(`declares ${typeName} but does not export it`);
        continue;
      }
      nodes.push(typeName);
      const described = { ...d, plugin: p.name };
      descriptors.push(described);
      types.push(proxy(described, p.name, options.client, workspaceId, loaded.generation));
      providers.set(typeName, { name: p.name, version: p.version });
    }
    for (const d of loaded.nodes) if (!p.manifest.nodes.includes(d.type)) warnings.push(`exports ${d.type}, which its manifest does not declare: ignored`);
    const r = report(p, 'loaded', undefined, nodes);
    r.warnings = warnings;
    r.durationMs = loaded.durationMs;
    reports.push(r);
  }
  return { reports, descriptors, registry: createRegistry(types), pluginOf: (type) => providers.get(type) };
}
