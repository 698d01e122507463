// Shared shapes of plugin discovery, loading and the runner processes. Plugin code never runs in the
// host: the host reads manifests, and a runner process imports the code and runs its nodes.
import type { LogLevel, NodeOutputs } from '../../engine/index.js';
import type { NodeTypeDescriptor } from '../../preload/contract.js';

export type { NodeTypeDescriptor };

/** The `weft` key of a plugin's package.json, after validation (defaults filled in loose mode). */
export interface PluginManifest {
  readonly apiVersion: number;
  readonly main: string;
  readonly displayName: string;
  readonly category: string;
  readonly tags: readonly string[];
  /** Node types the plugin declares, in manifest order. */
  readonly nodes: readonly string[];
}

/** A plugin folder as discovery found it, before any of its code ran. */
export interface DiscoveredPlugin {
  /** Package name, or the folder name when package.json cannot be read. */
  readonly name: string;
  readonly version: string;
  /** Absolute path of the plugin folder. */
  readonly dir: string;
  /** The folder's name (duplicates are resolved by it). */
  readonly folder: string;
  readonly manifest?: PluginManifest;
  /** `refused` plugins are never loaded; `reason` says why. */
  readonly status: 'discovered' | 'refused';
  readonly reason?: string;
  readonly warnings: readonly string[];
}

/** What `weft plugins --json` prints per plugin (SPEC §6), plus timings and category. */
export interface PluginReport {
  name: string;
  version: string;
  status: 'loaded' | 'failed' | 'refused';
  reason?: string;
  warnings: string[];
  /** Node types in manifest order. */
  nodes: string[];
  category?: string;
  /** The manifest's display name and tags, for search and filters in the catalog. */
  displayName?: string;
  tags?: string[];
  bundled?: boolean;
  durationMs?: number;
}

/** A plugin to load in a runner: where its main module is. */
export interface PluginToLoad {
  readonly name: string;
  readonly dir: string;
  /** Path of the main module relative to `dir`. */
  readonly main: string;
}

/** What a runner answers for one plugin it was asked to load. */
export interface LoadResult {
  readonly name: string;
  readonly status: 'loaded' | 'failed';
  readonly reason?: string;
  /** Descriptors of the node types the module exported (serialisable: no functions). */
  readonly nodes: readonly NodeTypeDescriptor[];
  readonly durationMs: number;
  /**
   * Which load of the plugin in its runner this was (1, 2, … per plugin and client): a call naming it
   * runs that code even after a later reload. Absent from clients that do not number their loads.
   */
  readonly generation?: number;
}

/** One node attempt to run in a runner. Only JSON crosses the boundary. */
export interface RunCall {
  readonly plugin: string;
  readonly type: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly params: Readonly<Record<string, unknown>>;
  readonly attempt: number;
  readonly nodeId: string;
  readonly runId: string;
  readonly workspaceId: string;
  /**
   * The load (LoadResult.generation) whose code runs the call, so that a run keeps the code it started
   * with across a reload; the latest when absent. A generation the runner no longer holds fails the
   * call with `PLUGIN_NOT_LOADED`.
   */
  readonly generation?: number;
}

/** One attempt of a `core.code` node, to run in a runner (SPEC §2). Only JSON crosses the boundary. */
export interface CodeCall {
  /** The body of an async function of `(input, ctx)`. */
  readonly source: string;
  /** The value on the node's `in` port; absent (undefined) when it received nothing. */
  readonly input?: unknown;
  readonly attempt: number;
  readonly nodeId: string;
  readonly runId: string;
  readonly workspaceId: string;
}

/** The host's side of a runner process (or of a replacement, after a crash). */
export interface RunnerClient {
  /**
   * Loads plugins in the runner, at most `concurrency` at a time, each bounded by `timeoutMs` for its
   * import and `init`. One bad plugin never stops the others. Remembered, so a replacement runner
   * loads the same set before serving calls.
   */
  load(plugins: readonly PluginToLoad[], options: { timeoutMs: number; concurrency: number }): Promise<LoadResult[]>;
  /**
   * Runs one attempt. Rejects with an error whose `code` is `PLUGIN_CRASHED` when the runner dies,
   * `CANCELLED`/`TIMEOUT` (the signal's reason) when aborted, or the plugin's own error (message, code,
   * retryable kept). A runner that does not stop within a grace period after the abort is killed and
   * replaced.
   */
  run(call: RunCall, signal: AbortSignal, log: (level: LogLevel, message: string) => void): Promise<NodeOutputs>;
  /** Stops the runner. */
  close(): Promise<void>;
}
