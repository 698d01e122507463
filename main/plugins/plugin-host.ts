// The plugins of one workspace, kept current (issue 4 item 4): one runner client per host, so no state
// is shared between workspaces; `reload` re-reads the plugins folder and loads what changed, and
// `watch` does that by itself when the folder changes. Every load of a plugin is a new generation in
// the runner; the proxies of a registry name the generation they were loaded with, so a run that holds
// a registry keeps the code it started with while later runs see the new code.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NodeType } from '../../engine/index.js';
import { discoverPlugins } from './discovery.js';
import { assemblePlugins, LOAD_DEFAULTS, type LoadedPlugins } from './loader.js';
import { createRunnerClient, forkLauncher, type PluginRunnerClient, type RunnerClientOptions, type RunnerLauncher } from './runner/index.js';
import type { LoadResult } from './types.js';

export type { LoadedPlugins };

export interface PluginHostOptions {
  /** The plugins folder; undefined or a missing folder means no plugins (a folder made later is seen). */
  readonly dir: string | undefined;
  readonly strict?: boolean;
  /** The bundled node types (they keep their types against any plugin). */
  readonly bundled: readonly NodeType[];
  /** How runner processes start (default `child_process.fork`). */
  readonly launcher?: RunnerLauncher;
  /** The workspace whose runs these plugins serve. */
  readonly workspaceId: string;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** Options of the host's runner client (kill grace, RSS limit, logs…). */
  readonly runner?: RunnerClientOptions;
  /** Quiet time after the last change in the folder before a watched reload starts (default 200 ms). */
  readonly debounceMs?: number;
  /** How often the folder is scanned when `fs.watch` cannot be used (default 1000 ms). */
  readonly pollMs?: number;
  /** Scan instead of `fs.watch` even where it works (tests of the fallback, network drives). */
  readonly poll?: boolean;
  /** Hears what goes wrong in a watched reload (default: a warning on stderr). Never thrown. */
  readonly onError?: (error: Error) => void;
}

export interface ReloadOptions {
  /** Load every plugin again, not only those whose files changed or that are new. */
  readonly force?: boolean;
}

export interface PluginHost {
  /** The plugins as of the last reload (only the bundled node types before the first). */
  current(): LoadedPlugins;
  /**
   * Discovers again and loads what is new or changed (each such load is a new generation); unchanged
   * plugins keep their loaded code, removed ones leave the registry. Concurrent calls share one
   * reload queued behind a running one.
   */
  reload(options?: ReloadOptions): Promise<LoadedPlugins>;
  /**
   * Reloads (debounced) whenever the plugins folder changes, ignoring node_modules and dot-folders;
   * `onChange` hears every completed reload while subscribed. Returns the unsubscribe function. The
   * watcher does not keep the process alive.
   */
  watch(onChange?: (loaded: LoadedPlugins) => void): () => void;
  /**
   * The host's runner client (read only: the host owns it and `close` stops it). Other code of the
   * same workspace — `core.code` — may run in it, so the workspace keeps one runner process.
   */
  readonly runner: PluginRunnerClient;
  /** Stops watching and the runner. */
  close(): Promise<void>;
}

/** What the host knows of a plugin it asked the runner to load. */
interface Known {
  readonly fingerprint: string;
  readonly dir: string;
  readonly main: string;
  readonly result: LoadResult;
}

