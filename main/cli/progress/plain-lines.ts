import type { RunEvent } from '../../../engine/index.js';
import { formatDelay, formatDuration, formatElapsed, plural } from './format.js';
import type { RunProgress } from './state.js';
import { oneLine, padEnd, truncate } from './text.js';

/** Node ids longer than this are not padded to: one long id should not push every line right. */
const MAX_ID_COLUMN = 24;

/** The width the node-id column is padded to for a run. */
export function idColumnWidth(p: RunProgress): number {
  let w = 0;
  for (const id of p.nodes.keys()) w = Math.max(w, id.length);
  return Math.min(w, MAX_ID_COLUMN);
}

function tryText(attempt: number, max: number): string {
  return max > 1 ? `try ${attempt} of ${max}` : `try ${attempt}`;
}

/** What happened, after the node id: `started (try 1)`, `retrying in 400 ms after: boom`, … */
function describe(p: RunProgress, event: Exclude<RunEvent, { type: 'runStarted' | 'runFinished' }>): string {
  const node = p.nodes.get(event.nodeId);
  switch (event.type) {
    case 'nodeStarted':
      return `started (${tryText(event.attempt, node?.maxAttempts ?? 1)})`;
    case 'nodeRetrying':
      return `retrying in ${formatDelay(event.delayMs)} after: ${oneLine(event.error.message)}`;
    case 'nodeSucceeded':
      return `succeeded in ${formatDuration(event.durationMs)}${event.recovered ? ' (recovered by its onError policy)' : ''}`;
    case 'nodeFailed': {
      const tries = node && node.attempt > 1 ? ` after ${node.attempt} tries` : '';
      return `failed${tries}: ${event.error.code} ${oneLine(event.error.message)}`;
    }
    case 'nodeSkipped': {
      const err = event.error ? ` (${event.error.code} ${oneLine(event.error.message)})` : '';
      return `skipped: ${oneLine(event.reason)}${err}`;
    }
    case 'nodeCancelled':
      return 'cancelled';
    case 'nodeLog':
      return `${event.level === 'info' ? 'log' : event.level}: ${oneLine(event.message)}`;
  }
}

/**
 * The line a piped (non-terminal) display prints for an event, e.g. `[   12 ms] greet  started (try 1)`,
 * with times relative to the run's start. Call after the event was folded into `p`.
 */
export function plainLine(p: RunProgress, event: RunEvent, idWidth: number): string {
  const origin = p.startedAt ?? event.at;
  const time = formatElapsed(event.at - origin);
  switch (event.type) {
    case 'runStarted':
      return `${time} run started (${plural(p.nodes.size, 'node')})`;
    case 'runFinished':
      return `${time} run ${event.status} in ${formatDuration(event.durationMs)}`;
    default: {
      const id = padEnd(truncate(event.nodeId, MAX_ID_COLUMN), idWidth);
      return `${time} ${id}  ${describe(p, event)}`;
    }
  }
}
