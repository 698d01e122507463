/** `0.4 ms`, `3.2 ms`, `120 ms`, `1.24 s`, `12.5 s`, `2m 03s`: as precise as a person cares. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** The time column of a plain progress line: `[   12 ms]`, `[ 1234 ms]`, `[  102.4 s]`. */
export function formatElapsed(ms: number): string {
  const t = Math.max(0, ms);
  const text = t < 100_000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`;
  return `[${text.padStart(8)}]`;
}

/** A whole count of milliseconds for "retrying in 400 ms". */
export function formatDelay(ms: number): string {
  const t = Math.max(0, Math.ceil(ms));
  return t < 10_000 ? `${t} ms` : formatDuration(t);
}

export interface TruncateOptions {
  /** Lines kept before the rest is summarized. */
  readonly maxLines: number;
  /** Characters kept of any one line (long strings in outputs). */
  readonly maxLineLength: number;
}

/**
 * Pretty JSON for a person: `JSON.stringify(value, null, 2)`, with over-long lines cut and only the
 * first lines kept, saying how much was left out. The full value is one `--json` away.
 */
export function prettyJsonPreview(value: unknown, opts: TruncateOptions): string[] {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
  } catch (err) {
    return [`(cannot be shown: ${err instanceof Error ? err.message : String(err)})`];
  }
  if (text === undefined) return [String(value)];
  const lines = text.split('\n');
  const kept = lines.slice(0, opts.maxLines).map((l) => {
    if (l.length <= opts.maxLineLength) return l;
    return `${l.slice(0, opts.maxLineLength)}… (${l.length - opts.maxLineLength} more characters)`;
  });
  if (lines.length > opts.maxLines) {
    kept.push(
      `… ${lines.length - opts.maxLines} more lines (${formatBytes(text.length)} in all; --json prints everything)`,
    );
  }
  return kept;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** "1 node", "3 nodes". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
