// Panning and zooming the canvas the way a person does, with real mouse input (Chromium's input
// pipeline, not synthetic DOM events), while the page records its frames.
import type { Page } from '@playwright/test';
import { frameStats, type FrameStats } from './frame-stats.js';
import { emptyPanePoint, readViewport, startFrames, stopFrames } from './page-probes.js';

/** One drag's length in screen pixels, and the pointer moves it is made of. */
const DRAG = { dx: 420, dy: 260, steps: 90 } as const;

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  const before = await page.evaluate(readViewport);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Each move is sent when the one before has been handled: about one per frame, like a hand.
  for (let i = 1; i <= DRAG.steps; i += 1) {
    await page.mouse.move(from.x + (dx * i) / DRAG.steps, from.y + (dy * i) / DRAG.steps);
  }
  await page.mouse.up();
  const after = await page.evaluate(readViewport);
  // The viewport followed the pointer: the drag panned (one that started on a node would move the node).
  if (Math.abs(after.x - before.x - dx) > 2 || Math.abs(after.y - before.y - dy) > 2) {
    throw new Error(
      `a ${dx},${dy} drag moved the viewport from ${JSON.stringify(before)} to ${JSON.stringify(after)}`,
    );
  }
}

/**
 * Pans there and back again `roundTrips` times from a bare spot of the canvas (a drag that starts on a
 * node would move the node); the spot travels with the drag, so the way back starts on bare canvas too.
 */
export async function measurePan(page: Page, roundTrips: number): Promise<FrameStats & { zoom: number }> {
  const start = await page.evaluate(emptyPanePoint);
  if (!start) throw new Error('no bare spot on the canvas to pan from');
  const before = await page.evaluate(readViewport);
  await page.evaluate(startFrames);
  for (let i = 0; i < roundTrips; i += 1) {
    await drag(page, start, DRAG.dx, DRAG.dy);
    await drag(page, { x: start.x + DRAG.dx, y: start.y + DRAG.dy }, -DRAG.dx, -DRAG.dy);
  }
  const gaps = await page.evaluate(stopFrames);
  const after = await page.evaluate(readViewport);
  if (Math.abs(after.x - before.x) > 2 || Math.abs(after.y - before.y) > 2) {
    throw new Error(`the pan did not return: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  return { ...frameStats(gaps), zoom: before.zoom };
}

/** Zooms with the mouse wheel over the canvas's centre until the zoom reaches `target`. */
export async function zoomTo(page: Page, target: number): Promise<void> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('the canvas is not shown');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 100; i += 1) {
    const { zoom } = await page.evaluate(readViewport);
    if (zoom >= target * 0.95) return;
    await page.mouse.wheel(0, -120);
  }
  throw new Error(`could not zoom to ${target}`);
}
