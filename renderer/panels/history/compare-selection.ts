// Which versions the user ticked for comparison and what is compared: two ticked versions with each
// other (older → newer), one with the current version. Pure, for the history panel.

/** Two versions to compare; `viewing` is the one shown read-only when the view came from "view". */
export interface DiffRequest {
  readonly from: number;
  readonly to: number;
  readonly viewing?: number;
}

/** Ticks or unticks `version`; a third tick drops the oldest, so at most two stay ticked. */
export function toggleTick(ticked: readonly number[], version: number): number[] {
  if (ticked.includes(version)) return ticked.filter((v) => v !== version);
  return [...ticked, version].slice(-2);
}

/** The comparison the ticks ask for, or null when there is nothing to compare. */
export function compareRequest(ticked: readonly number[], latest: number | null): DiffRequest | null {
  const [a, b] = ticked;
  if (a !== undefined && b !== undefined) return { from: Math.min(a, b), to: Math.max(a, b) };
  if (a !== undefined && latest !== null && a !== latest) {
    return { from: Math.min(a, latest), to: Math.max(a, latest) };
  }
  return null;
}

/** "View" of one version: what changed from it to the current version, with it shown read-only. */
export function viewRequest(version: number, latest: number | null): DiffRequest {
  return { from: version, to: latest ?? version, viewing: version };
}

/** The label of a version in the diff's pickers. */
export function versionLabel(version: number, latest: number | null): string {
  return version === latest ? `v${version} (current)` : `v${version}`;
}
