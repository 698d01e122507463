// Importing files: a broken `.weft.json` is refused with every problem and its JSON path (SPEC §1), a
// file that needs a plugin the workspace lacks names that plugin, and nothing is imported either way;
// a workflow file dropped on the canvas is imported and opened.
import { writeFileSync } from 'node:fs';
import type { JSHandle, Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { canvas, canvasNodeIds, edgeCount } from './fixtures/editor.js';
import { enterWorkspace, workflowList } from './fixtures/navigation.js';
import { workflowText } from './fixtures/workflows.js';

// The page's DOM, as far as the drop below uses it: the e2e project is compiled without the DOM lib.
interface PageDataTransfer {
  readonly items: { add(file: unknown): unknown };
}
declare const DataTransfer: new () => PageDataTransfer;

const BROKEN = {
  format: 'weft.workflow',
  formatVersion: 1,
  name: 'Broken',
  surprise: true,
  nodes: [
    { id: 'a', type: 'core.manual' },
    { id: 'a', type: 'core.output', params: { name: 'x' } },
    { id: 'c', type: 'core.delay', params: { ms: 'soon' } },
  ],
  edges: [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'ghost', targetPort: 'in' }],
};

const NEEDS_PLUGIN = {
  format: 'weft.workflow',
  formatVersion: 1,
  name: 'Needs a plugin',
  nodes: [
    { id: 'a', type: 'core.manual' },
    { id: 'b', type: 'fancy.thing' },
  ],
  edges: [],
  requires: [{ plugin: 'weft-plugin-fancy', version: '^2.0.0' }],
};

function listedWorkflows(page: Page) {
  return workflowList(page).locator('[data-testid^="workflow-item-"]');
}

function importResult(page: Page) {
  return page.getByTestId('import-result');
}

/** A DataTransfer in the page holding one file, as the desktop hands it over on a drop. */
function fileTransfer(page: Page, name: string, text: string): Promise<JSHandle<PageDataTransfer>> {
  return page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    },
    { name, text },
  );
}

test.beforeEach(async ({ editor, workspace }) => {
  await enterWorkspace(editor, workspace);
});

test('a broken file is refused with each problem and its path', async ({ editor }, testInfo) => {
  const path = testInfo.outputPath('broken.weft.json');
  writeFileSync(path, JSON.stringify(BROKEN, null, 2));

  await editor.getByTestId('import').setInputFiles(path);

  const dialog = importResult(editor);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('broken.weft.json');
  const problems = dialog.getByTestId('problem');
  await expect(problems).toHaveCount(4);
  const paths = await problems.evaluateAll((items) => items.map((item) => item.getAttribute('data-path')));
  expect(paths.sort()).toEqual(['edges[0].target', 'nodes[1].id', 'nodes[2].params.ms', 'surprise']);
  await expect(dialog.locator('[data-path="edges[0].target"]')).toContainText('ghost');

  await dialog.getByTestId('import-result-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(listedWorkflows(editor)).toHaveCount(0);
});

test('a file that needs a missing plugin names the plugin', async ({ editor }, testInfo) => {
  const path = testInfo.outputPath('needs-plugin.weft.json');
  writeFileSync(path, JSON.stringify(NEEDS_PLUGIN, null, 2));

  await editor.getByTestId('import').setInputFiles(path);

  const dialog = importResult(editor);
  const missing = dialog.locator('[data-testid="problem"][data-plugin]');
  await expect(missing).toHaveCount(1);
  await expect(missing).toHaveAttribute('data-plugin', 'weft-plugin-fancy');
  await expect(missing).toContainText('^2.0.0 needed, not installed');
  // Escape closes it too.
  await editor.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(listedWorkflows(editor)).toHaveCount(0);
});

test('a workflow file dropped on the canvas is imported and opened', async ({ editor }) => {
  const surface = canvas(editor);

  // Not a workflow file: refused before it is sent.
  const notes = await fileTransfer(editor, 'notes.txt', 'shopping list');
  await surface.dispatchEvent('dragenter', { dataTransfer: notes });
  await expect(editor.getByTestId('import-drop-overlay')).toBeVisible();
  await surface.dispatchEvent('drop', { dataTransfer: notes });
  await expect(editor.getByTestId('import-drop-overlay')).toHaveCount(0);
  await expect(importResult(editor).getByTestId('problem')).toContainText('not a workflow file');
  await importResult(editor).getByTestId('import-result-close').click();

  const file = await fileTransfer(editor, 'two-nodes.weft.json', workflowText('two-nodes'));
  await surface.dispatchEvent('dragenter', { dataTransfer: file });
  await expect(editor.getByTestId('import-drop-overlay')).toBeVisible();
  await surface.dispatchEvent('dragover', { dataTransfer: file });
  await surface.dispatchEvent('drop', { dataTransfer: file });

  await expect(editor.getByTestId('import-drop-overlay')).toHaveCount(0);
  await expect(listedWorkflows(editor)).toHaveCount(1);
  await expect(listedWorkflows(editor)).toHaveAttribute('aria-current', 'true');
  await expect(editor.getByTestId('workflow-name')).toHaveValue('Two nodes');
  await expect.poll(() => canvasNodeIds(editor)).toEqual(['start', 'result']);
  await expect.poll(() => edgeCount(editor)).toBe(1);
  await expect(importResult(editor)).toHaveCount(0);
});
