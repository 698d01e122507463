// The document and selection as React Flow nodes and edges, plus the measured sizes React Flow reports
// (kept here, outside the document and outside undo).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import {
  createFlowEdgeMapper,
  createFlowNodeMapper,
  type Measured,
  type WeftFlowEdge,
  type WeftFlowNode,
} from './flow-mapping.js';

export interface FlowElements {
  readonly nodes: WeftFlowNode[];
  readonly edges: WeftFlowEdge[];
  /** Records sizes React Flow measured (one batch of `dimensions` changes at a time). */
  readonly setMeasured: (sizes: ReadonlyArray<readonly [string, Measured]>) => void;
  readonly measuredOf: (id: string) => Measured | undefined;
}

export function useFlowElements(): FlowElements {
  const { docNodes, docEdges } = useDocumentStore(
    useShallow((s) => ({ docNodes: s.nodes, docEdges: s.edges })),
  );
  const selection = useUiStore((s) => s.selection);
  const [measured, setMeasuredMap] = useState<ReadonlyMap<string, Measured>>(() => new Map());
  const measuredRef = useRef(measured);
  measuredRef.current = measured;

  const nodeMapper = useMemo(createFlowNodeMapper, []);
  const edgeMapper = useMemo(createFlowEdgeMapper, []);
  const selectedNodes = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdges = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);

  const nodes = useMemo(
    () => nodeMapper(docNodes, selectedNodes, measured),
    [nodeMapper, docNodes, selectedNodes, measured],
  );
  const edges = useMemo(() => edgeMapper(docEdges, selectedEdges), [edgeMapper, docEdges, selectedEdges]);

  const setMeasured = useCallback((sizes: ReadonlyArray<readonly [string, Measured]>) => {
    setMeasuredMap((prev) => {
      let next: Map<string, Measured> | null = null;
      for (const [id, size] of sizes) {
        const old = prev.get(id);
        if (old && old.width === size.width && old.height === size.height) continue;
        next ??= new Map(prev);
        next.set(id, size);
      }
      return next ?? prev;
    });
  }, []);
  const measuredOf = useCallback((id: string) => measuredRef.current.get(id), []);

  return { nodes, edges, setMeasured, measuredOf };
}
