// The problems list's state: the host's last check (anchored to what it checked) and the merged list
// (problem-list.ts) that the panel and its tab badge show. Kept current by track-problems-list.ts.
import { create } from 'zustand';
import type { AnchoredProblem, ListedProblem } from './problem-list.js';

export type CheckStatus = 'idle' | 'checking' | 'done' | 'failed';

export interface ProblemsListState {
  readonly checkStatus: CheckStatus;
  /** Why the last check could not be made (no connection, no workspace). */
  readonly checkError: string | null;
  /** When the last check answered (epoch ms). */
  readonly checkedAt: number | null;
  readonly anchored: readonly AnchoredProblem[];
  readonly listed: readonly ListedProblem[];
  setCheck(
    patch: Partial<Pick<ProblemsListState, 'checkStatus' | 'checkError' | 'checkedAt' | 'anchored'>>,
  ): void;
  setListed(listed: readonly ListedProblem[]): void;
}

function sameList(a: readonly ListedProblem[], b: readonly ListedProblem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.key === b[i]!.key && p.nodeId === b[i]!.nodeId && p.source === b[i]!.source)
  );
}

export const useProblemsListStore = create<ProblemsListState>()((set, get) => ({
  checkStatus: 'idle',
  checkError: null,
  checkedAt: null,
  anchored: [],
  listed: [],
  setCheck: (patch) => set(patch),
  setListed(listed) {
    // The same list again (a drag, an edit that fixed nothing) re-renders nothing.
    if (!sameList(get().listed, listed)) set({ listed });
  },
}));
