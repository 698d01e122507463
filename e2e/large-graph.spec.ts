// A large graph zoomed out is drawn as boxes on one <canvas> instead of a view per node (the simplified
// drawing): there is no element per node to find, so the spec works out where a box is on screen from
// the node's position in the document and the viewport's transform, and points there. Hovering names
// the node, a click selects it, a double click zooms in until the node is drawn in full, a run
// watched while zoomed out leaves its statuses on the nodes seen after zooming in, and a box dragged
// while zoomed out moves its node (one undo step) without panning the view.
import type { Page } from '@playwright/test';
import type { WorkflowDocument } from '../engine/model/document.js';
import { liveRunWorkflow } from '../bench/ui/workloads.js';
import { canvasNode, expectNodeStatus, expectRunStatus } from './fixtures/editor.js';
import { enterWorkspace, openFromList } from './fixtures/navigation.js';
import { expect, test } from './fixtures/test.js';

/** 300 nodes: a manual trigger fanned out to 299 delays, 20 to a row (bench/ui's live-run workload). */
const NODE_COUNT = 300;

/** The node the spec points at: inside the grid, not on its edge. */
const TARGET = 'wait47';
const TARGET_LABEL = 'Wait 47';

/** A point inside a node's box, from its top-left corner in flow pixels (a node is 200 wide, ~90 high). */
const INSIDE_BOX = { x: 100, y: 40 } as const;

/** The generated workflow, with 1 ms delays (the run is over quickly) and a label on every delay. */
function largeGraph(): WorkflowDocument {
  const document = liveRunWorkflow(NODE_COUNT - 1, 20);
  return {
    ...document,
    name: `Large graph: ${NODE_COUNT} nodes`,
    nodes: document.nodes.map((node) =>
      node.type === 'core.delay'
        ? { ...node, label: `Wait ${node.id.slice('wait'.length)}`, params: { ms: 1 } }
        : node,
    ),
  };
}

