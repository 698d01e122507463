// Saving: a workflow built and edited in the editor is stored, and after a reload of the page it is in
// the workflow list and opens as it was saved: its nodes, its edge, its params and its name.
import { test, expect } from './fixtures/test.js';
import { canvasNodeIds, connectPorts, dropPaletteItem, edgeCount } from './fixtures/editor.js';
import { enterWorkspace, fillParam, openFromList, selectNode, workflowList } from './fixtures/navigation.js';

test('a saved workflow is intact after the page is reloaded', async ({ editor, workspace, rest }) => {
  await enterWorkspace(editor, workspace);
  const trigger = await dropPaletteItem(editor, 'core.manual', { x: 160, y: 160 });
  const output = await dropPaletteItem(editor, 'core.output', { x: 520, y: 160 });
  await connectPorts(editor, { node: trigger, port: 'out' }, { node: output, port: 'in' });
  await editor.getByTestId('workflow-name').fill('Kept across reloads');
  await selectNode(editor, output);
  await fillParam(editor, 'name', 'greeting');

  await editor.getByTestId('save').click();

  const items = workflowList(editor).locator('[data-testid^="workflow-item-"]');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Kept across reloads');
  const workflowId = ((await items.getAttribute('data-testid')) ?? '').slice('workflow-item-'.length);

  await editor.reload();
  await expect(editor.getByTestId('palette-search')).toBeVisible();
  await expect(editor.getByTestId('workspace-switcher')).toHaveValue(workspace.id);
  await openFromList(editor, workflowId);

  await expect(editor.getByTestId('workflow-name')).toHaveValue('Kept across reloads');
  await expect.poll(() => canvasNodeIds(editor)).toEqual([trigger, output]);
  await expect.poll(() => edgeCount(editor)).toBe(1);
  await selectNode(editor, output);
  await expect(editor.getByTestId('inspector').getByTestId('param-name')).toHaveValue('greeting');

  // What the host stored is what was drawn.
  const stored = await rest.getWorkflow(workspace.id, workflowId);
  expect(stored.document.nodes.map((n) => [n.id, n.type])).toEqual([
    [trigger, 'core.manual'],
    [output, 'core.output'],
  ]);
  expect(stored.document.nodes[1]?.params).toEqual({ name: 'greeting' });
  expect(stored.document.edges).toMatchObject([
    { source: trigger, sourcePort: 'out', target: output, targetPort: 'in' },
  ]);
});
