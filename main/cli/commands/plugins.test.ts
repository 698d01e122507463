import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../weft.js';
import { createFakeIo } from '../testing/fake-io.js';

// CI checks out ../shared beside the repo.
const conformance = resolve(process.cwd(), '../shared/conformance');

describe('weft plugins', () => {
  it('prints every plugin as SPEC §6 JSON, bundled core first', async () => {
    const io = createFakeIo();
    expect(await main(['plugins', '--plugins-dir', resolve(conformance, 'plugins'), '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.text) as { plugins: Array<Record<string, unknown>> };
    expect(out.plugins[0]).toMatchObject({ name: 'core', status: 'loaded', reason: null, warnings: [] });
    expect(out.plugins[1]).toMatchObject({
      name: 'weft-plugin-testkit',
      version: '1.0.0',
      status: 'loaded',
      nodes: ['testkit.upper', 'testkit.count', 'testkit.flaky', 'testkit.exit', 'testkit.spin', 'testkit.ignore-abort'],
    });
  });

  it('shows a table with reasons, and --strict refuses a manifest with an unknown field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-plugins-'));
    try {
      const plugin = join(dir, 'odd');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(plugin);
      writeFileSync(
        join(plugin, 'package.json'),
        JSON.stringify({ name: 'odd', version: '0.1.0', type: 'module', weft: { apiVersion: 1, main: 'index.js', nodes: ['odd.node'], shade: 'x' } }),
      );
      writeFileSync(join(plugin, 'index.js'), 'export default { nodes: [] };');
      const io = createFakeIo();
      expect(await main(['plugins', '--plugins-dir', dir, '--strict'], io)).toBe(0);
      expect(io.stdout.text).toMatch(/odd\s+0\.1\.0\s+refused/);
      expect(io.stdout.text).toContain('shade');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates a workflow against plugin node types and their port types', async () => {
    const file = '/work/w.weft.json';
    const text = JSON.stringify({
      format: 'weft.workflow',
      formatVersion: 1,
      nodes: [
        { id: 'c', type: 'testkit.count', params: { n: 3 } },
        { id: 'u', type: 'testkit.upper' },
      ],
      edges: [{ id: 'e', source: 'c', sourcePort: 'out', target: 'u', targetPort: 'in' }],
    });
    const io = createFakeIo({ files: { [file]: text } });
    expect(await main(['validate', file, '--plugins-dir', resolve(conformance, 'plugins')], io)).toBe(1);
    expect(io.stdout.text).toContain('number → string');
    const without = createFakeIo({ files: { [file]: text } });
    expect(await main(['validate', file], without)).toBe(1);
    expect(without.stdout.text).toContain('unknown node type "testkit.count"');
  });
});

describe('weft plugins statistics', () => {
  const dir = resolve(conformance, 'plugins');

  it('--json adds "stats" beside "plugins": counts by category and status, and load times', async () => {
    const io = createFakeIo();
    expect(await main(['plugins', '--plugins-dir', dir, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.text) as {
      plugins: Array<{ name: string; nodes: string[] }>;
      stats: {
        plugins: { total: number; byStatus: Record<string, number>; byCategory: Record<string, number> };
        nodeTypes: { total: number; byCategory: Record<string, number> };
        loadTime: { totalMs: number; maxMs: number; slowest?: string };
      };
    };
    expect(Object.keys(out)).toEqual(['plugins', 'stats']);
    expect(out.stats.plugins).toEqual({
      total: 2,
      byStatus: { loaded: 2, failed: 0, refused: 0 },
      byCategory: { Other: 1, Testing: 1 },
    });
    const nodeCount = out.plugins.reduce((n, p) => n + p.nodes.length, 0);
    expect(out.stats.nodeTypes.total).toBe(nodeCount);
    expect(out.stats.nodeTypes.byCategory).toMatchObject({ Code: 1, Testing: 6 });
    expect(Object.values(out.stats.nodeTypes.byCategory).reduce((a, b) => a + b, 0)).toBe(nodeCount);
    expect(out.stats.loadTime.slowest).toBe('weft-plugin-testkit');
    expect(out.stats.loadTime.maxMs).toBeGreaterThanOrEqual(0);
    expect(out.stats.loadTime.totalMs).toBeGreaterThanOrEqual(out.stats.loadTime.maxMs);
  });

  it('the statistics cover every plugin whatever the filter', async () => {
    const io = createFakeIo();
    expect(await main(['plugins', '--plugins-dir', dir, '--json', '--type', 'testkit'], io)).toBe(0);
    const out = JSON.parse(io.stdout.text) as { plugins: unknown[]; stats: { plugins: { total: number } } };
    expect(out.plugins).toHaveLength(1);
    expect(out.stats.plugins.total).toBe(2);
  });

  it('the text shows plugins and node types per category', async () => {
    const io = createFakeIo();
    expect(await main(['plugins', '--plugins-dir', dir], io)).toBe(0);
    const text = io.stdout.text;
    expect(text).toContain('by category:');
    expect(text).toMatch(/category\s+plugins\s+node types/);
    expect(text).toMatch(/^\s+Testing\s+1\s+6$/m);
    expect(text).toMatch(/^\s+Code\s+0\s+1$/m);
    expect(text).toMatch(/^\s+Other\s+1\s+0$/m);
    // The block comes after the plugin table, before the summary line.
    expect(text.indexOf('by category:')).toBeGreaterThan(text.indexOf('weft-plugin-testkit'));
    expect(text.indexOf('by category:')).toBeLessThan(text.indexOf('2 plugins ('));
  });
});

describe('weft plugins filters', () => {
  it('keeps only the plugins that match, and counts them', async () => {
    const io = createFakeIo();
    const dir = resolve(conformance, 'plugins');
    expect(await main(['plugins', '--plugins-dir', dir, '--json', '--type', 'testkit'], io)).toBe(0);
    const out = JSON.parse(io.stdout.text) as { plugins: Array<{ name: string }> };
    expect(out.plugins.map((p) => p.name)).toEqual(['weft-plugin-testkit']);
    const text = createFakeIo();
    expect(await main(['plugins', '--plugins-dir', dir, '--search', 'upper'], text)).toBe(0);
    expect(text.stdout.text).toContain('weft-plugin-testkit');
    expect(text.stdout.text).toMatch(/2 plugins \(2 loaded, 0 failed, 0 refused\), 16 node types; .*; 1 match the filter/);
  });
});
