// Lists follow changes made elsewhere: the editor watches the workspace it shows (`workspaces.watch`),
// so a workflow a script creates over REST, or a run it starts, shows up without a reload or a click on
// "Refresh", and another workspace's changes never do.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { enterWorkspace, openFixture, workflowItem, workflowList } from './fixtures/navigation.js';
import { openTab } from './fixtures/panels.js';
import { workflowDocument } from './fixtures/workflows.js';

/** Marks the page, so a test can tell that what it saw came without a reload. */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  // A global of the page's own: a reload forgets it.
  await page.evaluate(() => {
    (globalThis as { weftLiveMark?: boolean }).weftLiveMark = true;
  });
  return () => page.evaluate(() => (globalThis as { weftLiveMark?: boolean }).weftLiveMark === true);
}

test('a workflow created over REST appears in the workflow list without a reload', async ({
  editor,
  rest,
  workspace,
}) => {
  await enterWorkspace(editor, workspace);
  const listed = workflowList(editor).locator('[data-testid^="workflow-item-"]');
  await expect(listed).toHaveCount(0);
  const sameSession = await markPage(editor);

  const created = await rest.createWorkflow(workspace.id, { ...workflowDocument('two-nodes'), name: 'Made by a script' });
  await expect(workflowItem(editor, created.id)).toBeVisible();
  await expect(workflowItem(editor, created.id)).toContainText('Made by a script');
  await expect(listed).toHaveCount(1);
  expect(await sameSession()).toBe(true);
});

test("a run started over REST appears in the open workflow's history; another workspace's changes do not", async ({
  editor,
  rest,
  socket,
  workspace,
}, testInfo) => {
  const workflowId = await openFixture(editor, rest, workspace, 'two-nodes');
  await openTab(editor, 'runs');
  const history = editor.getByTestId('run-history');
  await expect(history).toHaveAttribute('aria-busy', 'false');
  await expect(history.locator('[data-testid^="run-item-"]')).toHaveCount(0);
  const sameSession = await markPage(editor);

  const { runId } = await rest.startRun(workspace.id, workflowId);
  await rest.waitForRun(workspace.id, runId);
  // Listed without "Refresh", and listed as finished: the run's end was announced too.
  await expect(history.getByTestId(`run-item-${runId}`)).toContainText('succeeded');

  // A workflow of another workspace: the list hears nothing of it. A workflow of this one made after
  // it is the proof that the list did hear what it should have by then.
  const other = await socket.call('workspaces.create', { name: `other ${testInfo.testId}-${testInfo.retry}` });
  const elsewhere = await rest.createWorkflow(other.id, { ...workflowDocument('two-nodes'), name: 'Elsewhere' });
  const here = await rest.createWorkflow(workspace.id, { ...workflowDocument('two-nodes'), name: 'Here' });
  await expect(workflowItem(editor, here.id)).toBeVisible();
  await expect(workflowItem(editor, elsewhere.id)).toHaveCount(0);
  await expect(workflowList(editor)).not.toContainText('Elsewhere');
  expect(await sameSession()).toBe(true);
});
