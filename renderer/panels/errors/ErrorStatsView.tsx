// The error statistics (panel `errors`): failures over the recent runs of the open workflow or of the
// whole workspace, grouped by node type, code or message as a bar chart, with the trend of failed runs.
// Picking a group selects its latest failing node when it is on the canvas.
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApiClient } from '../../app/app-context.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useRunActions } from '../runs/run-actions.js';
import { ErrorChart } from './ErrorChart.js';
import './errors.css';
import { failureTrend, groupErrorStats, type ErrorBar, type ErrorGrouping } from './error-stats-model.js';
import { TrendStrip } from './TrendStrip.js';
import { useErrorStats } from './use-error-stats.js';
import { useFocusNode } from '../../canvas/use-focus-node.js';

type Scope = 'workflow' | 'workspace';

const WINDOWS = [50, 200, 500, 2000] as const;
const GROUPINGS: ReadonlyArray<{ value: ErrorGrouping; label: string }> = [
  { value: 'nodeType', label: 'Node type' },
  { value: 'code', label: 'Code' },
  { value: 'message', label: 'Message' },
];

function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string; disabled?: boolean }>;
  onChange: (value: T) => void;
}) {
  return (
    <span className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          disabled={o.disabled}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </span>
  );
}

export function ErrorStatsView() {
  const client = useApiClient();
  const focusNode = useFocusNode();
  const actions = useRunActions();
  const { workspaceId, workflowId } = useUiStore(
    useShallow((s) => ({ workspaceId: s.workspaceId, workflowId: s.workflowId })),
  );
  const [chosenScope, setScope] = useState<Scope>('workflow');
  const scope: Scope = workflowId ? chosenScope : 'workspace';
  const [windowSize, setWindowSize] = useState<number>(500);
  const [groupBy, setGroupBy] = useState<ErrorGrouping>('nodeType');
  const { data, refresh } = useErrorStats(client, {
    workspaceId,
    workflowId: scope === 'workflow' ? workflowId : null,
    runs: windowSize,
  });
  const chart = useMemo(() => groupErrorStats(data.stats?.entries ?? [], groupBy, 12), [data.stats, groupBy]);
  const trend = useMemo(() => (data.recentRuns ? failureTrend(data.recentRuns) : null), [data.recentRuns]);

  const pick = (bar: ErrorBar) => {
    const nodeId = bar.last.lastNodeId;
    const ui = useUiStore.getState();
    const onCanvas = useDocumentStore.getState().nodes.some((n) => n.id === nodeId);
    if (!onCanvas) {
      ui.notify('info', `${nodeId} is not on the canvas: it belongs to another workflow or was removed.`, 'errors');
      return;
    }
    // As the problems list does: select it, show it in the inspector, and bring it into view.
    focusNode(nodeId);
  };

  return (
    <div className="errors-panel" data-testid="error-stats">
      <div className="errors-toolbar">
        <Segmented<Scope>
          label="Scope"
          value={scope}
          options={[
            { value: 'workflow', label: 'This workflow', disabled: !workflowId },
            { value: 'workspace', label: 'Workspace' },
          ]}
          onChange={setScope}
        />
        <label className="muted ui-small">
          last{' '}
          <select value={windowSize} onChange={(e) => setWindowSize(Number(e.target.value))} aria-label="Runs looked at">
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>{' '}
          runs
        </label>
        <Segmented<ErrorGrouping> label="Group by" value={groupBy} options={GROUPINGS} onChange={setGroupBy} />
        <span className="ui-spacer" />
        <button type="button" onClick={() => void refresh()} disabled={data.loading} data-testid="errors-refresh">
          {data.loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      {data.error && <p className="run-error panel-note">Could not read the statistics: {data.error}</p>}
      <div className="errors-body">
        <section className="errors-chart-pane" aria-label="Failures">
          <p className="muted ui-small errors-summary">
            {data.stats
              ? `${chart.total} failure${chart.total === 1 ? '' : 's'} over the last ${data.stats.runs} run${
                  data.stats.runs === 1 ? '' : 's'
                } of ${scope === 'workflow' ? 'this workflow' : 'the workspace'}`
              : 'Loading…'}
          </p>
          {data.stats && chart.bars.length === 0 && <p className="muted panel-note">No failures.</p>}
          <ErrorChart chart={chart} groupedBy={groupBy} onPick={pick} onOpenRun={(id) => void actions.openRun(id)} />
        </section>
        {scope === 'workflow' && (
          <section className="errors-trend-pane" aria-label="Trend">
            <h3 className="column-title">Recent runs</h3>
            {trend ? <TrendStrip trend={trend} onOpenRun={(id) => void actions.openRun(id)} /> : null}
          </section>
        )}
      </div>
    </div>
  );
}
