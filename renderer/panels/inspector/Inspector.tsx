// The minimal inspector: the selected node's id, type, label and one field per param. Meant to be
// replaced by JSON-Schema forms; it only reads and writes through the document store.
import { useShallow } from 'zustand/react/shallow';
import { selectNodeType, useCatalogStore } from '../../stores/catalog.store.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { selectNodeProblems, useProblemsStore } from '../../stores/problems.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { ParamField } from './ParamField.js';
import { paramsToEdit } from './param-kinds.js';

function NodeInspector({ nodeId }: { nodeId: string }) {
  const node = useDocumentStore((s) => s.nodes.find((n) => n.id === nodeId));
  const type = useCatalogStore(selectNodeType(node?.type ?? ''));
  const problems = useProblemsStore(selectNodeProblems(nodeId));
  const { updateNode, setParam } = useDocumentStore(
    useShallow((s) => ({ updateNode: s.updateNode, setParam: s.setParam })),
  );
  // The selection can outlive its node for a moment (an undo removed it).
  if (!node) return <p className="muted panel-note">Select a node to edit it.</p>;
  const params = node.params ?? {};
  return (
    <div className="inspector-body">
      <dl className="inspector-facts">
        <dt>Id</dt>
        <dd className="mono">{node.id}</dd>
        <dt>Type</dt>
        <dd title={type?.description}>
          {type?.title ?? 'unknown'} <span className="muted mono">{node.type}</span>
        </dd>
      </dl>
      {type?.description && <p className="muted inspector-description">{type.description}</p>}
      <label className="field">
        <span>Label</span>
        <input
          type="text"
          data-testid="inspector-label"
          value={node.label ?? ''}
          maxLength={200}
          placeholder={type?.title ?? node.type}
          onChange={(e) => updateNode(node.id, { label: e.target.value || undefined }, `label:${node.id}`)}
        />
      </label>
      <h3 className="inspector-heading">Params</h3>
      {paramsToEdit(type, params).map((info) => (
        <div className="field" key={info.name}>
          <label htmlFor={`param-${info.name}`}>
            {info.name}
            {info.required && (
              <span className="required" aria-label="required">
                {' '}
                *
              </span>
            )}
          </label>
          <ParamField
            info={info}
            value={params[info.name]}
            onChange={(v) => setParam(node.id, info.name, v)}
          />
          {info.description && <span className="muted field-help">{info.description}</span>}
        </div>
      ))}
      {problems.length > 0 && (
        <ul className="inspector-problems">
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`} data-testid="inspector-problem">
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Inspector() {
  const selected = useUiStore((s) => s.selection.nodeIds);
  return (
    <div className="inspector" data-testid="inspector">
      {selected.length === 1 ? (
        <NodeInspector key={selected[0]} nodeId={selected[0]!} />
      ) : (
        <p className="muted panel-note">
          {selected.length === 0 ? 'Select a node to edit it.' : `${selected.length} nodes selected.`}
        </p>
      )}
    </div>
  );
}
