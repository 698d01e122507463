// Copy and paste between workflows: two connected nodes copied with Ctrl+C arrive in a new workflow
// with Ctrl+V, with their edge, params and policy; a paste whose ids are taken gets fresh ones; and one
// undo takes a whole paste back.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { canvasNode, canvasNodeIds, edgeCount } from './fixtures/editor.js';
import { openFixture, selectNode, workflowList } from './fixtures/navigation.js';
import { documentNode, expectNotSelected, expectSelected, idAfter } from './fixtures/panels.js';
import { workflowDocument } from './fixtures/workflows.js';

/** Adds `id` to the selection: React Flow's multi-selection key is Control off macOS. */
async function addToSelection(page: Page, id: string): Promise<void> {
  await canvasNode(page, id).click({ position: { x: 24, y: 10 }, modifiers: ['Control'] });
  await expectSelected(page, id);
}

test('two connected nodes are copied into a new workflow, and a paste is one undo step', async ({
  editor,
  rest,
  workspace,
}) => {
  await openFixture(editor, rest, workspace, 'retrying');
  await selectNode(editor, 'start');
  await addToSelection(editor, 'flaky');
  await expectSelected(editor, 'start');
  await expectNotSelected(editor, 'result');
  await editor.keyboard.press('Control+c');
  await expect(editor.getByText('Copied 2 nodes and 1 connection')).toBeVisible();

  await editor.getByTestId('new-workflow').click();
  await expect.poll(() => canvasNodeIds(editor)).toEqual([]);
  await expect(editor.getByTestId('undo')).toBeDisabled();

  // Into an empty workflow the ids are free, so they are kept (templates naming them still hold).
  await editor.keyboard.press('Control+v');
  const pastedAt = await editor.evaluate(() => performance.now());
  await expect.poll(() => canvasNodeIds(editor)).toEqual(['start', 'flaky']);
  await expect.poll(() => edgeCount(editor)).toBe(1);
  await expectSelected(editor, 'start');
  await expectSelected(editor, 'flaky');

  // Again: those ids are taken now, so the second copy gets fresh ones, and its own edge. The editor
  // takes a paste within 80 ms of the last one for the same keystroke seen twice (key and menu), so a
  // person's second Ctrl+V comes later than that.
  await editor.waitForFunction((since) => performance.now() - since > 120, pastedAt);
  await editor.keyboard.press('Control+v');
  await expect.poll(() => canvasNodeIds(editor)).toHaveLength(4);
  const pasted = (await canvasNodeIds(editor)).slice(2);
  expect(pasted).not.toContain('start');
  expect(pasted).not.toContain('flaky');
  expect(new Set(pasted).size).toBe(2);
  await expect.poll(() => edgeCount(editor)).toBe(2);
  for (const id of pasted) await expectSelected(editor, id);

  // One undo removes the whole second paste: both nodes and the edge.
  await editor.keyboard.press('Control+z');
  await expect.poll(() => canvasNodeIds(editor)).toEqual(['start', 'flaky']);
  await expect.poll(() => edgeCount(editor)).toBe(1);
  // And the first paste as one step too; redone, it is back whole.
  await editor.keyboard.press('Control+z');
  await expect.poll(() => canvasNodeIds(editor)).toEqual([]);
  await expect.poll(() => edgeCount(editor)).toBe(0);
  await editor.keyboard.press('Control+Shift+z');
  await expect.poll(() => canvasNodeIds(editor)).toEqual(['start', 'flaky']);
  await expect.poll(() => edgeCount(editor)).toBe(1);

  // What was pasted carries its params and policy: saved, it is the original's.
  await editor.getByTestId('workflow-name').fill('Pasted');
  await editor.getByTestId('save').click();
  const current = workflowList(editor).locator('[aria-current="true"]');
  await expect(current).toContainText('Pasted');
  const saved = await rest.getWorkflow(workspace.id, await idAfter(current, 'workflow-item-'));
  const original = workflowDocument('retrying');
  const flaky = saved.document.nodes.find((n) => n.id === 'flaky');
  expect(flaky?.params).toEqual(documentNode(original, 'flaky').params);
  expect(flaky?.policy).toEqual(documentNode(original, 'flaky').policy);
  expect(saved.document.edges).toMatchObject([
    { source: 'start', sourcePort: 'out', target: 'flaky', targetPort: 'in' },
  ]);
});
