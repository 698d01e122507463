// The example plugin of plugins/README.md must stay a working, strictly valid plugin.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NodeRunContext, WeftPlugin } from '../../plugins/sdk/index.js';
import { discoverPlugins } from './discovery.js';
import { validateManifest } from './manifest.js';

const examples = fileURLToPath(new URL('../../plugins/examples/', import.meta.url));
const folder = new URL('../../plugins/examples/weft-plugin-text/', import.meta.url);

function context(
  inputs: Record<string, unknown>,
  params: Record<string, unknown>,
  signal = new AbortController().signal,
) {
  const log = Object.assign(() => {}, { debug() {}, info() {}, warn() {}, error() {} });
  return { inputs, params, signal, attempt: 1, log } as unknown as NodeRunContext;
}

describe('plugins/examples/weft-plugin-text', () => {
  it('has a manifest valid in strict mode, without warnings', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('package.json', folder), 'utf8'));
    const result = validateManifest(pkg.weft, { strict: true, packageName: pkg.name });
    expect(result).toMatchObject({ ok: true, warnings: [] });
    const [plugin] = discoverPlugins(examples, { strict: true, bundledTypes: new Set(['core.log']) });
    expect(plugin).toMatchObject({ name: 'weft-plugin-text', status: 'discovered', warnings: [] });
  });

  it('exports exactly the node types its manifest declares, and they work', async () => {
    const plugin = (await import(new URL('index.js', folder).href)).default as WeftPlugin;
    expect(plugin.nodes.map((node) => node.type)).toEqual(['text.upper', 'text.repeat']);
    const [upper, repeat] = plugin.nodes;
    await expect(upper?.run(context({ in: 'weft' }, {}))).resolves.toEqual({ out: 'WEFT' });
    await expect(repeat?.run(context({ in: 'ab' }, { count: 3 }))).resolves.toEqual({ out: 'ababab' });
    await expect(upper?.run(context({ in: 7 }, {}))).rejects.toMatchObject({ retryable: false });
    const aborted = AbortSignal.abort(new Error('cancelled'));
    await expect(repeat?.run(context({ in: 'x' }, { count: 5 }, aborted))).rejects.toThrow('cancelled');
  });
});
