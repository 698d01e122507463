// Discovery: what the plugins folder holds, read from package.json files only. Nothing here imports or
// evaluates plugin code; a runner process does that later, and only for plugins discovery let through.
// It is synchronous on purpose: a few small files read at start-up and on reload, and a deterministic
// order (folder names) matters more here than overlapping the reads.
import fs from 'node:fs';
import path from 'node:path';
import { validateManifest } from './manifest.js';
import type { DiscoveredPlugin, PluginManifest } from './types.js';

export interface DiscoveryOptions {
  /** Strict mode refuses a manifest with a missing or unknown field (SPEC §5). */
  readonly strict: boolean;
  /** Node types the bundled plugins provide; they always keep them. */
  readonly bundledTypes: ReadonlySet<string>;
  /** The name the bundled plugin goes by in duplicate reasons. */
  readonly bundledName?: string;
}

/** A package.json larger than this is refused rather than read: no manifest needs a megabyte. */
const MAX_PACKAGE_JSON_BYTES = 1024 * 1024;

/**
 * Lists the plugins in `dir`, sorted by folder name. A missing folder holds no plugins; a path that
 * exists but is not a folder is an error (a typo in `--plugins-dir` should not look like "no plugins").
 * Folders without a package.json `weft` key are not plugins and are left out.
 */
export function discoverPlugins(dir: string, options: DiscoveryOptions): DiscoveredPlugin[] {
  const root = path.resolve(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
  if (!stat.isDirectory()) throw new Error(`plugins folder ${root} is not a folder`);

  const folders = fs
    .readdirSync(root)
    // Dot-folders and node_modules are tooling, not plugins.
    .filter((name) => !name.startsWith('.') && name !== 'node_modules')
    .filter((name) => isDirectory(path.join(root, name)))
    // Code-unit order, not locale order: "sorts first" must mean the same on every machine.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const found = folders
    .map((folder) => readPlugin(root, folder, options.strict))
    .filter((plugin): plugin is DiscoveredPlugin => plugin !== undefined);
  return resolveConflicts(found, options);
}

/** One folder's plugin, or undefined when the folder is not a plugin at all. */
function readPlugin(root: string, folder: string, strict: boolean): DiscoveredPlugin | undefined {
  const dir = path.join(root, folder);
  const base = { name: folder, version: '0.0.0', dir, folder, warnings: [] as string[] };
  const refuse = (reason: string, more: Partial<DiscoveredPlugin> = {}): DiscoveredPlugin => ({
    ...base,
    ...more,
    status: 'refused',
    reason,
  });

  const file = path.join(dir, 'package.json');
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_PACKAGE_JSON_BYTES) return refuse('package.json is larger than 1 MB');
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    return refuse(`package.json cannot be read: ${message(error)}`);
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (error) {
    return refuse(`package.json is not valid JSON: ${message(error)}`);
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg) || !Object.hasOwn(pkg, 'weft')) {
    return undefined;
  }
  const record = pkg as Record<string, unknown>;

  const warnings: string[] = [];
  const name = typeof record.name === 'string' && record.name.trim() !== '' ? record.name.trim() : undefined;
  if (name === undefined) warnings.push('package.json has no name; the plugin is named by its folder');
  const version = typeof record.version === 'string' && record.version !== '' ? record.version : '0.0.0';
  const identity = { name: name ?? folder, version, warnings };

  const checked = validateManifest(record.weft, { strict, packageName: identity.name });
  if (!checked.ok) return refuse(checked.reason, identity);
  warnings.push(...checked.warnings);

  const mainProblem = checkMain(dir, checked.manifest);
  if (mainProblem !== undefined) return refuse(mainProblem, { ...identity, manifest: checked.manifest });
  return { ...base, ...identity, manifest: checked.manifest, status: 'discovered' };
}

/** Why the main module cannot be loaded, if it cannot; checked by stat only, never by import. */
function checkMain(dir: string, manifest: PluginManifest): string | undefined {
  const file = path.join(dir, manifest.main);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return `main module ${manifest.main} not found`;
  }
  if (!stat.isFile()) return `main module ${manifest.main} is not a file`;
  // The manifest path stays inside the folder; a symlink must not lead the runner out of it either.
  try {
    const realDir = fs.realpathSync(dir);
    const realFile = fs.realpathSync(file);
    if (!realFile.startsWith(realDir + path.sep))
      return `main module ${manifest.main} lies outside the plugin folder`;
  } catch (error) {
    return `main module ${manifest.main} cannot be resolved: ${message(error)}`;
  }
  return undefined;
}

/**
 * SPEC §5: a bundled plugin keeps its node types, then the plugin whose folder sorts first; the later
 * one is refused whole (half a plugin would surprise its workflows). Only plugins not refused for
 * another reason claim types. Two folders with the same package name are resolved the same way,
 * since the loader and the registry know a plugin by its name.
 */
function resolveConflicts(plugins: DiscoveredPlugin[], options: DiscoveryOptions): DiscoveredPlugin[] {
  const bundled = options.bundledName ?? 'core';
  const owners = new Map<string, string>();
  for (const type of options.bundledTypes) owners.set(type, bundled);
  const names = new Map<string, string>([[bundled, 'the bundled plugins']]);

  return plugins.map((plugin) => {
    if (plugin.status === 'refused' || plugin.manifest === undefined) return plugin;
    const nameOwner = names.get(plugin.name);
    if (nameOwner !== undefined) {
      return {
        ...plugin,
        status: 'refused',
        reason: `plugin name ${plugin.name} is already used by ${nameOwner}`,
      };
    }
    for (const type of plugin.manifest.nodes) {
      const owner = owners.get(type);
      if (owner !== undefined) {
        return { ...plugin, status: 'refused', reason: `node type ${type} is already provided by ${owner}` };
      }
    }
    names.set(plugin.name, `folder ${plugin.folder}`);
    for (const type of plugin.manifest.nodes) owners.set(type, plugin.name);
    return plugin;
  });
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory(); // follows symlinks: a linked plugin folder counts
  } catch {
    return false;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
