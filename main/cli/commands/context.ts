import type { NodeTypeRegistry, WorkflowDocument } from '../../../engine/index.js';
import type { NodeTypeDescriptor, PluginReport } from '../../plugins/types.js';
import type { CliIo } from '../io.js';

/** What every command gets: the outside world, and the node types it may use. */
export interface CommandContext {
  readonly io: CliIo;
  /** The node types a workflow may use: the bundled ones, `core.code` running in the command's runner. */
  readonly registry: () => NodeTypeRegistry;
  /** Gets slow-starting node resources (the code runner process) ready before a run of `document`. */
  readonly prepareNodeResources: (document: WorkflowDocument) => Promise<void>;
  /** Discovers and loads the plugins of a folder into the command's runner; `close` stops the runner. */
  readonly loadPlugins: (options: { dir: string; strict?: boolean }) => Promise<CliPlugins>;
  /** Frees what running nodes left behind (stops the runner), so the process can exit. */
  readonly disposeNodeResources: () => Promise<void>;
}

/** Plugins loaded for one command: their reports, the node types with them, and how to stop the runner. */
export interface CliPlugins {
  readonly reports: readonly PluginReport[];
  readonly descriptors: readonly NodeTypeDescriptor[];
  readonly registry: NodeTypeRegistry;
  close(): Promise<void>;
}

/** A `weft` command: its name, one line of usage and what it does. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** False for commands that a later version brings (listed in help, refused with exit 2). */
  readonly available: boolean;
  /** More forms of the command, each a row of its own in the general help. */
  readonly alsoUsage?: ReadonlyArray<{ readonly usage: string; readonly summary: string }>;
  run(args: readonly string[], ctx: CommandContext): Promise<number>;
}
