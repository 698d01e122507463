// The palette's disabled entries: node types a loaded plugin provides but the workspace's policy keeps
// out. They cannot be dragged or added; each says why, and where to change it.
import { useMemo } from 'react';
import { useCatalogStore } from '../../stores/catalog.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { deniedEntries } from './policy-model.js';
import { useCurrentWorkspace, useKnownTypes } from './use-workspace-policy.js';
import { WORKSPACE_DIALOG } from './WorkspaceDialog.js';
import './workspace.css';

export function DeniedPaletteEntries({ query }: { query: string }) {
  const workspace = useCurrentWorkspace();
  const known = useKnownTypes();
  const catalog = useCatalogStore((s) => s.byType);
  const entries = useMemo(
    () => (workspace ? deniedEntries(known, workspace.policy, new Set(Object.keys(catalog)), query) : []),
    [known, workspace, catalog, query],
  );
  if (entries.length === 0) return null;
  return (
    <div className="palette-group palette-denied" data-testid="palette-denied">
      <h3 className="palette-category">Not allowed in this workspace</h3>
      <ul>
        {entries.map((e) => (
          <li
            key={e.type}
            className="palette-item disabled"
            data-testid={`palette-item-${e.type}`}
            data-denied="true"
            aria-disabled="true"
            tabIndex={0}
            title={`${e.reason}. Change it in the workspace settings.`}
            onDragStart={(ev) => ev.preventDefault()}
            onKeyDown={(ev) => ev.key === 'Enter' && useUiStore.getState().openDialog({ kind: WORKSPACE_DIALOG })}
          >
            <span className="palette-title">{e.type}</span>
            <span className="palette-denied-reason" data-testid="palette-denied-reason">
              {e.reason}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
