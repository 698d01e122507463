import { describe, expect, it } from 'vitest';
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import {
  clipOf,
  clipToPaste,
  freshId,
  parseClip,
  PASTE_STEP,
  pasteShift,
  planPaste,
  serializeClip,
} from './clipboard.js';

const nodes: WorkflowNode[] = [
  { id: 'start', type: 'core.manual', position: { x: 0, y: 0 }, params: {} },
  { id: 'set_1', type: 'core.set', position: { x: 200, y: 0 }, params: { values: { a: '{{ input.in }}' } } },
  { id: 'out', type: 'core.output', position: { x: 400, y: 0 }, params: { name: 'r' } },
];
const edges: WorkflowEdge[] = [
  { id: 'e1', source: 'start', sourcePort: 'out', target: 'set_1', targetPort: 'in' },
  { id: 'e2', source: 'set_1', sourcePort: 'out', target: 'out', targetPort: 'in' },
];

describe('clipOf', () => {
  it('takes the selected nodes and only the edges between them', () => {
    const clip = clipOf(nodes, edges, ['start', 'set_1']);
    expect(clip?.nodes.map((n) => n.id)).toEqual(['start', 'set_1']);
    expect(clip?.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('is null without a selected node', () => {
    expect(clipOf(nodes, edges, [])).toBeNull();
    expect(clipOf(nodes, edges, ['gone'])).toBeNull();
  });
});

describe('serializeClip / parseClip', () => {
  it('round-trips with the marker', () => {
    const clip = clipOf(nodes, edges, ['start', 'set_1'])!;
    const text = serializeClip(clip);
    expect(JSON.parse(text)).toMatchObject({ weft: 'nodes', version: 1 });
    expect(parseClip(text)).toEqual(clip);
  });

  it('reads the nodes and edges of a whole workflow document', () => {
    const doc = { format: 'weft.workflow', formatVersion: 1, nodes, edges };
    expect(parseClip(JSON.stringify(doc))?.edges).toHaveLength(2);
  });

  it('refuses other text and JSON without the marker', () => {
    expect(parseClip('hello')).toBeNull();
    expect(parseClip('{"nodes": []}')).toBeNull();
    expect(parseClip('{"weft": "nodes", "nodes": []}')).toBeNull();
    expect(parseClip('{"weft": "nodes", "nodes": [')).toBeNull();
  });

  it('drops invalid nodes, duplicate ids and edges that leave the clip', () => {
    const text = JSON.stringify({
      weft: 'nodes',
      nodes: [
        { id: 'a', type: 'core.set' },
        { id: 'a', type: 'core.set' },
        { id: 'bad id!', type: 'core.set' },
        { id: 'b', type: 'core.set', extra: 1 },
        { id: 'c', type: 'core.set' },
      ],
      edges: [
        { id: 'x', source: 'a', sourcePort: 'out', target: 'c', targetPort: 'in' },
        { id: 'y', source: 'a', sourcePort: 'out', target: 'elsewhere', targetPort: 'in' },
      ],
    });
    const clip = parseClip(text)!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(clip.edges.map((e) => e.id)).toEqual(['x']);
  });
});

describe('freshId', () => {
  it('keeps a free id and numbers a taken one within its family', () => {
    expect(freshId('greet', new Set(['x']))).toBe('greet');
    expect(freshId('greet', new Set(['greet']))).toBe('greet_1');
    expect(freshId('set_1', new Set(['set_1', 'set_2']))).toBe('set_3');
  });

  it('stays within 64 characters of the id alphabet', () => {
    const long = 'a'.repeat(64);
    const id = freshId(long, new Set([long]));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
  });
});

describe('pasteShift', () => {
  const clip = clipOf(nodes, edges, ['start'])!;

  it('moves one step, or further when an earlier paste is there', () => {
    expect(pasteShift(clip, nodes)).toEqual({ x: PASTE_STEP, y: PASTE_STEP });
    const pasted = [...nodes, { id: 'p', type: 'core.manual', position: { x: PASTE_STEP, y: PASTE_STEP } }];
    expect(pasteShift(clip, pasted)).toEqual({ x: 2 * PASTE_STEP, y: 2 * PASTE_STEP });
  });

  it('centres the group in the view when the usual spot is out of it', () => {
    const view = { x: 1000, y: 1000, width: 400, height: 200 };
    expect(pasteShift(clip, nodes, view)).toEqual({ x: 1200, y: 1100 });
    expect(pasteShift(clip, nodes, { x: 0, y: 0, width: 400, height: 200 })).toEqual({
      x: PASTE_STEP,
      y: PASTE_STEP,
    });
  });
});

describe('planPaste', () => {
  it('gives colliding nodes and edges fresh ids and rewires the edges', () => {
    const clip = clipOf(nodes, edges, ['start', 'set_1'])!;
    const plan = planPaste(clip, { nodes, edges });
    expect(plan.nodeIds).toEqual(['start_1', 'set_2']);
    expect(plan.nodes[1]).toMatchObject({
      type: 'core.set',
      position: { x: 200 + PASTE_STEP, y: PASTE_STEP },
      params: { values: { a: '{{ input.in }}' } },
    });
    expect(plan.edges).toEqual([
      { id: 'e3', source: 'start_1', sourcePort: 'out', target: 'set_2', targetPort: 'in' },
    ]);
  });

  it('keeps ids that are free in the target document', () => {
    const clip = clipOf(nodes, edges, ['start', 'set_1'])!;
    const plan = planPaste(clip, { nodes: [], edges: [] });
    expect(plan.nodeIds).toEqual(['start', 'set_1']);
    expect(plan.edges[0]!.id).toBe('e1');
  });
});

describe('clipToPaste', () => {
  const ours = serializeClip(clipOf(nodes, edges, ['start'])!);
  const older = serializeClip(clipOf(nodes, edges, ['out'])!);
  const ids = (c: ReturnType<typeof clipToPaste>) => c?.nodes.map((n) => n.id);

  it('takes our copy from the system clipboard first', () => {
    expect(ids(clipToPaste(ours, { text: older, onSystemClipboard: true }))).toEqual(['start']);
  });

  it('falls back to the stored copy when the clipboard is empty or unreadable', () => {
    expect(ids(clipToPaste('', { text: older, onSystemClipboard: true }))).toEqual(['out']);
    expect(ids(clipToPaste(null, { text: older, onSystemClipboard: true }))).toEqual(['out']);
  });

  it('ignores the stored copy when other text was copied since', () => {
    expect(clipToPaste('some text', { text: older, onSystemClipboard: true })).toBeNull();
    expect(ids(clipToPaste('some text', { text: older, onSystemClipboard: false }))).toEqual(['out']);
    expect(clipToPaste('some text', null)).toBeNull();
  });
});
