// The workflows the UI benchmark opens and runs, generated with positions so that what is measured is
// the editor drawing them, not the auto-layout placing them.
import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';

/** Horizontal and vertical distance between grid cells, in flow pixels (a node is about 200 × 90). */
const CELL = { x: 280, y: 140 } as const;

/** The node types of the large workflow's columns after the first, in turn: a mix the palette offers. */
const COLUMN_TYPES = [
  { type: 'core.set', params: { values: { step: 'set', note: 'Hello, {{ input.in.name }}' } } },
  { type: 'core.expression', params: { expression: 'input.in' } },
  { type: 'core.delay', params: { ms: 1 } },
  { type: 'core.merge', params: {} },
] as const;

function edge(source: string, target: string, index: number): WorkflowEdge {
  return { id: `e${index}`, source, sourcePort: 'out', target, targetPort: 'in' };
}

/**
 * A grid of `columns × rows` nodes (2,000 by default): the first column manual triggers, each other node
 * fed by its left neighbour; a merge node also takes the row below's left neighbour, so edges cross.
 */
export function largeWorkflow(columns = 50, rows = 40): WorkflowDocument {
  const id = (c: number, r: number): string => `n${c}_${r}`;
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  for (let c = 0; c < columns; c += 1) {
    const kind = c === 0 ? undefined : COLUMN_TYPES[(c - 1) % COLUMN_TYPES.length];
    for (let r = 0; r < rows; r += 1) {
      const position = { x: c * CELL.x, y: r * CELL.y };
      if (!kind) {
        nodes.push({
          id: id(c, r),
          type: 'core.manual',
          position,
          params: { payload: { name: `row ${r}` } },
        });
        continue;
      }
      nodes.push({ id: id(c, r), type: kind.type, position, params: structuredClone(kind.params) });
      edges.push(edge(id(c - 1, r), id(c, r), edges.length));
      if (kind.type === 'core.merge' && r + 1 < rows)
        edges.push(edge(id(c - 1, r + 1), id(c, r), edges.length));
    }
  }
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name: `UI bench: ${nodes.length} nodes`,
    nodes,
    edges,
  };
}

/**
 * A manual trigger fanned out to `delays` delay nodes of 100–400 ms (199 by default: 200 nodes), laid
 * out in a grid that fits the window, run 16 at a time: statuses change continuously for a few seconds.
 */
export function liveRunWorkflow(delays = 199, columns = 20): WorkflowDocument {
  const nodes: WorkflowNode[] = [
    { id: 'start', type: 'core.manual', position: { x: -CELL.x, y: 0 }, params: {} },
  ];
  const edges: WorkflowEdge[] = [];
  for (let i = 0; i < delays; i += 1) {
    const id = `wait${i}`;
    // Spread over 100–400 ms without randomness, so every run of the benchmark does the same work.
    const ms = 100 + ((i * 37) % 301);
    const position = { x: (i % columns) * CELL.x, y: Math.floor(i / columns) * CELL.y };
    nodes.push({ id, type: 'core.delay', position, params: { ms } });
    edges.push(edge('start', id, i));
  }
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name: `UI bench: live run of ${nodes.length} nodes`,
    settings: { maxConcurrency: 16 },
    nodes,
    edges,
  };
}
