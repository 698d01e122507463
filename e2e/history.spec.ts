// Version history: each save with a note is a version listed with its note; two ticked versions are
// compared value by value; restoring version 1 saves it as the newest version and shows it again.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { fillParam, openFixture, selectNode } from './fixtures/navigation.js';
import { openTab } from './fixtures/panels.js';

function history(page: Page) {
  return page.getByTestId('history');
}

/** Sets the output's name, saves with `note` from the history panel, and waits for the version. */
async function saveNamed(page: Page, name: string, note: string, version: number): Promise<void> {
  await openTab(page, 'inspector');
  await selectNode(page, 'result');
  await fillParam(page, 'name', name);
  await openTab(page, 'history');
  await history(page).getByTestId('save-note').fill(note);
  await history(page).getByTestId('save-with-note').click();
  await expect(history(page).getByTestId(`version-item-${version}`)).toBeVisible();
  // The note field empties once the version is stored.
  await expect(history(page).getByTestId('save-note')).toHaveValue('');
}

test('versions saved with notes are listed, compared, and an old one restored', async ({
  editor,
  rest,
  workspace,
}) => {
  // Version 1 is the fixture as stored, its output named "greeting".
  const workflowId = await openFixture(editor, rest, workspace, 'two-nodes');
  await saveNamed(editor, 'salutation', 'renamed the output', 2);
  await saveNamed(editor, 'welcome', 'renamed it again', 3);

  const list = history(editor).getByTestId('version-list');
  await expect(list.locator('[data-testid^="version-item-"]')).toHaveCount(3);
  await expect(list.getByTestId('version-item-3').getByTestId('version-note')).toHaveText('renamed it again');
  await expect(list.getByTestId('version-item-2').getByTestId('version-note')).toHaveText(
    'renamed the output',
  );
  await expect(list.getByTestId('version-item-1').getByTestId('version-note')).toHaveCount(0);

  // Version 1 against version 3: the output's name changed from one to the other.
  await list.getByTestId('version-compare-1').check();
  await list.getByTestId('version-compare-3').check();
  await history(editor).getByTestId('version-compare').click();
  const diff = history(editor).getByTestId('diff-view');
  await expect(diff).toHaveAttribute('data-from', '1');
  await expect(diff).toHaveAttribute('data-to', '3');
  const change = diff.locator('[data-testid="diff-value"][data-path="params.name"]');
  await expect(change).toHaveAttribute('data-kind', 'changed');
  await expect(change.locator('.diff-before')).toContainText('"greeting"');
  await expect(change.locator('.diff-after')).toContainText('"welcome"');
  await history(editor).getByTestId('diff-close').click();

  // Restoring version 1 makes it version 4, open in the editor with its old name.
  await list.getByTestId('version-restore-1').click();
  await expect(list.getByTestId('version-item-4')).toBeVisible();
  await openTab(editor, 'inspector');
  await selectNode(editor, 'result');
  await expect(editor.getByTestId('inspector').getByTestId('param-name')).toHaveValue('greeting');
  const stored = await rest.getWorkflow(workspace.id, workflowId);
  expect(stored.version).toBe(4);
  expect(stored.document.nodes[1]?.params).toEqual({ name: 'greeting' });
});
