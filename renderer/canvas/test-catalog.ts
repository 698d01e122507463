// Node type descriptors for the canvas and store tests: a few core types with the ports SPEC §2 gives.
import type { NodeTypeDescriptor } from '../../preload/contract.js';

function type(
  t: string,
  inputs: NodeTypeDescriptor['inputs'],
  outputs: NodeTypeDescriptor['outputs'],
  params: NodeTypeDescriptor['params'] = null,
): NodeTypeDescriptor {
  return {
    type: t,
    title: t,
    category: 'Core',
    tags: [],
    description: '',
    inputs,
    outputs,
    params,
    rawParams: [],
    plugin: 'core',
  };
}

export const testTypes: Record<string, NodeTypeDescriptor> = {
  'core.manual': type('core.manual', [], [{ name: 'out', type: 'any' }]),
  'core.set': type('core.set', [{ name: 'in', type: 'any' }], [{ name: 'out', type: 'object' }]),
  'core.merge': type(
    'core.merge',
    [{ name: 'in', type: 'any', multiple: true }],
    [{ name: 'out', type: 'array' }],
  ),
  'core.output': type('core.output', [{ name: 'in', type: 'any' }], [], {
    type: 'object',
    required: ['name'],
  }),
  'text.upper': type('text.upper', [{ name: 'in', type: 'string' }], [{ name: 'out', type: 'string' }]),
  'math.num': type('math.num', [], [{ name: 'out', type: 'number' }]),
};
