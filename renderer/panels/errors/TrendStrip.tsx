// The recent runs as a strip of columns (plain SVG), oldest left: a failed run is a tall red column, a
// run that ended otherwise a short one in its status colour. A click opens that run.
import { trendDirection, type FailureTrend } from './error-stats-model.js';

const COLUMN = 6;
const HEIGHT = 28;

function rate(r: number | null): string {
  return r === null ? '–' : `${Math.round(r * 100)}%`;
}

const ARROW = { up: '▲ more failures lately', down: '▼ fewer failures lately', flat: '● steady' } as const;

export function TrendStrip({ trend, onOpenRun }: { trend: FailureTrend; onOpenRun: (runId: string) => void }) {
  const direction = trendDirection(trend);
  if (trend.points.length === 0) return <p className="muted ui-small">No finished runs yet.</p>;
  const failed = trend.points.filter((p) => p.failed).length;
  return (
    <div className="trend" data-testid="error-trend">
      <svg
        className="trend-strip"
        viewBox={`0 0 ${trend.points.length * COLUMN} ${HEIGHT}`}
        preserveAspectRatio="none"
        // A few runs make a few narrow columns, not a few wide slabs.
        style={{ width: `min(100%, ${trend.points.length * 14}px)` }}
        role="img"
        aria-label={`${failed} of the last ${trend.points.length} runs failed`}
      >
        {trend.points.map((p, i) => {
          const h = p.failed ? HEIGHT : HEIGHT * 0.3;
          return (
            <rect
              key={p.runId}
              className={`trend-column status-${p.status}`}
              x={i * COLUMN + 0.5}
              y={HEIGHT - h}
              width={COLUMN - 1}
              height={h}
              onClick={() => onOpenRun(p.runId)}
            >
              <title>{`${p.status} · ${new Date(p.startedAt).toLocaleString()}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="trend-facts ui-small">
        <span>
          {failed} of {trend.points.length} runs failed
        </span>
        {direction && (
          <span className={`trend-direction ${direction}`}>
            {ARROW[direction]} (newer half {rate(trend.recentRate)}, older half {rate(trend.earlierRate)})
          </span>
        )}
      </div>
    </div>
  );
}