/** React Flow's viewport transform: `translate(Xpx, Ypx) scale(Z)`. */
const TRANSFORM = /translate\((-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)\s*scale\(([\d.e+-]+)\)/;

/** `.react-flow__viewport`'s style: its transform is the view (pan and zoom). */
async function viewportStyle(page: Page): Promise<string> {
  return (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
}

/** The view's pan (x, y) and zoom, read from `.react-flow__viewport`'s transform right now. */
async function viewTransform(page: Page): Promise<[number, number, number]> {
  const style = await viewportStyle(page);
  const match = TRANSFORM.exec(style);
  if (!match) throw new Error(`no viewport transform in "${style}"`);
  return match.slice(1, 4).map(Number) as [number, number, number];
}

/** Where the flow point `at` is on the page, from `.react-flow__viewport`'s transform right now. */
async function screenPoint(page: Page, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const [x, y, zoom] = await viewTransform(page);
  // React Flow counts the translation from its wrapper's corner (as its screenToFlowPosition does).
  const origin = await page.locator('.react-flow').boundingBox();
  if (!origin) throw new Error('the canvas is not on the page');
  return { x: origin.x + x + at.x * zoom, y: origin.y + y + at.y * zoom };
}

/** The screen point inside node `id`'s box in the current view. */
function pointOnNode(page: Page, document: WorkflowDocument, id: string): Promise<{ x: number; y: number }> {
  const node = document.nodes.find((n) => n.id === id);
  if (!node?.position) throw new Error(`the document has no node ${id} with a position`);
  return screenPoint(page, { x: node.position.x + INSIDE_BOX.x, y: node.position.y + INSIDE_BOX.y });
}

/** Waits until the whole graph is shown as boxes: the simplified drawing, every node painted in view. */
async function expectSimplifiedDrawing(page: Page): Promise<void> {
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-lod', 'true');
  await expect(page.getByTestId('lod-canvas')).toHaveAttribute('data-drawn', String(NODE_COUNT));
  await expect(page.locator('canvas[aria-label="Overview"]')).toBeVisible();
  await expect(canvasNode(page, TARGET)).toHaveCount(0);
}

test('a large graph zoomed out is drawn as boxes that can be hovered, selected, zoomed into and run', async ({
  editor,
  rest,
  workspace,
}) => {
  const document = largeGraph();
  const workflow = await rest.createWorkflow(workspace.id, document);
  await enterWorkspace(editor, workspace);
  await openFromList(editor, workflow.id);

  // The fit on opening brings all 300 nodes into view, far below the zoom where node views are drawn.
  await expectSimplifiedDrawing(editor);
  const fitted = await viewportStyle(editor);

  // Hovering a box names its node (there is no node element to hover).
  const tip = editor.getByTestId('canvas').getByRole('tooltip');
  const onTarget = await pointOnNode(editor, document, TARGET);
  await editor.mouse.move(onTarget.x, onTarget.y, { steps: 4 });
  await expect(tip).toContainText(TARGET_LABEL);
  await expect(tip).toContainText(TARGET);

  // A click selects it: the inspector shows that node.
  await editor.mouse.click(onTarget.x, onTarget.y);
  const inspector = editor.getByTestId('inspector');
  await expect(inspector.getByTestId('inspector-label')).toHaveValue(TARGET_LABEL);
  await expect(inspector).toContainText(TARGET);

  // Ctrl+click adds another box to the selection, and a second Ctrl+click takes it out again.
  const other = await pointOnNode(editor, document, 'wait48');
  await editor.keyboard.down('Control');
  await editor.mouse.click(other.x, other.y);
  await editor.keyboard.up('Control');
  await expect(editor.getByTestId('selection-count')).toContainText('2');
  await editor.keyboard.down('Control');
  await editor.mouse.click(other.x, other.y);
  await editor.keyboard.up('Control');
  await expect(inspector.getByTestId('inspector-label')).toHaveValue(TARGET_LABEL);

  // A double click zooms in on it until it is drawn in full: a node element again, and no boxes.
  await editor.mouse.dblclick(onTarget.x, onTarget.y);
  await expect(canvasNode(editor, TARGET)).toBeVisible();
  await expect(editor.getByTestId('canvas')).not.toHaveAttribute('data-lod');
  await expect(editor.getByTestId('lod-canvas')).toHaveCount(0);
  await expect(canvasNode(editor, TARGET)).toHaveAttribute('data-status', 'idle');

  // Fit (F) zooms back out to the boxes, and the run is started and watched from there.
  await editor.keyboard.press('f');
  await expectSimplifiedDrawing(editor);
  // The fit is animated: wait for it to settle (on the same view as the fit on opening) before pointing.
  await expect.poll(() => viewportStyle(editor)).toBe(fitted);
  await editor.getByTestId('run').click();
  await expectRunStatus(editor, 'succeeded', { timeout: 10_000 });
  await expect(editor.getByTestId('canvas')).toHaveAttribute('data-lod', 'true');

  // The box's tip tells the status too; zoomed in again, the node shows the status the run left on it.
  const again = await pointOnNode(editor, document, TARGET);
  await editor.mouse.move(again.x, again.y, { steps: 4 });
  await expect(tip).toContainText(`${TARGET} · succeeded`);
  await editor.mouse.dblclick(again.x, again.y);
  await expect(canvasNode(editor, TARGET)).toBeVisible();
  await expectNodeStatus(editor, TARGET, 'succeeded');

  // Zoomed out again, the box is dragged ~100 screen pixels: the node moves, the view does not pan.
  await editor.keyboard.press('f');
  await expectSimplifiedDrawing(editor);
  await expect.poll(() => viewportStyle(editor)).toBe(fitted);
  const [, , zoom] = await viewTransform(editor);
  const before = document.nodes.find((n) => n.id === TARGET)!.position!;
  const drag = { x: 100, y: 30 };
  const grab = await pointOnNode(editor, document, TARGET);
  await editor.mouse.move(grab.x, grab.y);
  await editor.mouse.down();
  await editor.mouse.move(grab.x + drag.x, grab.y + drag.y, { steps: 10 });
  await editor.mouse.up();
  expect(await viewportStyle(editor)).toBe(fitted);

  // Saved, the document has the node moved by the drag in flow pixels (the drop rounds to whole pixels).
  const savedPosition = async () => {
    const saved = await rest.getWorkflow(workspace.id, workflow.id);
    return saved.document.nodes.find((n) => n.id === TARGET)?.position;
  };
  const moved = { x: before.x + drag.x / zoom, y: before.y + drag.y / zoom };
  await editor.getByTestId('save').click();
  await expect
    .poll(async () => {
      const p = await savedPosition();
      return p !== undefined && Math.abs(p.x - moved.x) <= 1 && Math.abs(p.y - moved.y) <= 1;
    })
    .toBe(true);

  // One undo puts it back: saved again, the node is where it started.
  await editor.getByTestId('undo').click();
  await editor.getByTestId('save').click();
  await expect.poll(savedPosition).toEqual(before);
});
