// Undo and redo, from the toolbar and from the keyboard: adding a node, moving it (one drag is one
// step) and editing a param (a burst of typing is one step) are each undone and redone in order.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.js';
import { canvasNode, canvasNodeIds, dropPaletteItem } from './fixtures/editor.js';
import { enterWorkspace, fillParam, selectNode } from './fixtures/navigation.js';

interface Point {
  x: number;
  y: number;
}

/** Where the node's top-left corner is on the screen, in whole pixels. */
async function nodeAt(page: Page, id: string): Promise<Point> {
  const box = await canvasNode(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} is not on the canvas`);
  return { x: Math.round(box.x), y: Math.round(box.y) };
}

/** Drags a node by its header, in steps so that React Flow sees a drag. */
async function dragNode(page: Page, id: string, by: Point): Promise<void> {
  const from = await nodeAt(page, id);
  await page.mouse.move(from.x + 24, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 24 + by.x, from.y + 10 + by.y, { steps: 10 });
  await page.mouse.up();
}

function paramField(page: Page, name: string) {
  return page.getByTestId('inspector').getByTestId(`param-${name}`);
}

/** The three edits every test undoes: add a delay node, move it, set its `ms`. */
async function makeThreeEdits(page: Page) {
  const id = await dropPaletteItem(page, 'core.delay', { x: 200, y: 160 });
  const dropped = await nodeAt(page, id);
  await dragNode(page, id, { x: 180, y: 120 });
  await expect.poll(() => nodeAt(page, id)).not.toEqual(dropped);
  const moved = await nodeAt(page, id);
  await selectNode(page, id);
  const msBefore = await paramField(page, 'ms').inputValue();
  await fillParam(page, 'ms', '2500');
  return { id, dropped, moved, msBefore };
}

test.beforeEach(async ({ editor, workspace }) => {
  await enterWorkspace(editor, workspace);
});

test('the undo and redo buttons step back and forth through add, move and param edit', async ({ editor }) => {
  const undo = editor.getByTestId('undo');
  const redo = editor.getByTestId('redo');
  await expect(undo).toBeDisabled();
  const { id, dropped, moved, msBefore } = await makeThreeEdits(editor);
  await expect(redo).toBeDisabled();

  await undo.click();
  await expect(paramField(editor, 'ms')).toHaveValue(msBefore);
  await undo.click();
  await expect.poll(() => nodeAt(editor, id)).toEqual(dropped);
  await undo.click();
  await expect.poll(() => canvasNodeIds(editor)).toEqual([]);
  await expect(undo).toBeDisabled();

  await redo.click();
  await expect.poll(() => canvasNodeIds(editor)).toEqual([id]);
  await expect.poll(() => nodeAt(editor, id)).toEqual(dropped);
  await redo.click();
  await expect.poll(() => nodeAt(editor, id)).toEqual(moved);
  await redo.click();
  await expect(redo).toBeDisabled();
  await selectNode(editor, id);
  await expect(paramField(editor, 'ms')).toHaveValue('2500');
});

test('Ctrl+Z undoes, and Ctrl+Shift+Z and Ctrl+Y redo, the same steps', async ({ editor }) => {
  const { id, dropped, moved, msBefore } = await makeThreeEdits(editor);
  // In a text field the keys keep their own meaning (the field's undo): leave the field first.
  await paramField(editor, 'ms').blur();

  await editor.keyboard.press('Control+z');
  await expect(paramField(editor, 'ms')).toHaveValue(msBefore);
  await editor.keyboard.press('Control+z');
  await expect.poll(() => nodeAt(editor, id)).toEqual(dropped);
  await editor.keyboard.press('Control+z');
  await expect.poll(() => canvasNodeIds(editor)).toEqual([]);

  await editor.keyboard.press('Control+Shift+z');
  await expect.poll(() => canvasNodeIds(editor)).toEqual([id]);
  await editor.keyboard.press('Control+y');
  await expect.poll(() => nodeAt(editor, id)).toEqual(moved);
  await editor.keyboard.press('Control+Shift+z');
  await expect(editor.getByTestId('redo')).toBeDisabled();
  await selectNode(editor, id);
  await expect(paramField(editor, 'ms')).toHaveValue('2500');
});
