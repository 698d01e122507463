// The document and selection as React Flow nodes and edges, plus the measured sizes React Flow reports
// (kept here, outside the document and outside undo, and forgotten when another document loads).
// While the simplified drawing shows the graph (`lod`), React Flow keeps the nodes, hidden (fit view,
// delete and the selection still work on them), and gets no edges: a hidden edge still costs a store
// subscriber per edge on every frame of a pan. `withheld` hands it nothing at all (see use-fit-on-load).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCatalogStore } from '../stores/catalog.store.js';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import {
  createFlowEdgeMapper,
  createFlowNodeMapper,
  type Measured,
  type WeftFlowEdge,
  type WeftFlowNode,
} from './flow-mapping.js';
import { createGeometryCache, type GeometryOf } from './node-geometry.js';

export interface FlowElements {
  readonly nodes: WeftFlowNode[];
  readonly edges: WeftFlowEdge[];
  /** Records sizes React Flow measured (one batch of `dimensions` changes at a time). */
  readonly setMeasured: (sizes: ReadonlyArray<readonly [string, Measured]>) => void;
}

const NO_NODES: WeftFlowNode[] = [];
const NO_EDGES: WeftFlowEdge[] = [];
const NO_SIZES: ReadonlyMap<string, Measured> = new Map();

/** Sizes measured for the document of one load: ids of another document may name other nodes. */
interface MeasuredSizes {
  readonly loadId: number;
  readonly sizes: ReadonlyMap<string, Measured>;
}

/** The geometry of the catalog's node types (a new cache when the catalog changes). */
export function useGeometryOf(): GeometryOf {
  const byType = useCatalogStore((s) => s.byType);
  return useMemo(() => createGeometryCache(byType), [byType]);
}

export function useFlowElements({
  geometryOf,
  lod,
  withheld,
}: {
  geometryOf: GeometryOf;
  lod: boolean;
  withheld: boolean;
}): FlowElements {
  const { docNodes, docEdges, loadId } = useDocumentStore(
    useShallow((s) => ({ docNodes: s.nodes, docEdges: s.edges, loadId: s.loadId })),
  );
  const selection = useUiStore((s) => s.selection);
  const [measuredState, setMeasuredState] = useState<MeasuredSizes>({ loadId, sizes: NO_SIZES });
  const measured = measuredState.loadId === loadId ? measuredState.sizes : NO_SIZES;
  const loadIdRef = useRef(loadId);
  loadIdRef.current = loadId;

  const nodeMapper = useMemo(createFlowNodeMapper, []);
  const edgeMapper = useMemo(createFlowEdgeMapper, []);
  const selectedNodes = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdges = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);

  const nodes = useMemo(
    () =>
      withheld
        ? NO_NODES
        : nodeMapper(docNodes, { selected: selectedNodes, measured, geometryOf, hidden: lod }),
    [nodeMapper, docNodes, selectedNodes, measured, geometryOf, lod, withheld],
  );
  const edges = useMemo(
    () => (withheld || lod ? NO_EDGES : edgeMapper(docEdges, selectedEdges)),
    [edgeMapper, docEdges, selectedEdges, lod, withheld],
  );

  const setMeasured = useCallback((sizes: ReadonlyArray<readonly [string, Measured]>) => {
    setMeasuredState((prev) => {
      const current = loadIdRef.current;
      const base = prev.loadId === current ? prev.sizes : NO_SIZES;
      let next: Map<string, Measured> | null = null;
      for (const [id, size] of sizes) {
        const old = base.get(id);
        if (old && old.width === size.width && old.height === size.height) continue;
        next ??= new Map(base);
        next.set(id, size);
      }
      return next ? { loadId: current, sizes: next } : prev;
    });
  }, []);

  return { nodes, edges, setMeasured };
}
