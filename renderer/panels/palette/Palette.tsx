// The node palette: the workspace's node types (plugins' included) by category, with search. An entry
// is dragged onto the canvas, or added at the centre of the view by double-click or Enter.
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { NodeTypeDescriptor } from '../../../preload/contract.js';
import { estimateSize } from '../../canvas/auto-layout.js';
import { NODE_TYPE_MIME } from '../../canvas/palette-drag.js';
import { freeSpot } from '../../canvas/placement.js';
import { groupForPalette, useCatalogStore } from '../../stores/catalog.store.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { DeniedPaletteEntries } from '../workspace/DeniedPaletteEntries.js';

/** Adds a node of `type` near the centre of the visible canvas, where it covers no other node. */
function useAddAtCentre(): (type: string) => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (type: string) => {
      const { width, height, domNode } = store.getState();
      const box = domNode?.getBoundingClientRect();
      const centre = flow.screenToFlowPosition({
        x: (box?.left ?? 0) + width / 2,
        y: (box?.top ?? 0) + height / 2,
      });
      const size = estimateSize(useCatalogStore.getState().byType[type]);
      const { nodes, addNode } = useDocumentStore.getState();
      const at = freeSpot(nodes, { x: centre.x - size.width / 2, y: centre.y - size.height / 2 }, size);
      const id = addNode(type, at);
      useUiStore.getState().select({ nodeIds: [id], edgeIds: [] });
    },
    [flow, store],
  );
}

const PaletteEntry = memo(function PaletteEntry({
  type,
  onAdd,
}: {
  type: NodeTypeDescriptor;
  onAdd: (type: string) => void;
}) {
  return (
    <li
      className="palette-item"
      data-testid={`palette-item-${type.type}`}
      draggable
      tabIndex={0}
      title={`${type.description || type.title}\n${type.type} · double-click or drag to add`}
      onDragStart={(e) => {
        e.dataTransfer.setData(NODE_TYPE_MIME, type.type);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onDoubleClick={() => onAdd(type.type)}
      onKeyDown={(e) => e.key === 'Enter' && onAdd(type.type)}
    >
      <span className="palette-title">{type.title}</span>
      <span className="palette-type muted">{type.type}</span>
    </li>
  );
});

export function Palette() {
  const types = useCatalogStore((s) => s.types);
  const loaded = useCatalogStore((s) => s.loaded);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const groups = useMemo(() => groupForPalette(types, deferredQuery), [types, deferredQuery]);
  const add = useAddAtCentre();

  return (
    <div className="palette">
      <input
        type="search"
        className="panel-search"
        placeholder="Search nodes"
        aria-label="Search nodes"
        data-testid="palette-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="panel-scroll">
        {!loaded && <p className="muted panel-note">Loading node types…</p>}
        {loaded && groups.length === 0 && <p className="muted panel-note">No node type matches “{query}”.</p>}
        {groups.map((g) => (
          <div key={g.category} className="palette-group">
            <h3 className="palette-category">{g.category}</h3>
            <ul>
              {g.types.map((t) => (
                <PaletteEntry key={t.type} type={t} onAdd={add} />
              ))}
            </ul>
          </div>
        ))}
        <DeniedPaletteEntries query={deferredQuery} />
      </div>
    </div>
  );
}
