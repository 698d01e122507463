// The problems panel: every problem of the open workflow with its JSON path (SPEC §1 Validation), the
// live ones as they appear and the host's full check on request; a click on one selects its node and
// opens the inspector on it, and a fixed problem leaves the list.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { fillParam, openFixture, selectNode } from './fixtures/navigation.js';
import { addNode, clickEmptyCanvas, expectNotSelected, expectSelected, openTab } from './fixtures/panels.js';

function problemsPanel(page: Page) {
  return page.getByTestId('problems-panel');
}

test('a missing required param is listed, and its entry leads to the node', async ({
  editor,
  rest,
  workspace,
}) => {
  await openFixture(editor, rest, workspace, 'two-nodes');
  await openTab(editor, 'problems');
  await expect(problemsPanel(editor).getByTestId('problem')).toHaveCount(0);
  await expect(editor.getByTestId('problems-count')).toHaveCount(0);

  // Emptying the output's required name is a problem at once.
  await selectNode(editor, 'result');
  await fillParam(editor, 'name', '');
  const entry = problemsPanel(editor).getByTestId('problem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-path', 'nodes[1].params.name');
  await expect(entry).toContainText('required');
  await expect(editor.getByTestId('problems-count')).toHaveText('1');

  // Away from the node, with another right panel open: the entry brings both back.
  await clickEmptyCanvas(editor);
  await expectNotSelected(editor, 'result');
  await openTab(editor, 'history');
  await entry.click();
  await expectSelected(editor, 'result');
  await expectNotSelected(editor, 'start');
  await expect(editor.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  const name = editor.getByTestId('inspector').getByTestId('param-name');
  await expect(name).toBeVisible();

  // Fixed, it leaves the list.
  await fillParam(editor, 'name', 'greeting');
  await expect(problemsPanel(editor).getByTestId('problem')).toHaveCount(0);
  await expect(editor.getByTestId('problems-count')).toHaveCount(0);
});

test("the host's full check adds what the live checks cannot see", async ({ editor, rest, workspace }) => {
  await openFixture(editor, rest, workspace, 'two-nodes', (document) => {
    addNode(
      document,
      { id: 'wait', type: 'core.delay', position: { x: 240, y: 160 }, params: { ms: 10 } },
      'start',
    );
  });
  await openTab(editor, 'problems');

  // Below the schema's minimum: only the host's validation of params schemas says so.
  await selectNode(editor, 'wait');
  await fillParam(editor, 'ms', '-5');
  await problemsPanel(editor).getByTestId('problems-check').click();
  const entry = problemsPanel(editor).locator('[data-testid="problem"][data-path^="nodes[2].params.ms"]');
  await expect(entry).toHaveCount(1);
  await expect(editor.getByTestId('problems-count')).toHaveText('1');

  await clickEmptyCanvas(editor);
  await expectNotSelected(editor, 'wait');
  await entry.click();
  await expectSelected(editor, 'wait');
  await expect(editor.getByTestId('inspector').getByTestId('param-ms')).toHaveValue('-5');
});
