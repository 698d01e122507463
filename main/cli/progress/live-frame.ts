import { formatDelay, formatDuration, plural } from './format.js';
import { settledCount, type DisplayStatus, type NodeProgress, type RunProgress } from './state.js';
import { oneLine, padEnd, renderSegments, truncate, type Segment, type Style } from './text.js';

/** The terminal a frame is drawn for, and the instant it shows. */
export interface FrameView {
  readonly columns: number;
  readonly rows: number;
  /** Epoch ms (the clock run events are stamped with). */
  readonly now: number;
  readonly color: boolean;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

const LOOK: Record<Exclude<DisplayStatus, 'running'>, { symbol: string; style: Style }> = {
  pending: { symbol: '○', style: 'gray' },
  retrying: { symbol: '↻', style: 'yellow' },
  succeeded: { symbol: '✔', style: 'green' },
  failed: { symbol: '✖', style: 'red' },
  skipped: { symbol: '↷', style: 'gray' },
  cancelled: { symbol: '⊘', style: 'yellow' },
};

function symbolOf(status: DisplayStatus, now: number): Segment {
  if (status === 'running')
    return { text: SPINNER[Math.floor(now / 100) % SPINNER.length] ?? '*', style: 'cyan' };
  return { text: LOOK[status].symbol, style: LOOK[status].style };
}

const RUN_STYLE: Record<RunProgress['status'], Style> = {
  starting: 'gray',
  running: 'cyan',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'yellow',
};

function runElapsed(p: RunProgress, now: number): number {
  if (p.startedAt === undefined) return 0;
  return (p.finishedAt ?? now) - p.startedAt;
}

function header(p: RunProgress, view: FrameView): Segment[] {
  const total = p.nodes.size;
  const segs: Segment[] = [
    { text: 'weft run ', style: 'bold' },
    { text: oneLine(p.file), style: 'bold' },
    { text: '  ' },
    { text: p.status, style: RUN_STYLE[p.status] },
    { text: `  ${formatDuration(runElapsed(p, view.now))}  ${settledCount(p)}/${total} done` },
  ];
  if (p.cancelling && p.status === 'running') {
    segs.push({ text: '  cancelling… (Ctrl-C again to quit at once)', style: 'yellow' });
  }
  return segs;
}

/** The time shown for a node: how long it has been going, or how long it took. */
function nodeTime(n: NodeProgress, now: number): string {
  if (n.durationMs !== undefined) return formatDuration(n.durationMs);
  if (n.startedAt !== undefined) return formatDuration(now - n.startedAt);
  return '';
}

/** What is worth saying about a node after its name and time. */
function nodeDetail(n: NodeProgress, now: number): Segment[] {
  switch (n.status) {
    case 'pending':
      return [{ text: 'pending', style: 'gray' }];
    case 'retrying': {
      const wait = formatDelay((n.retryAt ?? now) - now);
      return [{ text: `retrying in ${wait}: ${oneLine(n.lastError?.message ?? '')}`, style: 'yellow' }];
    }
    case 'failed':
      return [
        { text: `${n.lastError?.code ?? 'ERROR'} ${oneLine(n.lastError?.message ?? '')}`, style: 'red' },
      ];
    case 'skipped':
      return [{ text: `skipped: ${oneLine(n.reason ?? '')}`, style: 'gray' }];
    case 'cancelled':
      return [{ text: 'cancelled', style: 'yellow' }];
    case 'succeeded':
      return n.recovered ? [{ text: 'recovered', style: 'yellow' }] : [];
    case 'running':
      return [];
  }
}

/** A node's label, which says what it is for, or else its type. */
function nodeName(n: NodeProgress): string {
  return n.label !== undefined && n.label !== '' ? oneLine(n.label) : n.type;
}

/** One row per node: for workflows small enough to list in full. */
function rowsFrame(p: RunProgress, view: FrameView): Segment[][] {
  const nodes = [...p.nodes.values()];
  const idWidth = Math.min(24, Math.max(0, ...nodes.map((n) => n.id.length)));
  const nameWidth = Math.min(28, Math.max(0, ...nodes.map((n) => nodeName(n).length)));
  const anyRetries = nodes.some((n) => n.maxAttempts > 1);
  const lines: Segment[][] = [header(p, view)];
  for (const n of nodes) {
    const row: Segment[] = [
      { text: ' ' },
      symbolOf(n.status, view.now),
      { text: ` ${padEnd(truncate(n.id, idWidth), idWidth)}  `, style: 'bold' },
      { text: `${padEnd(truncate(nodeName(n), nameWidth), nameWidth)}  `, style: 'gray' },
      { text: `${nodeTime(n, view.now).padStart(8)}  ` },
    ];
    if (anyRetries) {
      const tries = n.maxAttempts > 1 && n.attempt > 0 ? `try ${n.attempt}/${n.maxAttempts}` : '';
      row.push({ text: `${tries.padEnd(9)}  `, style: 'gray' });
    }
    row.push(...nodeDetail(n, view.now));
    lines.push(row);
  }
  return lines;
}

/** A progress bar coloured by outcome: succeeded, failed, skipped or cancelled, then what is left. */
function bar(p: RunProgress, width: number): Segment[] {
  const total = p.nodes.size;
  const cells = (n: number): number => (total === 0 ? width : Math.floor((n / total) * width));
  const filled = cells(settledCount(p));
  const bad = Math.min(filled, cells(p.counts.failed));
  const other = Math.min(filled - bad, cells(p.counts.skipped + p.counts.cancelled));
  return [
    { text: '[' },
    { text: '█'.repeat(filled - bad - other), style: 'green' },
    { text: '█'.repeat(bad), style: 'red' },
    { text: '█'.repeat(other), style: 'gray' },
    { text: '░'.repeat(width - filled), style: 'gray' },
    { text: ']' },
  ];
}

function counts(p: RunProgress, now: number): Segment[] {
  const order: DisplayStatus[] = [
    'succeeded',
    'failed',
    'skipped',
    'cancelled',
    'running',
    'retrying',
    'pending',
  ];
  const segs: Segment[] = [];
  for (const s of order) {
    if (p.counts[s] === 0 && s !== 'succeeded') continue;
    segs.push(symbolOf(s, now), { text: ` ${p.counts[s]} ${s}  ` });
  }
  return segs;
}

/** Counts, a bar, what is running and the last failures: for workflows too big to list. */
function summaryFrame(p: RunProgress, view: FrameView): Segment[][] {
  const total = p.nodes.size;
  const settled = settledCount(p);
  const pct = total === 0 ? 100 : Math.floor((settled / total) * 100);
  const barWidth = Math.max(10, Math.min(50, view.columns - 24));
  const lines: Segment[][] = [
    header(p, view),
    [...bar(p, barWidth), { text: ` ${String(pct).padStart(3)}%  ${settled}/${total}` }],
    counts(p, view.now),
  ];
  const room = view.rows - 1 - lines.length;
  const failures = p.failures.slice(-3);
  const failureLines = failures.length === 0 ? 0 : failures.length + 1;
  const activeRoom = Math.min(8, room - failureLines - 1);
  if (p.active.size > 0 && activeRoom > 0) {
    lines.push([{ text: `Running (${p.active.size}):`, style: 'bold' }]);
    let shown = 0;
    for (const id of p.active) {
      if (shown === activeRoom - (p.active.size > activeRoom ? 1 : 0)) break;
      const n = p.nodes.get(id);
      if (n === undefined) continue;
      const tries = n.maxAttempts > 1 ? `  try ${n.attempt}/${n.maxAttempts}` : '';
      lines.push([
        { text: '  ' },
        symbolOf(n.status, view.now),
        { text: ` ${n.id}`, style: 'bold' },
        { text: `  ${n.type}  ${nodeTime(n, view.now)}${tries}  `, style: 'gray' },
        ...nodeDetail(n, view.now),
      ]);
      shown++;
    }
    if (p.active.size > shown)
      lines.push([{ text: `  … and ${plural(p.active.size - shown, 'more node')}`, style: 'gray' }]);
  }
  if (failures.length > 0 && view.rows - 1 - lines.length > failures.length) {
    const title =
      p.failures.length > failures.length
        ? `Failures (last ${failures.length} of ${p.failures.length}):`
        : 'Failures:';
    lines.push([{ text: title, style: 'bold' }]);
    for (const id of failures) {
      const n = p.nodes.get(id);
      lines.push([
        { text: '  ' },
        symbolOf('failed', view.now),
        { text: ` ${id}: `, style: 'bold' },
        ...(n ? nodeDetail(n, view.now) : []),
      ]);
    }
  }
  return lines;
}

/** Whether a run lists one row per node (it fits the terminal) or shows the summary. */
export function fitsAsRows(p: RunProgress, rows: number): boolean {
  return p.nodes.size + 1 <= rows - 1;
}

/**
 * A frame of the live display, as lines without newlines, each cut to the terminal's width and never
 * more lines than the terminal has rows minus one (the cursor needs one to rest on). Pure: the same
 * state and view give the same frame.
 */
export function renderFrame(p: RunProgress, view: FrameView): string[] {
  const width = Math.max(1, view.columns - 1);
  const lines = fitsAsRows(p, view.rows) ? rowsFrame(p, view) : summaryFrame(p, view);
  return lines.slice(0, Math.max(1, view.rows - 1)).map((segs) => renderSegments(segs, width, view.color));
}
