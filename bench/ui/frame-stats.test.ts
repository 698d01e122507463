import { describe, expect, it } from 'vitest';
import { frameStats, median, quantile } from './frame-stats.js';
import { largeWorkflow, liveRunWorkflow } from './workloads.js';

describe('frameStats', () => {
  it('turns frame gaps into fps, median, p95 and stutters', () => {
    const gaps = [...Array.from({ length: 18 }, () => 16), 40, 80];
    const stats = frameStats(gaps);
    expect(stats.frames).toBe(20);
    expect(stats.spanMs).toBe(18 * 16 + 120);
    expect(stats.fps).toBeCloseTo((20 * 1000) / 408);
    expect(stats.medianMs).toBe(16);
    expect(stats.p95Ms).toBe(40);
    expect(stats.maxMs).toBe(80);
    expect(stats.longFrames).toBe(1);
  });

  it('answers NaN, not a crash, for no frames', () => {
    expect(frameStats([]).fps).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('takes the nearest rank', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('the benchmark workflows', () => {
  it('the large one has 2,000 positioned nodes, every edge between existing nodes', () => {
    const doc = largeWorkflow();
    expect(doc.nodes).toHaveLength(2000);
    expect(doc.nodes.every((n) => n.position !== undefined)).toBe(true);
    const ids = new Set(doc.nodes.map((n) => n.id));
    expect(ids.size).toBe(2000);
    expect(doc.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(new Set(doc.edges.map((e) => e.id)).size).toBe(doc.edges.length);
  });

  it('the live-run one has 200 nodes: a trigger and 199 delays of 100–400 ms', () => {
    const doc = liveRunWorkflow();
    expect(doc.nodes).toHaveLength(200);
    const delays = doc.nodes.filter((n) => n.type === 'core.delay').map((n) => n.params?.['ms'] as number);
    expect(delays).toHaveLength(199);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(400);
  });
});
