// Frame statistics from the gaps between requestAnimationFrame callbacks recorded in the page.

export interface FrameStats {
  /** Frames drawn (gaps measured). */
  readonly frames: number;
  /** How long the recording lasted, in ms. */
  readonly spanMs: number;
  /** Frames per second over the recording. */
  readonly fps: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Gaps longer than 50 ms: visible stutters. */
  readonly longFrames: number;
}

/** The value below which a fraction `q` of the sorted values lie (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** Summarizes frame gaps (ms between consecutive animation frames). */
export function frameStats(gaps: readonly number[]): FrameStats {
  const sorted = [...gaps].sort((a, b) => a - b);
  const spanMs = gaps.reduce((sum, gap) => sum + gap, 0);
  return {
    frames: gaps.length,
    spanMs,
    fps: spanMs > 0 ? (gaps.length * 1000) / spanMs : Number.NaN,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted.at(-1) ?? Number.NaN,
    longFrames: gaps.filter((gap) => gap > 50).length,
  };
}

/** The median of a few measurements (an even count takes the lower middle one). */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
