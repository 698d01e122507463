import { formatDuration } from '../progress/format.js';
import { padEnd, textWidth, truncate } from '../progress/text.js';

/** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  maxCell = 48,
): string {
  const cells = [headers, ...rows].map((r) => r.map((c) => truncate(c.replace(/\s+/g, ' '), maxCell)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => textWidth(r[i] ?? ''))));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : padEnd(c, widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** Epoch ms as local `YYYY-MM-DD HH:MM:SS`. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}

/** A duration, or `—` for none (a run still going). */
export function formatMaybeDuration(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : formatDuration(ms);
}

/** Pretty JSON with a trailing newline, as every `--json` prints. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
