// Saving over someone else's save: the same workflow open in two tabs, saved from one and then from the
// other, makes the second save a conflict. "Save as copy" keeps the second tab's edit as a new
// workflow and leaves the first tab's version alone; "Reload" drops the edit and shows what is stored.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import type { WeftServer } from './fixtures/server.js';
import {
  enterWorkspace,
  fillParam,
  openFixture,
  openFromList,
  selectNode,
  workflowList,
} from './fixtures/navigation.js';
import type { Workspace } from '../preload/contract.js';

/** A second tab of the same browser (same storage) with the workflow open. */
async function openSecondTab(
  first: Page,
  server: WeftServer,
  workspace: Workspace,
  workflowId: string,
): Promise<Page> {
  const second = await first.context().newPage();
  await second.goto(server.url);
  await expect(second.getByTestId('palette-search')).toBeVisible();
  await enterWorkspace(second, workspace);
  await openFromList(second, workflowId);
  return second;
}

/** Sets the output's name in `page` and saves. */
async function renameOutputAndSave(page: Page, name: string): Promise<void> {
  await selectNode(page, 'result');
  await fillParam(page, 'name', name);
  await page.getByTestId('save').click();
}

test('a conflicting save kept as a copy leaves the other version intact', async ({
  editor,
  rest,
  server,
  socket,
  workspace,
}) => {
  const workflowId = await openFixture(editor, rest, workspace, 'two-nodes');
  const second = await openSecondTab(editor, server, workspace, workflowId);

  await renameOutputAndSave(editor, 'from the first tab');
  await expect.poll(async () => (await rest.getWorkflow(workspace.id, workflowId)).version).toBe(2);

  await renameOutputAndSave(second, 'from the second tab');
  const saveCopy = second.getByTestId('conflict-save-copy');
  await expect(saveCopy).toBeVisible();
  await expect(second.getByTestId('conflict-reload')).toBeVisible();
  await saveCopy.click();

  // The second tab now shows its own edit as a new workflow.
  await expect(second.getByTestId('workflow-name')).toHaveValue('Two nodes (copy)');
  const current = workflowList(second).locator('[aria-current="true"]');
  await expect(current).toContainText('Two nodes (copy)');
  await expect(current).not.toHaveAttribute('data-testid', `workflow-item-${workflowId}`);

  const { items } = await socket.call('workflows.list', { workspaceId: workspace.id });
  expect(items.map((w) => w.name).sort()).toEqual(['Two nodes', 'Two nodes (copy)']);
  const copyId = items.find((w) => w.name === 'Two nodes (copy)')?.id as string;
  const copy = await rest.getWorkflow(workspace.id, copyId);
  expect(copy.document.nodes[1]?.params).toEqual({ name: 'from the second tab' });
  const original = await rest.getWorkflow(workspace.id, workflowId);
  expect(original.version).toBe(2);
  expect(original.name).toBe('Two nodes');
  expect(original.document.nodes[1]?.params).toEqual({ name: 'from the first tab' });
  await second.close();
});

test('a conflicting save can be dropped by reloading what is stored', async ({
  editor,
  rest,
  server,
  workspace,
}) => {
  const workflowId = await openFixture(editor, rest, workspace, 'two-nodes');
  const second = await openSecondTab(editor, server, workspace, workflowId);

  await renameOutputAndSave(editor, 'from the first tab');
  await expect.poll(async () => (await rest.getWorkflow(workspace.id, workflowId)).version).toBe(2);
  await renameOutputAndSave(second, 'from the second tab');
  await second.getByTestId('conflict-reload').click();

  await expect(second.getByTestId('conflict-reload')).toHaveCount(0);
  await selectNode(second, 'result');
  await expect(second.getByTestId('inspector').getByTestId('param-name')).toHaveValue('from the first tab');
  // Nothing is left to save: the reloaded version is the stored one.
  await expect(second.getByTestId('undo')).toBeDisabled();
  const stored = await rest.getWorkflow(workspace.id, workflowId);
  expect(stored.version).toBe(2);
  expect(stored.document.nodes[1]?.params).toEqual({ name: 'from the first tab' });
  await second.close();
});
