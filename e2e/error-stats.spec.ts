// Error statistics: after a failing run the Errors panel counts the failure by node type (or by code),
// and a click on the entry selects the node that failed last.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { expectRunStatus } from './fixtures/editor.js';
import { openFixture } from './fixtures/navigation.js';
import { clickEmptyCanvas, expectNotSelected, expectSelected, openTab } from './fixtures/panels.js';

function errorStats(page: Page) {
  return page.getByTestId('error-stats');
}

test('a failing run is counted by node type and code, and its entry selects the node', async ({
  editor,
  rest,
  workspace,
}) => {
  await openFixture(editor, rest, workspace, 'failing');
  await openTab(editor, 'errors');
  await expect(errorStats(editor)).toContainText('No failures.');

  await editor.getByTestId('run').click();
  await expectRunStatus(editor, 'failed');
  await openTab(editor, 'errors');

  // Grouped by node type (the default): one failure of core.fail, last in `boom`.
  const entry = errorStats(editor).getByTestId('error-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('core.fail');
  await expect(entry).toHaveAttribute('data-node-id', 'boom');
  await expect(entry.locator('.error-bar-count')).toHaveText(/^1\s/);

  // Grouped by code: the same failure, as NODE_ERROR.
  await errorStats(editor).getByRole('radio', { name: 'Code' }).click();
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('NODE_ERROR');

  await clickEmptyCanvas(editor);
  await expectNotSelected(editor, 'boom');
  await editor.getByTestId('tab-runs').click();
  await entry.click();
  await expectSelected(editor, 'boom');
  await expectNotSelected(editor, 'start');
  // The node is shown in the inspector, whatever the right panel showed before.
  await expect(editor.getByTestId('inspector')).toBeVisible();
  await expect(editor.getByTestId('inspector')).toContainText('boom');

  // A second failing run is counted too.
  await editor.getByTestId('run').click();
  await expect(entry.locator('.error-bar-count')).toHaveText(/^2\s/);
});
