import type { RunRecord } from '../../../engine/index.js';
import { formatDuration, plural, prettyJsonPreview } from './format.js';
import type { RunProgress } from './state.js';
import { paint, type Style } from './text.js';

const RUN_LOOK: Record<RunRecord['status'], { symbol: string; style: Style }> = {
  succeeded: { symbol: '✔', style: 'green' },
  failed: { symbol: '✖', style: 'red' },
  cancelled: { symbol: '⊘', style: 'yellow' },
};

/** Failed nodes listed in full before the rest are only counted. */
const MAX_FAILURES = 20;
/** Lines of one error message shown (stack traces can be long). */
const MAX_ERROR_LINES = 12;

export interface SummaryOptions {
  readonly color: boolean;
  /** Lines of the outputs' JSON shown before the rest is counted. */
  readonly maxOutputLines?: number;
}

/** Multi-line text indented under a heading, without control characters other than newlines. */
function indentBlock(text: string, indent: string): string[] {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ').split(/\r?\n/);
  const kept = lines.slice(0, MAX_ERROR_LINES).map((l) => indent + l);
  if (lines.length > MAX_ERROR_LINES) kept.push(`${indent}… ${lines.length - MAX_ERROR_LINES} more lines`);
  return kept;
}

/** "3 succeeded, 1 failed, 2 cancelled" over the record's nodes. */
export function countsText(record: RunRecord): string {
  const counts = new Map<string, number>();
  for (const n of Object.values(record.nodes)) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  const order = ['succeeded', 'failed', 'skipped', 'cancelled', 'running', 'pending'];
  const parts = order.filter((s) => (counts.get(s) ?? 0) > 0).map((s) => `${counts.get(s)} ${s}`);
  return parts.length === 0 ? 'no nodes' : parts.join(', ');
}

/**
 * What a person reads when the run is over: its status and duration, the counts, each failed node's
 * error, and the run's outputs (cut short when huge; `--json` has everything).
 */
export function summaryLines(record: RunRecord, progress: RunProgress, opts: SummaryOptions): string[] {
  const c = opts.color;
  const look = RUN_LOOK[record.status];
  const total = Object.keys(record.nodes).length;
  const lines: string[] = [
    '',
    `${paint(look.symbol, look.style, c)} ${paint(`Run ${record.status}`, 'bold', c)} in ${formatDuration(record.durationMs)}: ` +
      `${plural(total, 'node')}, ${countsText(record)}`,
  ];
  if (record.error) {
    lines.push(`  ${paint(record.error.code, 'red', c)} ${record.error.message.split('\n')[0] ?? ''}`);
  }

  const failed = Object.entries(record.nodes).filter(([, n]) => n.status === 'failed');
  if (failed.length > 0) {
    lines.push('', paint(failed.length === 1 ? 'Failed node:' : 'Failed nodes:', 'bold', c));
    for (const [id, n] of failed.slice(0, MAX_FAILURES)) {
      const type = progress.nodes.get(id)?.type;
      const about = [type, n.attempts > 1 ? `${n.attempts} tries` : undefined].filter(Boolean).join(', ');
      const head = `  ${paint('✖', 'red', c)} ${paint(id, 'bold', c)}${about ? ` (${about})` : ''}: ${paint(n.error?.code ?? 'ERROR', 'red', c)}`;
      const message = n.error?.message ?? '';
      const body = indentBlock(message, '      ');
      if (body.length === 1) lines.push(`${head} ${message.trim()}`);
      else lines.push(head, ...body);
    }
    if (failed.length > MAX_FAILURES)
      lines.push(`  … and ${plural(failed.length - MAX_FAILURES, 'more failed node')}`);
  }

  const names = Object.keys(record.outputs);
  if (names.length === 0) {
    lines.push('', paint('Outputs: none', 'gray', c));
  } else {
    lines.push('', paint('Outputs:', 'bold', c));
    const preview = prettyJsonPreview(record.outputs, {
      maxLines: opts.maxOutputLines ?? 60,
      maxLineLength: 400,
    });
    for (const l of preview) lines.push(`  ${l}`);
  }
  return lines;
}
