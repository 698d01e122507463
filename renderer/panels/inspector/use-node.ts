// The document node with this id, found without scanning all 2,000 nodes on every keystroke: the
// index where it was last found is tried first (edits keep a node in place; only removals and
// re-orders move it, and then one scan finds it again).
import { useCallback, useRef } from 'react';
import type { WorkflowNode } from '../../../engine/model/document.js';
import { useDocumentStore } from '../../stores/document.store.js';
import type { DocumentState } from '../../stores/document.store.js';

export function findNodeWithHint(
  nodes: readonly WorkflowNode[],
  id: string,
  hint: { index: number },
): WorkflowNode | undefined {
  const at = nodes[hint.index];
  if (at?.id === id) return at;
  const index = nodes.findIndex((n) => n.id === id);
  if (index !== -1) hint.index = index;
  return index === -1 ? undefined : nodes[index];
}

export function useNode(id: string): WorkflowNode | undefined {
  const hint = useRef({ index: 0 });
  const select = useCallback((s: DocumentState) => findNodeWithHint(s.nodes, id, hint.current), [id]);
  return useDocumentStore(select);
}
