import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverPlugins } from './discovery.js';
import type { DiscoveredPlugin } from './types.js';

// CI keeps shared/ beside the repository.
const conformance = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));
const pluginsBad = path.join(conformance, 'plugins-bad');
const noBundled = new Set<string>();

function byFolder(plugins: DiscoveredPlugin[]): Record<string, DiscoveredPlugin> {
  return Object.fromEntries(plugins.map((plugin) => [plugin.folder, plugin]));
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-discovery-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writePlugin(root: string, folder: string, pkg: unknown, files: Record<string, string> = {}): string {
  const dir = path.join(root, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), typeof pkg === 'string' ? pkg : JSON.stringify(pkg));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const weft = (nodes: string[], more: Record<string, unknown> = {}) => ({
  apiVersion: 1,
  main: 'index.js',
  displayName: 'X',
  category: 'Demo',
  tags: [],
  nodes,
  ...more,
});

describe('discoverPlugins over the conformance plugins-bad folder', () => {
  it('loose (p06): statuses and reasons of the discovery part', () => {
    const found = discoverPlugins(pluginsBad, { strict: false, bundledTypes: noBundled });
    const plugins = byFolder(found);
    expect(found.map((p) => p.folder)).toEqual([
      'a-hello',
      'bad-json',
      'future-api',
      'no-main',
      'slow-init',
      'throws-on-load',
      'unknown-field',
      'z-hello-copy',
    ]);
    expect(plugins['not-a-plugin']).toBeUndefined();
    expect(plugins['a-hello']).toMatchObject({ name: 'a-hello', version: '1.0.0', status: 'discovered' });
    expect(plugins['a-hello']?.manifest?.nodes).toEqual(['hello.say']);
    expect(plugins['bad-json']).toMatchObject({ name: 'bad-json', status: 'refused' });
    expect(plugins['bad-json']?.reason).toMatch(/^package\.json is not valid JSON/);
    expect(plugins['future-api']).toMatchObject({
      status: 'refused',
      reason: 'apiVersion 99 is not supported (this Weft supports 1)',
    });
    expect(plugins['no-main']).toMatchObject({
      status: 'discovered',
      warnings: ['weft.main: missing, using "index.js"'],
    });
    expect(plugins['no-main']?.manifest?.main).toBe('index.js');
    expect(plugins['unknown-field']).toMatchObject({
      status: 'discovered',
      warnings: ['weft.colour: unknown field, ignored'],
    });
    // These fail only when loaded; discovery lets them through.
    expect(plugins['slow-init']?.status).toBe('discovered');
    expect(plugins['throws-on-load']?.status).toBe('discovered');
    expect(plugins['z-hello-copy']).toMatchObject({
      status: 'refused',
      reason: 'node type hello.say is already provided by a-hello',
    });
  });

  it('strict (p07): refuses the missing main and the unknown colour, keeps the rest', () => {
    const plugins = byFolder(discoverPlugins(pluginsBad, { strict: true, bundledTypes: noBundled }));
    expect(plugins['a-hello']?.status).toBe('discovered');
    expect(plugins['no-main']).toMatchObject({ status: 'refused', reason: 'weft.main: required' });
    expect(plugins['unknown-field']).toMatchObject({
      status: 'refused',
      reason: 'weft.colour: unknown field',
    });
    expect(plugins['z-hello-copy']?.reason).toContain('hello.say');
  });

  it('discovers the testkit plugin whole', () => {
    const [testkit] = discoverPlugins(path.join(conformance, 'plugins'), {
      strict: true,
      bundledTypes: noBundled,
    });
    expect(testkit).toMatchObject({ name: 'weft-plugin-testkit', status: 'discovered', warnings: [] });
    expect(testkit?.manifest?.nodes).toContain('testkit.ignore-abort');
  });
});

describe('discoverPlugins', () => {
  it('never runs plugin code', () => {
    const root = tempDir();
    const marker = path.join(root, 'ran.txt');
    const code = `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'ran'); export default { nodes: [] };`;
    const dir = writePlugin(
      root,
      'marker',
      { name: 'marker', type: 'module', weft: weft(['mark.it']) },
      { 'index.js': code },
    );
    expect(discoverPlugins(root, { strict: true, bundledTypes: noBundled })[0]?.status).toBe('discovered');
    expect(fs.existsSync(marker)).toBe(false);
    // The marker is real: importing the module does write it.
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.js')).href)})`,
    ]);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('a missing folder holds no plugins; a file in its place is an error', () => {
    const root = tempDir();
    expect(discoverPlugins(path.join(root, 'nope'), { strict: false, bundledTypes: noBundled })).toEqual([]);
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(() =>
      discoverPlugins(path.join(root, 'file'), { strict: false, bundledTypes: noBundled }),
    ).toThrow(/is not a folder/);
  });

  it('skips dot-folders, node_modules, loose files and folders without package.json', () => {
    const root = tempDir();
    for (const folder of ['.hidden', 'node_modules']) {
      writePlugin(root, folder, { name: folder, weft: weft([`x${folder.length}.n`]) }, { 'index.js': '' });
    }
    fs.writeFileSync(path.join(root, 'loose.json'), '{}');
    fs.mkdirSync(path.join(root, 'empty'));
    writePlugin(root, 'ok', { name: 'ok', weft: weft(['ok.n']) }, { 'index.js': '' });
    expect(discoverPlugins(root, { strict: false, bundledTypes: noBundled }).map((p) => p.folder)).toEqual([
      'ok',
    ]);
  });

  it('refuses a main module that is missing, a folder, or a symlink out of the plugin', () => {
    const root = tempDir();
    const outside = path.join(tempDir(), 'outside.js');
    fs.writeFileSync(outside, '');
    writePlugin(root, 'a-missing', { name: 'a', weft: weft(['a.n']) });
    writePlugin(root, 'b-dir', { name: 'b', weft: weft(['b.n'], { main: 'lib' }) }, { 'lib/x.js': '' });
    const linked = writePlugin(root, 'c-link', { name: 'c', weft: weft(['c.n']) });
    fs.symlinkSync(outside, path.join(linked, 'index.js'));
    const plugins = byFolder(discoverPlugins(root, { strict: false, bundledTypes: noBundled }));
    expect(plugins['a-missing']?.reason).toBe('main module index.js not found');
    expect(plugins['b-dir']?.reason).toBe('main module lib is not a file');
    expect(plugins['c-link']?.reason).toBe('main module index.js lies outside the plugin folder');
  });

  it('bundled types win, then the folder that sorts first; refused plugins claim nothing', () => {
    const root = tempDir();
    const files = { 'index.js': '' };
    writePlugin(root, 'b-second', { name: 'second', weft: weft(['shared.n', 'own.b']) }, files);
    writePlugin(root, 'a-first', { name: 'first', weft: weft(['shared.n']) }, files);
    writePlugin(root, 'a-broken', { name: 'broken', weft: weft(['own.b']) }); // no index.js
    writePlugin(root, 'c-bundled', { name: 'third', weft: weft(['text.upper']) }, files);
    const plugins = byFolder(
      discoverPlugins(root, { strict: false, bundledTypes: new Set(['text.upper']), bundledName: 'core' }),
    );
    expect(plugins['a-broken']?.status).toBe('refused');
    expect(plugins['a-first']?.status).toBe('discovered');
    expect(plugins['b-second']?.reason).toBe('node type shared.n is already provided by first');
    expect(plugins['c-bundled']?.reason).toBe('node type text.upper is already provided by core');
  });

  it('names a plugin by its folder when package.json has no name, and refuses a reused name', () => {
    const root = tempDir();
    writePlugin(root, 'a', { name: 'same', weft: weft(['a.n']) }, { 'index.js': '' });
    writePlugin(root, 'b', { name: 'same', weft: weft(['b.n']) }, { 'index.js': '' });
    writePlugin(root, 'c', { weft: weft(['c.n']) }, { 'index.js': '' });
    const plugins = byFolder(discoverPlugins(root, { strict: false, bundledTypes: noBundled }));
    expect(plugins.b?.reason).toBe('plugin name same is already used by folder a');
    expect(plugins.c).toMatchObject({ name: 'c', version: '0.0.0', status: 'discovered' });
    expect(plugins.c?.warnings).toContain('package.json has no name; the plugin is named by its folder');
  });

  it('refuses an unreadable package.json by folder name', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const root = tempDir();
    const dir = writePlugin(root, 'locked', { name: 'locked', weft: weft(['l.n']) }, { 'index.js': '' });
    fs.chmodSync(path.join(dir, 'package.json'), 0o000);
    const [plugin] = discoverPlugins(root, { strict: false, bundledTypes: noBundled });
    expect(plugin).toMatchObject({ name: 'locked', status: 'refused' });
    expect(plugin?.reason).toMatch(/^package\.json cannot be read/);
  });
});