export function createPluginHost(options: PluginHostOptions): PluginHost {
  const client: PluginRunnerClient = createRunnerClient(options.launcher ?? forkLauncher(), options.runner ?? {});
  const bundledTypes = new Set(options.bundled.map((t) => t.type));
  const debounceMs = options.debounceMs ?? 200;
  const pollMs = options.pollMs ?? 1_000;
  const dir = options.dir === undefined ? undefined : path.resolve(options.dir);
  const reportError =
    options.onError ??
    ((error: Error): void => {
      console.warn(`weft: reloading plugins failed: ${error.message}`);
    });

  let loaded = assemblePlugins({ discovered: [], results: new Map(), bundled: options.bundled, client, workspaceId: options.workspaceId });
  const known = new Map<string, Known>();
  const listeners = new Set<(loaded: LoadedPlugins) => void>();
  let closed = false;

  // One reload at a time; calls while one runs share the next one.
  let chain: Promise<unknown> = Promise.resolve();
  let queued: Promise<LoadedPlugins> | undefined;
  let queuedForce = false;

  function reload(reloadOptions: ReloadOptions = {}): Promise<LoadedPlugins> {
    if (closed) return Promise.reject(new Error('the plugin host is closed'));
    if (reloadOptions.force === true) queuedForce = true;
    if (queued !== undefined) return queued;
    const next = chain.then(() => {
      queued = undefined;
      const force = queuedForce;
      queuedForce = false;
      return reloadNow(force);
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  }

  async function reloadNow(force: boolean): Promise<LoadedPlugins> {
    if (closed) throw new Error('the plugin host is closed');
    const discovered = dir === undefined ? [] : discoverPlugins(dir, { strict: options.strict ?? false, bundledTypes });
    const results = new Map<string, LoadResult>();
    const toLoad: Array<{ name: string; dir: string; main: string; fingerprint: string }> = [];
    const present = new Set<string>();
    for (const p of discovered) {
      if (p.status !== 'discovered' || p.manifest === undefined) continue;
      present.add(p.name);
      const fingerprint = fingerprintOf(p.dir);
      const before = known.get(p.name);
      if (!force && before !== undefined && before.fingerprint === fingerprint && before.dir === p.dir && before.main === p.manifest.main) {
        results.set(p.name, before.result);
      } else {
        toLoad.push({ name: p.name, dir: p.dir, main: p.manifest.main, fingerprint });
      }
    }
    const gone = [...known.keys()].filter((name) => !present.has(name));
    for (const name of gone) known.delete(name);
    // A removed (or now refused) plugin is not loaded into a replacement runner; calls of runs that
    // started with it still reach the code the live runner holds.
    if (gone.length > 0) client.forget(gone);
    if (toLoad.length > 0) {
      const answers = await client.load(
        toLoad.map(({ name, dir: pluginDir, main }) => ({ name, dir: pluginDir, main })),
        { timeoutMs: options.timeoutMs ?? LOAD_DEFAULTS.timeoutMs, concurrency: options.concurrency ?? LOAD_DEFAULTS.concurrency },
      );
      for (const [i, answer] of answers.entries()) {
        const plugin = toLoad[i];
        if (plugin === undefined) continue;
        results.set(answer.name, answer);
        // Failed loads are remembered too: an unchanged broken plugin is not retried on every change
        // elsewhere in the folder (a slow `init` would cost its timeout each time); `force` retries.
        known.set(plugin.name, { fingerprint: plugin.fingerprint, dir: plugin.dir, main: plugin.main, result: answer });
      }
    }
    const next = assemblePlugins({ discovered, results, bundled: options.bundled, client, workspaceId: options.workspaceId });
    if (closed) return next;
    loaded = next;
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        reportError(asError(error));
      }
    }
    return next;
  }

  // Watching: one fs.watch (recursive) for all subscribers, or a scan every pollMs where it cannot be
  // used, the folder does not exist (yet), or the watcher failed.
  let watcher: fs.FSWatcher | undefined;
  let poller: ReturnType<typeof setInterval> | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let fsWatchWorks = options.poll !== true;

  function schedule(): void {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      if (closed || listeners.size === 0) return;
      reload().catch((error: unknown) => {
        if (!closed) reportError(asError(error));
      });
    }, debounceMs);
    debounce.unref();
  }

  function startWatching(): void {
    if (dir === undefined || closed || watcher !== undefined || poller !== undefined) return;
    if (!fsWatchWorks || !isDirectory(dir)) {
      startPolling();
      return;
    }
    try {
      const w = fs.watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
        if (typeof filename === 'string' && ignored(filename)) return;
        schedule();
        // The folder itself went away: its watcher is dead; scan until it comes back.
        if (!isDirectory(dir)) fallBack();
      });
      w.on('error', () => {
        fallBack();
        schedule();
      });
      watcher = w;
    } catch {
      // Recursive watching is not available here (or the folder vanished in between): scan instead.
      fsWatchWorks = false;
      startPolling();
    }
  }

  function fallBack(): void {
    stopWatching();
    startPolling();
  }

  function startPolling(): void {
    if (dir === undefined || closed || poller !== undefined) return;
    let last = treeSignature(dir);
    poller = setInterval(() => {
      const now = treeSignature(dir);
      if (now !== last) {
        last = now;
        schedule();
      }
      // A folder that (re)appeared is watched properly from now on.
      if (fsWatchWorks && isDirectory(dir)) {
        stopWatching();
        startWatching();
      }
    }, pollMs);
    poller.unref();
  }

  function stopWatching(): void {
    watcher?.close();
    watcher = undefined;
    clearInterval(poller);
    poller = undefined;
  }

  function watch(onChange?: (loaded: LoadedPlugins) => void): () => void {
    if (closed) return () => undefined;
    const listener = onChange ?? ((): void => undefined);
    // A distinct function per subscription, so the same callback may subscribe twice and leave once.
    const subscription = (l: LoadedPlugins): void => listener(l);
    listeners.add(subscription);
    startWatching();
    return () => {
      listeners.delete(subscription);
      if (listeners.size === 0) {
        stopWatching();
        clearTimeout(debounce);
      }
    };
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    listeners.clear();
    stopWatching();
    clearTimeout(debounce);
    await client.close();
  }

  return {
    current: () => loaded,
    reload,
    watch,
    get runner() {
      return client;
    },
    close,
  };
}

