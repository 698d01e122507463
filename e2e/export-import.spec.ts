// Sharing a workflow as a file: export downloads a `.weft.json` (SPEC §1: the document, sorted keys, two
// spaces, the same bytes every time), and importing that file makes a new workflow with the same nodes.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { canvasNodeIds, edgeCount } from './fixtures/editor.js';
import { openFixture, workflowList } from './fixtures/navigation.js';

/** Clicks export and answers the downloaded file's suggested name and text. */
async function exportOpenWorkflow(page: Page, saveTo: (name: string) => string) {
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const download = await downloaded;
  const path = saveTo(download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/** Every object's keys are in sorted order, at every depth. */
function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value);
  const sorted = [...keys].sort();
  return keys.every((k, i) => k === sorted[i]) && Object.values(value).every(keysSorted);
}

test('an exported file is a valid .weft.json that imports back as a new workflow', async ({
  editor,
  rest,
  workspace,
}, testInfo) => {
  const originalId = await openFixture(editor, rest, workspace, 'two-nodes');
  const original = await rest.getWorkflow(workspace.id, originalId);

  const exported = await exportOpenWorkflow(editor, (name) => testInfo.outputPath(name));

  expect(exported.name).toMatch(/\.weft\.json$/);
  const document = JSON.parse(exported.text) as Record<string, unknown>;
  expect(document).toMatchObject({ format: 'weft.workflow', formatVersion: 1, name: 'Two nodes' });
  expect(document['nodes']).toEqual(original.document.nodes);
  expect(document['edges']).toEqual(original.document.edges);
  expect(keysSorted(document)).toBe(true);
  expect(exported.text.trimEnd()).toBe(JSON.stringify(document, null, 2));
  // Two exports of the same workflow are the same bytes.
  const again = await exportOpenWorkflow(editor, (name) => testInfo.outputPath(`again-${name}`));
  expect(again.text).toBe(exported.text);

  await editor.getByTestId('import').setInputFiles(exported.path);

  const items = workflowList(editor).locator('[data-testid^="workflow-item-"]');
  await expect(items).toHaveCount(2);
  const current = workflowList(editor).locator('[aria-current="true"]');
  await expect(current).not.toHaveAttribute('data-testid', `workflow-item-${originalId}`);
  const importedId = ((await current.getAttribute('data-testid')) ?? '').slice('workflow-item-'.length);
  await expect(editor.getByTestId('workflow-name')).toHaveValue('Two nodes');
  await expect.poll(() => canvasNodeIds(editor)).toEqual(['start', 'result']);
  await expect.poll(() => edgeCount(editor)).toBe(1);

  const imported = await rest.getWorkflow(workspace.id, importedId);
  expect(imported.id).not.toBe(originalId);
  expect(imported.document.nodes).toEqual(original.document.nodes);
  expect(imported.document.edges).toEqual(original.document.edges);
});
