// Failures as horizontal bars (plain SVG): one per group, its length relative to the largest, the
// count and share beside it and what it is made of below. A click picks the group's latest failure.
import type { ErrorBar, ErrorChart as Chart, ErrorGrouping } from './error-stats-model.js';

const BREAKDOWN_SHOWN = 3;

function percent(share: number): string {
  return share >= 0.995 ? '100%' : share < 0.01 ? '<1%' : `${Math.round(share * 100)}%`;
}

function breakdownText(bar: ErrorBar): string {
  const parts = bar.breakdown.slice(0, BREAKDOWN_SHOWN).map((p) => `${p.key} ×${p.count}`);
  const more = bar.breakdown.length - BREAKDOWN_SHOWN;
  return more > 0 ? `${parts.join(', ')}, +${more} more` : parts.join(', ');
}

export function ErrorChart({
  chart,
  groupedBy,
  onPick,
  onOpenRun,
}: {
  chart: Chart;
  groupedBy: ErrorGrouping;
  onPick: (bar: ErrorBar) => void;
  onOpenRun: (runId: string) => void;
}) {
  return (
    <ol className="error-chart" data-testid="error-chart">
      {chart.bars.map((bar) => (
        <li key={bar.key} className="error-chart-row">
          <button
            type="button"
            className="error-bar-button"
            data-testid="error-entry"
            data-node-id={bar.last.lastNodeId}
            title={`Latest: ${bar.last.code} in ${bar.last.lastNodeId} (${bar.last.nodeType}), ${new Date(
              bar.last.lastAt,
            ).toLocaleString()}\n${bar.last.lastMessage}\nClick to select ${bar.last.lastNodeId} on the canvas.`}
            onClick={() => onPick(bar)}
          >
            <span className={`error-bar-label${groupedBy === 'message' ? '' : ' mono'}`}>{bar.key}</span>
            <svg className="error-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect className="error-bar-track" x="0" y="0" width="100" height="10" />
              <rect className="error-bar-fill" x="0" y="0" width={Math.max(0.8, bar.scale * 100)} height="10" />
            </svg>
            <span className="error-bar-count">
              {bar.count} <span className="muted">({percent(bar.share)})</span>
            </span>
          </button>
          <div className="error-bar-detail muted ui-small">
            <span>{breakdownText(bar)}</span>
            <span>
              · last in <span className="mono">{bar.last.lastNodeId}</span>
            </span>
            <button type="button" className="ui-link-button" onClick={() => onOpenRun(bar.last.lastRunId)}>
              open that run
            </button>
          </div>
        </li>
      ))}
      {chart.other && (
        <li className="error-chart-row muted ui-small">
          …and {chart.other.count} more failure{chart.other.count === 1 ? '' : 's'} in {chart.other.groups} other group
          {chart.other.groups === 1 ? '' : 's'}
        </li>
      )}
    </ol>
  );
}
