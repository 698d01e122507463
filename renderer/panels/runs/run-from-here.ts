// Whether "run from here" can be offered for a node: the host (runs.start with `fromNode`) reuses the
// recorded outputs of every node upstream of it, and refuses when one of them did not succeed in the
// source run. Checking the same rule here keeps the button from promising what the host will refuse.
import { ancestorsOf } from '../../../engine/model/graph.js';
import type { NodeRunState } from '../../stores/run-fold.js';

interface EdgeEnds {
  readonly source: string;
  readonly target: string;
}

export type RunFromHere = { readonly ok: true; readonly reused: number } | { readonly ok: false; readonly reason: string };

export interface RunFromHereFacts {
  /** The open document's node ids and edges (the host runs its current version). */
  readonly nodeIds: ReadonlySet<string>;
  readonly edges: readonly EdgeEnds[];
  /** The run shown: its nodes, and whether it has finished and is of the open workflow. */
  readonly runNodes: Readonly<Record<string, NodeRunState>>;
  readonly runFinished: boolean;
  readonly sameWorkflow: boolean;
}

/** Can `nodeId` be run from, reusing the shown run's upstream outputs? With the reason when not. */
export function canRunFromHere(nodeId: string, facts: RunFromHereFacts): RunFromHere {
  if (!facts.sameWorkflow) return { ok: false, reason: 'The run shown is of another workflow.' };
  if (!facts.runFinished) return { ok: false, reason: 'The run has not finished.' };
  if (!facts.nodeIds.has(nodeId)) return { ok: false, reason: `${nodeId} is not in the open version.` };
  const upstream = ancestorsOf(facts.edges, nodeId);
  if (upstream.size === 0) return { ok: false, reason: 'Nothing upstream to reuse: run the workflow instead.' };
  for (const id of upstream) {
    const status = facts.runNodes[id]?.status;
    if (status !== 'succeeded') {
      return { ok: false, reason: `Upstream node ${id} has no recorded output in this run (${status ?? 'not run'}).` };
    }
  }
  return { ok: true, reused: upstream.size };
}
