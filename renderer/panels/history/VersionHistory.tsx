// The history panel (right slot, `history`): save with a note, the open workflow's versions paged,
// "view" a version read-only, restore one, and compare two (or one with the current) in a diff view.
import { useEffect, useMemo, useState } from 'react';
import { useApiClient, useCommands } from '../../app/app-context.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useNow } from '../workflows/use-list-hooks.js';
import {
  compareRequest,
  toggleTick,
  versionLabel,
  viewRequest,
  type DiffRequest,
} from './compare-selection.js';
import { DiffView } from './DiffView.js';
import { createHistoryActions } from './history-actions.js';
import { SaveWithNote } from './SaveWithNote.js';
import { useVersions } from './use-versions.js';
import { VersionList } from './VersionList.js';
import './history.css';

function DiffHeader({
  request,
  versions,
  latest,
  onChange,
  onClose,
  onRestore,
  onExport,
}: {
  request: DiffRequest;
  versions: readonly number[];
  latest: number | null;
  onChange: (r: DiffRequest) => void;
  onClose: () => void;
  onRestore: (version: number) => void;
  onExport: (version: number) => void;
}) {
  const picker = (side: 'from' | 'to', label: string) => (
    <label className="diff-pick">
      <span className="muted">{label}</span>
      <select
        data-testid={`diff-${side}`}
        value={request[side]}
        onChange={(e) => onChange({ ...request, [side]: Number(e.target.value), viewing: undefined })}
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            {versionLabel(v, latest)}
          </option>
        ))}
      </select>
    </label>
  );
  const { viewing } = request;
  return (
    <div className="diff-header">
      <div className="diff-header-row">
        <strong>{viewing !== undefined ? `Version ${viewing} (read-only)` : 'Compare versions'}</strong>
        <button type="button" className="icon" aria-label="Close the comparison" data-testid="diff-close" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="diff-header-row">
        {picker('from', 'From')}
        <span aria-hidden="true">→</span>
        {picker('to', 'To')}
      </div>
      {viewing !== undefined && (
        <div className="diff-header-row">
          <button
            type="button"
            data-testid="version-view-restore"
            disabled={viewing === latest}
            onClick={() => onRestore(viewing)}
          >
            Restore v{viewing}
          </button>
          <button type="button" data-testid="version-view-export" onClick={() => onExport(viewing)}>
            Export v{viewing}
          </button>
        </div>
      )}
    </div>
  );
}

export function VersionHistory() {
  const client = useApiClient();
  const commands = useCommands();
  const actions = useMemo(() => createHistoryActions(client, commands), [client, commands]);
  const workflowId = useUiStore((s) => s.workflowId);
  const savedVersion = useUiStore((s) => s.version);
  const restoring = useUiStore((s) => s.busy['restore'] === true);
  const versions = useVersions(workflowId);
  const now = useNow();
  const [ticked, setTicked] = useState<number[]>([]);
  const [request, setRequest] = useState<DiffRequest | null>(null);
  const latest = versions.items[0]?.version ?? savedVersion;

  // Another workflow, or a new current version (save, restore): what was ticked and compared is stale.
  useEffect(() => {
    setTicked([]);
    setRequest(null);
  }, [workflowId, savedVersion]);

  const compare = compareRequest(ticked, latest);
  const restore = (version: number) => workflowId && actions.restore(workflowId, version);

  return (
    <div className="history-panel" data-testid="history">
      <SaveWithNote />
      {!workflowId ? (
        <p className="muted panel-note">Save this workflow to start its history.</p>
      ) : request ? (
        <>
          <DiffHeader
            request={request}
            versions={versions.items.map((v) => v.version)}
            latest={latest}
            onChange={setRequest}
            onClose={() => setRequest(null)}
            onRestore={restore}
            onExport={(v) => void actions.exportVersion(workflowId, v)}
          />
          <DiffView workflowId={workflowId} request={request} actions={actions} />
        </>
      ) : (
        <>
          <div className="history-toolbar">
            <button
              type="button"
              data-testid="version-compare"
              disabled={!compare}
              title={
                compare
                  ? undefined
                  : 'Tick two versions to compare them, or one to compare it with the current version'
              }
              onClick={() => compare && setRequest(compare)}
            >
              {compare ? `Compare v${compare.from} → v${compare.to}` : 'Compare'}
            </button>
            {versions.loading && <span className="muted">Loading…</span>}
          </div>
          {versions.error && <p className="problem-text panel-note">Could not list versions: {versions.error}</p>}
          <VersionList
            versions={versions.items}
            latest={latest}
            ticked={ticked}
            now={now}
            restoring={restoring}
            onTick={(v) => setTicked((t) => toggleTick(t, v))}
            onView={(v) => setRequest(viewRequest(v, latest))}
            onRestore={restore}
          />
          {versions.nextCursor && (
            <button
              type="button"
              className="load-more"
              data-testid="version-load-more"
              disabled={versions.loading}
              onClick={versions.loadMore}
            >
              Older versions
            </button>
          )}
        </>
      )}
    </div>
  );
}
