// One node on the canvas. Its root carries `data-testid="node-<id>"` and `data-status`; no other test
// id in it (or anywhere) starts with `node-` but `node-output-<id>`, which e2e/ excludes. Ports are
// Handles whose id is the port name (inputs left, outputs right), each showing its type. The run
// status, the node type and the problems are selected here, per node, so a run event re-renders only
// the nodes it concerns and never the whole `nodes` array.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PortSpec } from '../../engine/model/node-type.js';
import { selectNodeType, useCatalogStore } from '../stores/catalog.store.js';
import { selectNodeProblems, useProblemsStore } from '../stores/problems.store.js';
import type { RunView } from '../stores/run-fold.js';
import { useRunStore } from '../stores/run.store.js';
import { ERROR_PORT } from './connection-rules.js';
import type { WeftFlowNode } from './flow-mapping.js';
import { formatDuration, reusedLabel, STATUS_ICON, type ShownStatus } from './node-status.js';

function PortRow({ input, output }: { input: PortSpec | undefined; output: PortSpec | undefined }) {
  return (
    <div className="weft-port-row">
      {input ? (
        <span className="weft-port in" title={input.description}>
          <Handle
            type="target"
            position={Position.Left}
            id={input.name}
            className={`port-type-${input.type}`}
          />
          <span className="port-name">
            {input.name}
            {input.multiple ? '[]' : ''}
            {input.required === false ? '?' : ''}
          </span>
          <span className="port-type">{input.type}</span>
        </span>
      ) : (
        <span />
      )}
      {output ? (
        <span className="weft-port out" title={output.description}>
          <span className="port-type">{output.type}</span>
          <span className="port-name">{output.name}</span>
          <Handle
            type="source"
            position={Position.Right}
            id={output.name}
            className={`port-type-${output.type}`}
          />
        </span>
      ) : (
        <span />
      )}
    </div>
  );
}

/**
 * Only what the node draws: a recorded run merged in later (new objects, same values) or new outputs
 * must not re-render 2,000 nodes.
 */
interface ShownRun {
  readonly status: ShownStatus;
  readonly attempt: number;
  readonly durationMs: number | undefined;
  readonly retryDelayMs: number | undefined;
  /** Did not run: its outputs were reused from run `reusedFrom` (a run from a node downstream). */
  readonly pinned: boolean;
  readonly reusedFrom: string | undefined;
}

const selectShownRun =
  (id: string) =>
  (s: RunView): ShownRun => {
    const n = s.nodes[id];
    return {
      status: n?.status ?? 'idle',
      attempt: n?.attempt ?? 0,
      durationMs: n?.durationMs,
      retryDelayMs: n?.retryDelayMs,
      pinned: n?.pinned === true,
      reusedFrom: n?.pinned === true ? s.reusedFrom : undefined,
    };
  };

function WorkflowNodeViewImpl({ id, data, selected }: NodeProps<WeftFlowNode>) {
  const { node } = data;
  const type = useCatalogStore(selectNodeType(node.type));
  const catalogLoaded = useCatalogStore((s) => s.loaded);
  const run = useRunStore(useShallow(selectShownRun(id)));
  const problems = useProblemsStore(selectNodeProblems(id));
  const { status } = run;
  // `data-status` speaks SPEC §3.8: a node waiting between tries is still running (shown as retrying).
  const specStatus = status === 'retrying' ? 'running' : status;

  const inputs = type?.inputs ?? [];
  // The implicit error port is drawn when the node routes errors (or something already uses it).
  const outputs = type
    ? node.policy?.onError === 'route'
      ? [...type.outputs, ERROR_PORT]
      : type.outputs
    : [];
  const rows = Math.max(inputs.length, outputs.length);
  const title = node.label || type?.title || node.type;
  const unknown = catalogLoaded && !type;

  return (
    <div
      className={`weft-node status-${status}${selected ? ' selected' : ''}${unknown ? ' unknown' : ''}${run.pinned ? ' pinned' : ''}`}
      data-testid={`node-${id}`}
      data-status={specStatus}
      data-reused={run.pinned || undefined}
      data-retrying={status === 'retrying' || undefined}
      data-attempt={run.attempt || undefined}
    >
      <div className="weft-node-header">
        {status !== 'idle' && (
          <span className="weft-status-icon" aria-hidden="true">
            {STATUS_ICON[status]}
          </span>
        )}
        <span className="weft-node-title" title={node.type}>
          {title}
        </span>
        {problems.length > 0 && (
          <span
            className="weft-problem-badge"
            data-testid={`problem-badge-${id}`}
            title={problems.map((p) => p.message).join('\n')}
            aria-label={`${problems.length} problem${problems.length > 1 ? 's' : ''}`}
          >
            !{problems.length > 1 ? problems.length : ''}
          </span>
        )}
      </div>
      <div className="weft-node-sub">{unknown ? `unknown type ${node.type}` : `${id} · ${node.type}`}</div>
      {rows > 0 && (
        <div className="weft-node-ports">
          {Array.from({ length: rows }, (_, i) => (
            <PortRow key={i} input={inputs[i]} output={outputs[i]} />
          ))}
        </div>
      )}
      {/* Always there, so that a status change never resizes the node (2,000 re-measures per run). */}
      <div
        className="weft-node-run"
        data-testid={`run-info-${id}`}
        title={run.pinned ? `Not run: its outputs were ${reusedLabel(run.reusedFrom)}` : undefined}
      >
        {run.pinned ? (
          <span className="weft-status-word">{reusedLabel(run.reusedFrom)}</span>
        ) : (
          status !== 'idle' && <span className="weft-status-word">{status}</span>
        )}
        {status === 'retrying' ? (
          <span data-testid={`attempt-${id}`}>
            attempt {run.attempt + 1}
            {run.retryDelayMs !== undefined ? ` in ${formatDuration(run.retryDelayMs)}` : ''}
          </span>
        ) : (
          run.attempt > 1 && <span data-testid={`attempt-${id}`}>attempt {run.attempt}</span>
        )}
        {run.durationMs !== undefined && <span>{formatDuration(run.durationMs)}</span>}
      </div>
    </div>
  );
}

export const WorkflowNodeView = memo(WorkflowNodeViewImpl);
