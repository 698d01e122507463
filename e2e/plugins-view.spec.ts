// The plugins panel: the load report lists each plugin with its status (SPEC §5), a search filters it,
// and "Reload" picks up plugins copied into the plugins folder since the start: a new plugin's node
// types reach the palette, and a plugin whose code throws is listed as failed with the reason.
// Reloading changes what every workspace of a server sees, so this spec runs a server of its own.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures/test.js';
import { startServer, type WeftServer } from './fixtures/server.js';
import { openTab } from './fixtures/panels.js';

const test = base.extend<{ ownServer: WeftServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  ownServer: async ({}, use, testInfo) => {
    const running = await startServer();
    try {
      await use(running.server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('weft-serve.log', { body: running.server.log(), contentType: 'text/plain' });
      }
      await running.stop();
    }
  },
});

interface PluginFolder {
  readonly name: string;
  readonly nodes: readonly string[];
  readonly code: string;
}

/** Writes a plugin folder (package.json with its `weft` manifest, index.js) under `root`. */
function writePlugin(root: string, plugin: PluginFolder): string {
  const folder = join(root, plugin.name);
  mkdirSync(folder, { recursive: true });
  const manifest = {
    name: plugin.name,
    version: '0.1.0',
    type: 'module',
    private: true,
    weft: {
      apiVersion: 1,
      main: 'index.js',
      displayName: plugin.name,
      category: 'E2E',
      tags: [],
      nodes: plugin.nodes,
    },
  };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(folder, 'index.js'), plugin.code);
  return folder;
}

const GREETING_PLUGIN: PluginFolder = {
  name: 'weft-plugin-e2e-greet',
  nodes: ['greet.hello'],
  code: `export default {
  nodes: [{
    type: 'greet.hello', title: 'Say hello', category: 'E2E', tags: ['greeting'],
    description: 'Emits a greeting for params.name.',
    inputs: [], outputs: [{ name: 'out', type: 'string' }],
    params: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false },
    async run({ params }) { return { out: 'Hello, ' + (params.name ?? 'world') }; },
  }],
};
`,
};

const BROKEN_PLUGIN: PluginFolder = {
  name: 'weft-plugin-e2e-broken',
  nodes: ['broken.node'],
  code: "throw new Error('this plugin cannot load');\n",
};

function pluginsView(page: Page) {
  return page.getByTestId('plugins-view');
}

test('the load report lists plugins, filters them, and reload adds a new plugin to the palette', async ({
  page,
  ownServer,
}, testInfo) => {
  await page.goto(ownServer.url);
  await expect(page.getByTestId('palette-search')).toBeVisible();
  await openTab(page, 'plugins');
  const view = pluginsView(page);
  const text = view.getByTestId('plugin-item-weft-plugin-text');
  await expect(text).toHaveAttribute('data-status', 'loaded');
  await expect(text).toContainText('text.upper');
  const listed = view.locator('[data-testid^="plugin-item-"]');
  const countBefore = await listed.count();
  expect(countBefore).toBeGreaterThan(1);

  // The search looks at names and node types.
  const search = view.getByTestId('plugins-search');
  await search.fill('text.repeat');
  await expect(listed).toHaveCount(1);
  await expect(text).toBeVisible();
  await search.fill('no plugin is called this');
  await expect(listed).toHaveCount(0);
  await expect(view).toContainText('No plugin matches.');
  await search.fill('');
  await expect(listed).toHaveCount(countBefore);

  // Two plugins arrive in the folder; the palette knows nothing of them until a reload.
  const staging = testInfo.outputPath('plugins');
  for (const plugin of [GREETING_PLUGIN, BROKEN_PLUGIN]) {
    cpSync(writePlugin(staging, plugin), join(ownServer.pluginsDir, plugin.name), { recursive: true });
  }
  await expect(page.getByTestId('palette-item-greet.hello')).toHaveCount(0);

  await view.getByTestId('plugins-reload').click();

  const greet = view.getByTestId(`plugin-item-${GREETING_PLUGIN.name}`);
  await expect(greet).toHaveAttribute('data-status', 'loaded');
  await expect(greet).toContainText('greet.hello');
  const broken = view.getByTestId(`plugin-item-${BROKEN_PLUGIN.name}`);
  await expect(broken).toHaveAttribute('data-status', 'failed');
  await expect(broken).toContainText('this plugin cannot load');
  await expect(listed).toHaveCount(countBefore + 2);
  await expect(text).toHaveAttribute('data-status', 'loaded');

  // The failed filter shows the broken one alone.
  await view.getByTestId('plugins-status-failed').click();
  await expect(listed).toHaveCount(1);
  await expect(broken).toBeVisible();
  await view.getByTestId('plugins-status-failed').click();
  await expect(listed).toHaveCount(countBefore + 2);

  // The new node type is in the palette.
  await page.getByTestId('palette-search').fill('hello');
  await expect(page.getByTestId('palette-item-greet.hello')).toBeVisible();
  await expect(page.getByTestId('palette-item-broken.node')).toHaveCount(0);
});
