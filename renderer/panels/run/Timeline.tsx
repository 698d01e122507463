// The run as a timeline: one row per node, a bar from its first try's start to its last try's end,
// coloured by status, retried nodes marked with their tries. Rows are virtualized (only those in view
// are in the DOM), so a run of thousands of nodes costs a screenful of rows. A click picks the node
// (its data shows beside), a double click also brings it into view on the canvas; ↑/↓ walk the rows.
import { useReactFlow } from '@xyflow/react';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDuration, reusedLabel } from '../../canvas/node-status.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { useRunStore } from '../../stores/run.store.js';
import { axisTicks, barGeometry, layoutTimeline, visibleRows, type TimelineRow } from './timeline-layout.js';
import { useNow } from './use-now.js';

const ROW_HEIGHT = 22;

interface RowProps {
  readonly row: TimelineRow;
  readonly top: number;
  readonly spanMs: number;
  readonly label: string | undefined;
  /** The run the reused (pinned) rows' outputs came from. */
  readonly reusedFrom: string | undefined;
  readonly picked: boolean;
  readonly onPick: (nodeId: string) => void;
  readonly onFocusNode: (nodeId: string) => void;
}

const TimelineRowView = memo(function TimelineRowView({
  row,
  top,
  spanMs,
  label,
  reusedFrom,
  picked,
  onPick,
  onFocusNode,
}: RowProps) {
  const bar = barGeometry(row, spanMs);
  const duration = row.startMs !== undefined && row.endMs !== undefined ? row.endMs - row.startMs : undefined;
  const reused = row.pinned ? reusedLabel(reusedFrom) : null;
  const facts = [
    row.nodeId,
    reused ? `did not run: its outputs were ${reused}` : row.status,
    reused ? null : duration !== undefined ? formatDuration(duration) : 'did not start',
    row.attempts > 1 ? `${row.attempts} tries` : null,
    row.startMs !== undefined ? `started at +${formatDuration(row.startMs)}` : null,
    label === undefined ? 'not in the open version' : null,
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={`timeline-row${picked ? ' picked' : ''}${row.pinned ? ' reused' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      data-timeline-node={row.nodeId}
      data-status={row.status}
      data-reused={row.pinned || undefined}
      aria-pressed={picked}
      title={facts.join(' · ')}
      onClick={() => onPick(row.nodeId)}
      onDoubleClick={() => onFocusNode(row.nodeId)}
    >
      <span className={`timeline-label${label === undefined ? ' missing' : ''}`}>
        <span className={`ui-status-dot status-${row.status}`} aria-hidden="true" />
        {label ?? row.nodeId}
      </span>
      <span className="timeline-track">
        {bar && (
          <span
            className={`timeline-bar status-${row.status}${row.open ? ' open' : ''}${row.attempts > 1 ? ' retried' : ''}`}
            style={{ left: `${bar.leftPct}%`, width: `${bar.widthPct}%` }}
          />
        )}
        {bar && (
          // After the bar while there is room on its right, else before it (ending where it starts),
          // else (a bar across the whole axis) inside it.
          <span
            className={`timeline-bar-text${bar.leftPct + bar.widthPct <= 78 ? '' : bar.leftPct >= 22 ? ' before' : ' inside'}`}
            style={
              bar.leftPct + bar.widthPct <= 78
                ? { left: `calc(${bar.leftPct + bar.widthPct}% + 4px)` }
                : bar.leftPct >= 22
                  ? { right: `calc(${100 - bar.leftPct}% + 4px)` }
                  : { right: `calc(${100 - bar.leftPct - bar.widthPct}% + 4px)` }
            }
          >
            {duration !== undefined ? formatDuration(duration) : ''}
            {row.attempts > 1 ? ` · ${row.attempts} tries` : ''}
          </span>
        )}
        {reused && <span className="timeline-reused">{reused}</span>}
        {!bar && !reused && <span className="timeline-bar-text muted">{row.status}</span>}
      </span>
    </button>
  );
});

/** An element's size, kept current; `shown` re-attaches when the element comes and goes. */
function useElementSize(
  ref: RefObject<HTMLElement | null>,
  measure: (el: HTMLElement) => number,
  initial: number,
  shown: boolean,
): number {
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setSize(measure(el));
    const observer = new ResizeObserver(() => setSize(measure(el)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, measure, shown]);
  return size;
}

const heightOf = (el: HTMLElement): number => el.clientHeight;
const widthOf = (el: HTMLElement): number => el.clientWidth;
/** Room one tick label needs ("12.5 ms" and a gap): a narrow panel gets fewer ticks, not overlapping ones. */
const TICK_SPACING_PX = 72;

export function Timeline({ picked, onPick }: { picked: string | null; onPick: (nodeId: string) => void }) {
  const flow = useReactFlow();
  const nodes = useRunStore((s) => s.nodes);
  const reusedFrom = useRunStore((s) => s.reusedFrom);
  const run = useRunStore(
    useShallow((s) => ({ status: s.status, startedAt: s.startedAt, finishedAt: s.finishedAt })),
  );
  const now = useNow(250, run.status === 'running');
  const docNodes = useDocumentStore((s) => s.nodes);
  const { order, labels } = useMemo(
    () => ({
      order: docNodes.map((n) => n.id),
      labels: new Map(docNodes.map((n) => [n.id, n.label?.trim() ? n.label : n.id])),
    }),
    [docNodes],
  );
  const layout = useMemo(
    () =>
      layoutTimeline(nodes, {
        runStartedAt: run.startedAt,
        runFinishedAt: run.finishedAt,
        now: run.status === 'running' ? now : (run.finishedAt ?? now),
        order,
      }),
    [nodes, run.startedAt, run.finishedAt, run.status, now, order],
  );
  const track = useRef<HTMLSpanElement>(null);
  const trackWidth = useElementSize(track, widthOf, 6 * TICK_SPACING_PX, layout.rows.length > 0);
  const maxTicks = Math.max(1, Math.min(8, Math.floor(trackWidth / TICK_SPACING_PX)));
  const ticks = useMemo(() => axisTicks(layout.spanMs, maxTicks), [layout.spanMs, maxTicks]);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = useElementSize(scroller, heightOf, 200, layout.rows.length > 0);
  const { first, end } = visibleRows(scrollTop, height, ROW_HEIGHT, layout.rows.length);

  const focusNode = useCallback(
    (nodeId: string) => {
      onPick(nodeId);
      if (labels.has(nodeId))
        void flow.fitView({
          nodes: [{ id: nodeId }],
          duration: 200,
          maxZoom: 1.2,
          padding: 0.5,
          includeHiddenNodes: true,
        });
    },
    [flow, labels, onPick],
  );

  // Keep the picked row in view when it was picked elsewhere (the canvas, the keyboard).
  const pickedIndex = picked === null ? -1 : layout.rows.findIndex((r) => r.nodeId === picked);
  useEffect(() => {
    const el = scroller.current;
    if (!el || pickedIndex < 0) return;
    const top = pickedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [pickedIndex]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = Math.min(layout.rows.length - 1, Math.max(0, pickedIndex + (e.key === 'ArrowDown' ? 1 : -1)));
    const row = layout.rows[next];
    if (row) onPick(row.nodeId);
  };

  if (layout.rows.length === 0) return <p className="muted panel-note">No node has started yet.</p>;
  return (
    <div className="timeline" data-testid="run-timeline">
      <div className="timeline-axis" aria-hidden="true">
        <span className="timeline-label muted ui-small">
          {layout.rows.length} node{layout.rows.length === 1 ? '' : 's'}
        </span>
        <span className="timeline-track" ref={track}>
          {/* A tick too close to the end has no room for its label. */}
          {ticks.filter((t) => t.pct <= 90).map((t) => (
            <span key={t.atMs} className="timeline-tick" style={{ left: `${t.pct}%` }}>
              {t.label}
            </span>
          ))}
        </span>
      </div>
      <div
        className="timeline-scroll"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        role="group"
        aria-label="Run timeline"
      >
        <div className="timeline-rows" style={{ height: layout.rows.length * ROW_HEIGHT }}>
          {layout.rows.slice(first, end).map((row, i) => (
            <TimelineRowView
              key={row.nodeId}
              row={row}
              top={(first + i) * ROW_HEIGHT}
              spanMs={layout.spanMs}
              label={labels.get(row.nodeId)}
              reusedFrom={reusedFrom}
              picked={row.nodeId === picked}
              onPick={onPick}
              onFocusNode={focusNode}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
