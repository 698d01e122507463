// Workspaces are tenants (SPEC §4): two created in the editor each list only their own workflows, the
// switcher moves between them, and one's workflow is "not found" from the other.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { dropPaletteItem } from './fixtures/editor.js';
import { RestError } from './fixtures/rest.js';
import { workflowList } from './fixtures/navigation.js';

/** Creates a workspace with the "new workspace" button; the editor enters it. Answers its id. */
async function createWorkspace(page: Page, name: string): Promise<string> {
  const switcher = page.getByTestId('workspace-switcher');
  const before = await switcher.inputValue();
  await page.getByTestId('new-workspace').click();
  await page.getByTestId('new-workspace-name').fill(name);
  await page.getByTestId('new-workspace-create').click();
  await expect(switcher).not.toHaveValue(before);
  await expect(switcher.locator('option:checked')).toHaveText(name);
  await expect(workflowList(page)).toHaveAttribute('aria-busy', 'false');
  return switcher.inputValue();
}

/** Builds a one-node workflow called `name` and saves it; answers its id. */
async function saveWorkflow(page: Page, name: string): Promise<string> {
  await page.getByTestId('new-workflow').click();
  await dropPaletteItem(page, 'core.manual', { x: 200, y: 160 });
  await page.getByTestId('workflow-name').fill(name);
  await page.getByTestId('save').click();
  const item = workflowList(page).locator('[data-testid^="workflow-item-"]', { hasText: name });
  await expect(item).toHaveAttribute('aria-current', 'true');
  return ((await item.getAttribute('data-testid')) ?? '').slice('workflow-item-'.length);
}

function listedWorkflows(page: Page) {
  return workflowList(page).locator('[data-testid^="workflow-item-"]');
}

test("two workspaces do not see each other's workflows", async ({ editor, rest }, testInfo) => {
  const suffix = `${testInfo.workerIndex}-${testInfo.repeatEachIndex}-${Date.now()}`;
  const first = await createWorkspace(editor, `First ${suffix}`);
  const firstWorkflow = await saveWorkflow(editor, 'Only in the first');
  await expect(listedWorkflows(editor)).toHaveText([/Only in the first/]);

  const second = await createWorkspace(editor, `Second ${suffix}`);
  await expect(listedWorkflows(editor)).toHaveCount(0);
  await saveWorkflow(editor, 'Only in the second');
  await expect(listedWorkflows(editor)).toHaveText([/Only in the second/]);

  await editor.getByTestId('workspace-switcher').selectOption(first);
  await expect(listedWorkflows(editor)).toHaveText([/Only in the first/]);
  await editor.getByTestId('workspace-switcher').selectOption(second);
  await expect(listedWorkflows(editor)).toHaveText([/Only in the second/]);

  // Asked for from the other workspace, the first one's workflow does not exist.
  const fromSecond = await rest.getWorkflow(second, firstWorkflow).catch((error: unknown) => error);
  expect(fromSecond).toBeInstanceOf(RestError);
  expect((fromSecond as RestError).status).toBe(404);
  expect((await rest.getWorkflow(first, firstWorkflow)).name).toBe('Only in the first');
});