/** Dot-folders and node_modules are tooling, not plugin code (as in discovery). */
function ignored(relative: string): boolean {
  return relative.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules');
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const MAX_FILES = 5_000;
const MAX_DEPTH = 16;
const MAX_HASHED_BYTES = 4 * 1024 * 1024;

/** Calls `visit` for each file under `root` (sorted, bounded), leaving out what `ignored` names. */
function walk(root: string, visit: (relative: string, stat: fs.Stats) => void): void {
  let files = 0;
  const go = (relative: string, depth: number): void => {
    if (depth > MAX_DEPTH || files > MAX_FILES) return;
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, relative));
    } catch {
      return;
    }
    names.sort();
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = relative === '' ? name : path.join(relative, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(path.join(root, child));
      } catch {
        continue;
      }
      if (stat.isDirectory()) go(child, depth + 1);
      else if (stat.isFile() && ++files <= MAX_FILES) visit(child, stat);
    }
  };
  go('', 0);
}

/**
 * What a plugin folder holds, by content (an edit that keeps size and mtime still counts; a save that
 * changes nothing does not). Very large files count by size and mtime.
 */
function fingerprintOf(pluginDir: string): string {
  const hash = createHash('sha256');
  walk(pluginDir, (relative, stat) => {
    hash.update(`${relative}\0${stat.size}\0`);
    if (stat.size > MAX_HASHED_BYTES) hash.update(String(stat.mtimeMs));
    else {
      try {
        hash.update(fs.readFileSync(path.join(pluginDir, relative)));
      } catch {
        hash.update('unreadable');
      }
    }
    hash.update('\0');
  });
  return hash.digest('hex');
}

/** A cheap picture of the whole folder for the polling fallback: names, sizes and mtimes. */
function treeSignature(root: string): string {
  if (!isDirectory(root)) return 'missing';
  const hash = createHash('sha256');
  walk(root, (relative, stat) => hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\0`));
  return hash.digest('hex');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
