import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '../../../engine/model/document.js';
import type { Problem } from '../../../engine/model/problem.js';
import type { DocumentSnapshot } from '../../stores/document-model.js';
import { withParam } from '../../stores/document-model.js';
import { anchorProblems, currentCheckProblems, mergeProblems, pathWithinNode } from './problem-list.js';

const a: WorkflowNode = { id: 'a', type: 'core.http', params: { url: '' } };
const b: WorkflowNode = { id: 'b', type: 'core.delay', params: { ms: -1 } };
const checked: DocumentSnapshot = {
  meta: { name: 'W', settings: { maxConcurrency: 0 } },
  nodes: [a, b],
  edges: [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }],
};
const fromHost: Problem[] = [
  { path: 'nodes[1].params.ms', code: 'INVALID_PARAMS', message: 'must be >= 0' },
  { path: 'nodes[0].params.url', code: 'INVALID_PARAMS', message: 'must NOT have fewer than 1 characters' },
  { path: 'settings.maxConcurrency', code: 'INVALID_VALUE', message: 'too small' },
  { path: 'edges[0]', code: 'CYCLE', message: 'cycle a → b → a' },
];

describe('anchorProblems / currentCheckProblems', () => {
  const anchored = anchorProblems(fromHost, checked);

  it('leaves out the problems the live checks find themselves', () => {
    expect(anchored.map((p) => p.code)).not.toContain('CYCLE');
    expect(anchored).toHaveLength(3);
  });

  it('keeps every problem while the document is unchanged', () => {
    const listed = currentCheckProblems(anchored, checked);
    expect(listed.map((p) => [p.path, p.nodeId, p.source])).toEqual([
      ['nodes[1].params.ms', 'b', 'check'],
      ['nodes[0].params.url', 'a', 'check'],
      ['settings.maxConcurrency', undefined, 'check'],
    ]);
  });

  it('follows a node that moved in the list and drops one that was edited', () => {
    const now: DocumentSnapshot = {
      ...checked,
      // `a` was removed and re-added edited; `b` only moved on the canvas and in the array.
      nodes: [{ ...b, position: { x: 5, y: 5 }, params: b.params }, withParam(a, 'url', 'http://x')],
    };
    const listed = currentCheckProblems(anchored, now);
    expect(listed.map((p) => p.path)).toEqual(['nodes[0].params.ms', 'settings.maxConcurrency']);
  });

  it('drops document problems once the document keys changed', () => {
    const now = { ...checked, meta: { ...checked.meta, settings: { maxConcurrency: 4 } } };
    expect(currentCheckProblems(anchored, now).map((p) => p.path)).not.toContain('settings.maxConcurrency');
  });
});

describe('mergeProblems', () => {
  it('de-duplicates by path and message and orders document, nodes, edges', () => {
    const live: Problem[] = [
      { path: 'edges[0].targetPort', code: 'MISSING_PORT', message: 'no port' },
      { path: 'nodes[1].params.ms', code: 'INVALID_PARAMS', message: 'must be >= 0' },
      { path: 'nodes[0].params.url', code: 'INVALID_PARAMS', message: 'required' },
    ];
    const fromCheck = currentCheckProblems(anchorProblems(fromHost, checked), checked);
    const merged = mergeProblems(live, fromCheck, checked);
    expect(merged.map((p) => [p.path, p.source])).toEqual([
      ['settings.maxConcurrency', 'check'],
      ['nodes[0].params.url', 'live'],
      ['nodes[0].params.url', 'check'],
      ['nodes[1].params.ms', 'live'],
      ['edges[0].targetPort', 'live'],
    ]);
    expect(merged.at(-1)?.nodeId).toBe('b');
    expect(new Set(merged.map((p) => p.key)).size).toBe(merged.length);
  });
});

describe('pathWithinNode', () => {
  it('shows the path from the node', () => {
    expect(pathWithinNode('nodes[3].params.url')).toBe('params.url');
    expect(pathWithinNode('nodes[3]')).toBe('(node)');
    expect(pathWithinNode('settings.x')).toBe('settings.x');
  });
});
