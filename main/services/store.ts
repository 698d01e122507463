import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NodeTypeRegistry } from '../../engine/index.js';
import { immediate, openDatabase, type Db } from '../db/connection.js';
import { markRunningAsInterrupted } from '../db/runs.repo.js';
import { ensureDefaultWorkspace, type Workspace } from './workspaces.service.js';

/** What the store knows of installed plugins, for export's `requires` and import's check. */
export interface PluginCatalog {
  /** The plugin that contributes a node type, if an installed one does. */
  pluginOf(type: string): { name: string; version?: string } | undefined;
  /** An installed plugin by package name. */
  installed(plugin: string): { version: string } | undefined;
}

/** What the services work over: the database, the node types documents are validated against, plugins. */
export interface Store {
  readonly db: Db;
  /** The node types of every workspace, unless `registryFor` gives a workspace its own. */
  readonly registry: NodeTypeRegistry;
  readonly plugins?: PluginCatalog;
  /**
   * The node types of one workspace (its plugins load in its own runner, issue 4 item 3). Called at
   * each validation and compile, so a reload of the workspace's plugins is seen by the next one.
   */
  registryFor?(workspaceId: string): NodeTypeRegistry;
  /** The plugins of one workspace, for export's `requires` and import's check. */
  pluginsFor?(workspaceId: string): PluginCatalog | undefined;
}

/** The node types a workspace's documents are validated and compiled against. */
export function registryOf(store: Store, workspaceId: string): NodeTypeRegistry {
  return store.registryFor?.(workspaceId) ?? store.registry;
}

/** The plugins installed for a workspace. */
export function pluginsOf(store: Store, workspaceId: string): PluginCatalog | undefined {
  return store.pluginsFor?.(workspaceId) ?? store.plugins;
}

export interface OpenStore extends Store {
  readonly dataDir: string;
  readonly defaultWorkspace: Workspace;
  /** Runs found `running` at open (the last process died mid-run), now `interrupted`. */
  readonly interruptedRuns: number;
  close(): void;
}

/** The data folder: `--data-dir`, else `$WEFT_HOME`, else `~/.weft`. (Electron passes its user-data folder.) */
export function resolveDataDir(opts: {
  dataDir?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
}): string {
  if (opts.dataDir) return resolve(opts.dataDir);
  const home = opts.env.WEFT_HOME;
  if (home) return resolve(home);
  return join(homedir(), '.weft');
}

/** Name of the database file in the data folder. */
export const DATABASE_FILE = 'weft.db';

/**
 * Opens the store in a data folder (created if missing): opens `weft.db` (migrating it), marks runs a
 * dead process left `running` as `interrupted`, and makes sure the Default workspace exists.
 */
export function openStore(opts: {
  dataDir: string;
  registry: NodeTypeRegistry;
  plugins?: PluginCatalog;
}): OpenStore {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE));
  try {
    // No run can be in progress yet: this process has not started any.
    const interruptedRuns = immediate(db, () => markRunningAsInterrupted(db, Date.now()));
    const base: Store = opts.plugins
      ? { db, registry: opts.registry, plugins: opts.plugins }
      : { db, registry: opts.registry };
    const defaultWorkspace = ensureDefaultWorkspace(base);
    return { ...base, dataDir: opts.dataDir, defaultWorkspace, interruptedRuns, close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}
