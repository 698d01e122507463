// A plugin's node type (the example plugin weft-plugin-text, in the server's plugins folder) is in the
// palette beside the bundled ones, and a workflow built with it runs: its code runs in the plugin
// runner and its output shows in the editor.
import { test, expect } from './fixtures/test.js';
import { connectPorts, dropPaletteItem, expectNodeStatus, expectRunStatus } from './fixtures/editor.js';
import { enterWorkspace, fillParam, selectNode } from './fixtures/navigation.js';

test("a plugin's node is found in the palette and runs in a workflow", async ({ editor, workspace }) => {
  await enterWorkspace(editor, workspace);
  const search = editor.getByTestId('palette-search');
  await search.fill('upper');
  await expect(editor.getByTestId('palette-item-text.upper')).toBeVisible();
  await expect(editor.getByTestId('palette-item-core.manual')).toHaveCount(0);
  await search.fill('');

  const source = await dropPaletteItem(editor, 'core.expression', { x: 120, y: 160 });
  await fillParam(editor, 'expression', '"weft"');
  const upper = await dropPaletteItem(editor, 'text.upper', { x: 420, y: 160 });
  const output = await dropPaletteItem(editor, 'core.output', { x: 720, y: 160 });
  await fillParam(editor, 'name', 'shout');
  await connectPorts(editor, { node: source, port: 'out' }, { node: upper, port: 'in' });
  await connectPorts(editor, { node: upper, port: 'out' }, { node: output, port: 'in' });
  await editor.getByTestId('workflow-name').fill('Shout');

  // Run saves a new workflow first.
  await editor.getByTestId('run').click();

  await expectRunStatus(editor, 'succeeded');
  await expectNodeStatus(editor, upper, 'succeeded');
  await selectNode(editor, upper);
  await expect(editor.getByTestId(`node-output-${upper}`)).toContainText('"WEFT"');
});
