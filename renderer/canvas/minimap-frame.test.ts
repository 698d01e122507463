import { describe, expect, it } from 'vitest';
import { frameMiniMap, mapToFlow, viewBox } from './minimap-frame.js';

describe('overview map framing', () => {
  it('reads the part of the flow a viewport shows', () => {
    expect(viewBox({ x: -100, y: 50, zoom: 0.5, width: 800, height: 600 })).toEqual({
      x: 200,
      y: -100,
      width: 1600,
      height: 1200,
    });
  });

  it('fits the graph and the view together, centred, with a margin', () => {
    const graph = { x: 0, y: 0, width: 4000, height: 1000 };
    const view = { x: 100, y: 100, width: 800, height: 600 };
    const frame = frameMiniMap(graph, view, 200, 150);
    // 4,000 flow px across 200 map px: 20 per pixel, plus a margin of 5 pixels' worth on each side.
    expect(frame.scale).toBeCloseTo(150 / (20 * 150 + 200));
    expect(mapToFlow(frame, 100, 75).x).toBeCloseTo(2000);
    expect(mapToFlow(frame, 5, 75).x).toBeLessThan(0);
    expect(mapToFlow(frame, 195, 75).x).toBeGreaterThan(4000);
    // Vertically centred on the graph.
    expect(mapToFlow(frame, 100, 75).y).toBeCloseTo(500);
  });

  it('widens to a view that reaches past the graph, and frames the view alone without nodes', () => {
    const graph = { x: 0, y: 0, width: 1000, height: 500 };
    const view = { x: -3000, y: 0, width: 1000, height: 750 };
    const frame = frameMiniMap(graph, view, 200, 150);
    expect(mapToFlow(frame, 5, 0).x).toBeLessThanOrEqual(-3000);
    expect(mapToFlow(frame, 195, 0).x).toBeGreaterThanOrEqual(1000);
    const empty = frameMiniMap(null, view, 200, 150);
    expect(mapToFlow(empty, 100, 75)).toEqual({ x: -2500, y: 375 });
  });
});
