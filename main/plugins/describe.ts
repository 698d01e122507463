import type { NodeType } from '../../engine/index.js';
import type { NodeTypeDescriptor } from './types.js';

/** A node type as plain data for the palette and the API: no `run`, nothing shared with the registry. */
export function describeNodeType(t: NodeType, plugin: string): NodeTypeDescriptor {
  return {
    type: t.type,
    title: t.title,
    category: t.category ?? 'Other',
    tags: [...(t.tags ?? [])],
    description: t.description ?? '',
    inputs: t.inputs.map((p) => ({ ...p })),
    outputs: t.outputs.map((p) => ({ ...p })),
    // A deep copy through JSON: a schema is JSON by nature, and the copy cannot alias the registry's.
    params: t.params === undefined ? null : (JSON.parse(JSON.stringify(t.params)) as NodeTypeDescriptor['params']),
    rawParams: [...(t.rawParams ?? [])],
    plugin,
  };
}
