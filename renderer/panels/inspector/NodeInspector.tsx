// One selected node: what it is, its problems first, its label, its params (a form generated from
// its type's JSON Schema) and its error handling policy, and what can be done with it.
import { selectNodeType, useCatalogStore } from '../../stores/catalog.store.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { NodeProblems } from './NodeProblems.js';
import { ParamsForm } from './ParamsForm.js';
import { PolicySection } from './PolicySection.js';
import { SelectionActions } from './SelectionActions.js';
import { useNode } from './use-node.js';

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const node = useNode(nodeId);
  const type = useCatalogStore(selectNodeType(node?.type ?? ''));
  const typesLoaded = useCatalogStore((s) => s.loaded);
  const updateNode = useDocumentStore((s) => s.updateNode);
  // The selection can outlive its node for a moment (an undo removed it).
  if (!node) return <p className="muted panel-note">Select a node to edit it.</p>;
  return (
    <div className="inspector-body">
      <header className="inspector-head">
        <div className="inspector-title">
          <strong>{type?.title ?? node.type}</strong>
          {type?.category && <span className="inspector-chip">{type.category}</span>}
        </div>
        <div className="inspector-ids muted">
          <span className="mono" title="Node id: templates reach this node's outputs as nodes.<id>">
            {node.id}
          </span>
          <span className="mono">{node.type}</span>
        </div>
        {type?.description && <p className="muted inspector-description">{type.description}</p>}
        {!type && typesLoaded && (
          <p className="field-problem">Unknown node type: no installed plugin provides {node.type}.</p>
        )}
      </header>
      <NodeProblems nodeId={node.id} />
      <div className="field">
        <div className="field-head">
          <label htmlFor="inspector-label">Label</label>
        </div>
        <input
          id="inspector-label"
          type="text"
          className="param-input"
          data-testid="inspector-label"
          value={node.label ?? ''}
          maxLength={200}
          placeholder={type?.title ?? node.type}
          onChange={(e) => updateNode(node.id, { label: e.target.value || undefined }, `label:${node.id}`)}
        />
      </div>
      <h3 className="inspector-heading">Params</h3>
      <ParamsForm node={node} type={type} />
      <PolicySection key={node.id} node={node} type={type} />
      <SelectionActions nodes copy={false} />
    </div>
  );
}
