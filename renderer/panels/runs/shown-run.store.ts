// Facts about the run on the canvas that the run store does not keep: which workflow version it ran
// (a re-run or an opened past run may be of an older one) and how it came about. Keyed by run id, so a
// run started later from the toolbar simply has no entry and is taken as the open version's.
import { create } from 'zustand';
import type { RunOrigin } from '../../../preload/contract.js';

export interface ShownRunFacts {
  readonly runId: string;
  readonly workflowVersion: number;
  readonly origin?: RunOrigin;
}

interface ShownRunState {
  readonly facts: ShownRunFacts | null;
  remember(facts: ShownRunFacts): void;
}

export const useShownRunStore = create<ShownRunState>()((set) => ({
  facts: null,
  remember: (facts) => set({ facts }),
}));

/** The version the run `runId` ran, when known. */
export const selectRunVersion =
  (runId: string | null) =>
  (s: ShownRunState): number | null =>
    runId !== null && s.facts?.runId === runId ? s.facts.workflowVersion : null;
