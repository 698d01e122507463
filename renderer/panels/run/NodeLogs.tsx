// A node's log lines (the run keeps the last 200 per node): time since the first line, level, message.
import type { NodeLogLine } from '../../stores/run-fold.js';
import { formatDuration } from '../../canvas/node-status.js';

export function NodeLogs({ logs }: { logs: readonly NodeLogLine[] }) {
  const first = logs[0]?.at ?? 0;
  return (
    <ol className="node-logs">
      {logs.map((line, i) => (
        <li key={i} className={`log-line log-${line.level}`}>
          <span className="log-at muted">+{formatDuration(line.at - first)}</span>
          <span className="log-level">{line.level}</span>
          <span className="log-message">{line.message}</span>
        </li>
      ))}
    </ol>
  );
}
