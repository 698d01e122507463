/** Builders for workflow documents and a runner that records every event, for the engine's tests. */
import type { RunEvent } from '../events.js';
import type {
  NodePolicy,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
  WorkflowSettings,
} from '../model/document.js';
import { WorkflowInvalidError } from '../model/problem.js';
import type { RunRecord } from '../run/record.js';
import { startRun } from '../run/run.js';
import { compileWorkflow } from '../run/compile.js';
import type { RunHandle, RunOptions } from '../run/types.js';
import { validateWorkflow } from '../validate/validate.js';
import type { TestKit } from './nodes.js';

export function node(
  id: string,
  type: string,
  params?: Record<string, unknown>,
  policy?: NodePolicy,
): WorkflowNode {
  const n: WorkflowNode = { id, type };
  if (params !== undefined) n.params = params;
  if (policy !== undefined) n.policy = policy;
  return n;
}

/** An edge `source.sourcePort → target.targetPort` (ports default to `out` and `in`) with a derived id. */
export function edge(
  source: string,
  target: string,
  sourcePort = 'out',
  targetPort = 'in',
  id?: string,
): WorkflowEdge {
  return {
    id: id ?? `${source}.${sourcePort}-${target}.${targetPort}`,
    source,
    sourcePort,
    target,
    targetPort,
  };
}

/** Edges joining `ids` one after the other through `out` → `in`. */
export function chain(...ids: string[]): WorkflowEdge[] {
  return ids.slice(1).map((id, i) => edge(ids[i]!, id));
}

export function workflow(
  nodes: WorkflowNode[],
  edges: WorkflowEdge[] = [],
  settings?: WorkflowSettings,
): WorkflowDocument {
  const doc: WorkflowDocument = { format: 'weft.workflow', formatVersion: 1, nodes, edges };
  if (settings !== undefined) doc.settings = settings;
  return doc;
}

export interface StartedRun {
  readonly handle: RunHandle;
  /** Every event so far, in the order the run emitted them. */
  readonly events: RunEvent[];
}

/** Validates `doc` (a test's document must be valid; its problems are thrown otherwise) and starts it. */
export function start(doc: WorkflowDocument, kit: TestKit, options: RunOptions = {}): StartedRun {
  const checked = validateWorkflow(doc, kit.registry);
  if (!checked.ok) throw new WorkflowInvalidError(checked.problems);
  const events: RunEvent[] = [];
  const onEvent = options.onEvent;
  const handle = startRun(compileWorkflow(checked.document, kit.registry), {
    ...options,
    onEvent: (event) => {
      events.push(event);
      onEvent?.(event);
    },
  });
  return { handle, events };
}

/** Runs `doc` to the end; hands back the record and the events. */
export async function run(
  doc: WorkflowDocument,
  kit: TestKit,
  options: RunOptions = {},
): Promise<{ record: RunRecord; events: RunEvent[] }> {
  const { handle, events } = start(doc, kit, options);
  return { record: await handle.done, events };
}

/** The events about one node (log lines left out), in order. */
export function eventsOf(events: readonly RunEvent[], nodeId: string): RunEvent[] {
  return events.filter((e) => 'nodeId' in e && e.nodeId === nodeId && e.type !== 'nodeLog');
}

/** Node ids in the order their first attempt started. */
export function startOrder(events: readonly RunEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'nodeStarted' && e.attempt === 1 ? [e.nodeId] : []));
}

/** The first event of `type` about `nodeId`, narrowed; throws when there is none. */
export function eventOf<T extends RunEvent['type']>(
  events: readonly RunEvent[],
  nodeId: string,
  type: T,
): Extract<RunEvent, { type: T }> {
  const found = events.find((e) => e.type === type && 'nodeId' in e && e.nodeId === nodeId);
  if (!found) throw new Error(`no ${type} event for ${nodeId}`);
  return found as Extract<RunEvent, { type: T }>;
}
