import { valueFitsPort } from '../model/node-type.js';
import type { CompiledNode, InputSource } from './compile.js';
import type { RunState } from './run-state.js';
import { S } from './status.js';

function emitted(state: RunState, source: InputSource): unknown {
  if (state.status[source.node] !== S.Succeeded) return undefined;
  const outputs = state.outputs[source.node]!;
  // Only an own property counts: a port named like an Object.prototype member must not read it.
  if (source.shadowsPrototype && !Object.hasOwn(outputs, source.port)) return undefined;
  return outputs[source.port];
}

/**
 * Gathers a ready node's input values from what its upstream nodes emitted. Returns the inputs by port,
 * or a string saying why the node must be skipped: a connected required port received nothing.
 */
export function collectInputs(node: CompiledNode, state: RunState): Record<string, unknown> | string {
  const inputs: Record<string, unknown> = {};
  for (const port of node.inputs) {
    if (port.multiple) {
      const values: unknown[] = [];
      for (const source of port.sources) {
        const v = emitted(state, source);
        if (v !== undefined) values.push(v);
      }
      if (values.length > 0) inputs[port.name] = values;
      else if (port.required) return `input "${port.name}" received nothing`;
      continue;
    }
    const source = port.sources[0]!;
    const v = emitted(state, source);
    if (v !== undefined) inputs[port.name] = v;
    else if (port.required) return `input "${port.name}" received nothing`;
  }
  return inputs;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Names the first input value that does not fit its port's type, or returns undefined. */
export function checkInputTypes(node: CompiledNode, inputs: Readonly<Record<string, unknown>>): string | undefined {
  for (const port of node.inputs) {
    if (port.type === 'any') continue;
    const value = inputs[port.name];
    if (value === undefined) continue;
    if (!port.multiple) {
      if (!valueFitsPort(value, port.type)) return `input "${port.name}" expects ${port.type}, got ${typeOf(value)}`;
      continue;
    }
    for (const v of value as unknown[]) {
      if (!valueFitsPort(v, port.type)) return `input "${port.name}" expects ${port.type}, got ${typeOf(v)}`;
    }
  }
  return undefined;
}
