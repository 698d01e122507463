/**
 * The plugin SDK: the only module a Weft plugin imports. It names the shapes the engine expects and
 * offers identity helpers that give plugin authors type checking without changing any value.
 */
import type { NodeLogger, NodeType } from '../../engine/model/node-type.js';

export type {
  JsonSchema,
  LogLevel,
  NodeLogger,
  NodeOutputs,
  NodeRunContext,
  NodeType,
  PortSpec,
  PortType,
} from '../../engine/model/node-type.js';
export type { RunErrorCode } from '../../engine/run/errors.js';
/** An error with a `code` and whether a retry could help; throw it from `run` to control retries. */
export { NodeRunError } from '../../engine/run/errors.js';

/** The plugin API version this SDK describes (the manifest's `weft.apiVersion`). */
export const PLUGIN_API_VERSION = 1;

/** Every `weft.apiVersion` a host built with this SDK can load. */
export const SUPPORTED_API_VERSIONS: readonly number[] = [1];

/** What a plugin's `init` receives: its own logger and the name the host knows it by. */
export interface PluginInitContext {
  readonly log: NodeLogger;
  readonly pluginName: string;
}

/** A plugin module's default export: an optional `init` and the node types it contributes. */
export interface WeftPlugin {
  /** Runs once after loading, bounded by the host's init timeout; a throw fails the plugin's load. */
  init?(ctx: PluginInitContext): Promise<void> | void;
  // Each node has its own params type; the engine checks params against the node's schema before `run`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly nodes: readonly NodeType<any>[];
}

/** Declares a node type; returns it unchanged. Give `P` (the params type) to type `ctx.params`. */
export function defineNode<P = Record<string, unknown>>(def: NodeType<P>): NodeType<P> {
  return def;
}

/** Declares a plugin; returns it unchanged. */
export function definePlugin(plugin: WeftPlugin): WeftPlugin {
  return plugin;
}
