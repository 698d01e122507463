// The saved versions, newest first: number, time, note; "view" opens one read-only (its diff to the
// current version), "restore" saves it as the newest; two ticked versions (or one and the current)
// are compared.
import type { VersionSummary } from '../../../preload/contract.js';
import { relativeTime } from '../workflows/workflow-list-model.js';

export function VersionList({
  versions,
  latest,
  ticked,
  now,
  restoring,
  onTick,
  onView,
  onRestore,
}: {
  versions: readonly VersionSummary[];
  latest: number | null;
  ticked: readonly number[];
  now: number;
  restoring: boolean;
  onTick: (version: number) => void;
  onView: (version: number) => void;
  onRestore: (version: number) => void;
}) {
  return (
    <ul className="version-list" data-testid="version-list">
      {versions.map((v) => {
        const isLatest = v.version === latest;
        return (
          <li
            key={v.version}
            className={`version-item${ticked.includes(v.version) ? ' ticked' : ''}`}
            data-testid={`version-item-${v.version}`}
          >
            <label className="version-tick" title="Tick two versions (or one) to compare">
              <input
                type="checkbox"
                aria-label={`Compare version ${v.version}`}
                data-testid={`version-compare-${v.version}`}
                checked={ticked.includes(v.version)}
                onChange={() => onTick(v.version)}
              />
            </label>
            <div className="version-main">
              <div className="version-head">
                <strong>v{v.version}</strong>
                {isLatest && <span className="version-badge">current</span>}
                <time className="muted" dateTime={new Date(v.createdAt).toISOString()} title={new Date(v.createdAt).toLocaleString()}>
                  {relativeTime(v.createdAt, now)}
                </time>
              </div>
              {v.note && (
                <div className="version-note" data-testid="version-note">
                  {v.note}
                </div>
              )}
            </div>
            <div className="version-actions">
              <button
                type="button"
                data-testid={`version-view-${v.version}`}
                title={isLatest ? 'Show this version' : 'Show this version and what changed since'}
                onClick={() => onView(v.version)}
              >
                View
              </button>
              <button
                type="button"
                data-testid={`version-restore-${v.version}`}
                disabled={isLatest || restoring}
                title={isLatest ? 'This is the current version' : `Save version ${v.version} as the newest version`}
                onClick={() => onRestore(v.version)}
              >
                Restore
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
