// The node's params as a form generated from its type's JSON Schema (field-spec.ts): one field per
// property, then any other key the node holds. Each edit is one `setParam`; typing into one field is
// one undo step (the store coalesces it).
import { memo, useCallback, useMemo } from 'react';
import type { WorkflowNode } from '../../../engine/model/document.js';
import type { NodeTypeDescriptor } from '../../../preload/contract.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { checkField } from './field-check.js';
import { paramFields, type FieldSpec } from './field-spec.js';
import { Field } from './fields/Field.js';

const NO_PARAMS: Readonly<Record<string, unknown>> = {};

const ParamField = memo(function ParamField({
  nodeId,
  spec,
  value,
}: {
  nodeId: string;
  spec: FieldSpec;
  value: unknown;
}) {
  const setParam = useDocumentStore((s) => s.setParam);
  const onChange = useCallback((v: unknown) => setParam(nodeId, spec.name, v), [setParam, nodeId, spec.name]);
  return (
    <Field
      spec={spec}
      value={value}
      onChange={onChange}
      problem={checkField(spec, value)}
      testId={`param-${spec.name}`}
      scope="param"
    />
  );
});

export function ParamsForm({ node, type }: { node: WorkflowNode; type: NodeTypeDescriptor | undefined }) {
  const params = node.params ?? NO_PARAMS;
  const fields = useMemo(() => paramFields(type, params), [type, params]);
  if (fields.length === 0) return <p className="muted inspector-note">This node has no params.</p>;
  return (
    <div className="inspector-form">
      {fields.map((spec) => (
        <ParamField key={spec.name} nodeId={node.id} spec={spec} value={params[spec.name]} />
      ))}
    </div>
  );
}
