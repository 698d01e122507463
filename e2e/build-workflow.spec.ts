// Building a workflow on the canvas: nodes dragged from the palette, ports joined by dragging, and a
// connection between ports whose types do not fit refused with the reason (SPEC §2: "number → string").
import { test, expect } from './fixtures/test.js';
import {
  canvasNodeIds,
  connectPorts,
  dragPort,
  dropPaletteItem,
  edgeCount,
  portHandle,
} from './fixtures/editor.js';
import { enterWorkspace } from './fixtures/navigation.js';

test.beforeEach(async ({ editor, workspace }) => {
  await enterWorkspace(editor, workspace);
});

test('nodes dragged from the palette are joined by dragging from an output to an input', async ({
  editor,
}) => {
  // An empty canvas says how to start; the hint goes once there is a node.
  await expect(editor.getByTestId('canvas-empty-hint')).toBeVisible();
  const trigger = await dropPaletteItem(editor, 'core.manual', { x: 160, y: 160 });
  await expect(editor.getByTestId('canvas-empty-hint')).toHaveCount(0);
  const output = await dropPaletteItem(editor, 'core.output', { x: 520, y: 160 });
  expect(await canvasNodeIds(editor)).toEqual([trigger, output]);
  // Each node shows its ports as handles named after them.
  await expect(portHandle(editor, { node: trigger, port: 'out' }, 'source')).toBeVisible();
  await expect(portHandle(editor, { node: output, port: 'in' }, 'target')).toBeVisible();

  await connectPorts(editor, { node: trigger, port: 'out' }, { node: output, port: 'in' });

  expect(await edgeCount(editor)).toBe(1);
  await expect(editor.getByTestId('problem')).toHaveCount(0);
});

test('a connection between ports of different types is refused, and the editor says why', async ({
  editor,
}) => {
  // core.merge emits an array; text.upper (the example plugin) takes a string.
  const merge = await dropPaletteItem(editor, 'core.merge', { x: 160, y: 160 });
  const upper = await dropPaletteItem(editor, 'text.upper', { x: 520, y: 160 });

  await dragPort(editor, { node: merge, port: 'out' }, { node: upper, port: 'in' });

  const problem = editor.getByTestId('problem');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('array → string');
  expect(await edgeCount(editor)).toBe(0);
});
