import { createRegistry, type NodeType } from '../engine/index.js';
import { work, type Item } from './workloads.js';

/** Roots receive the run's input; other nodes their upstream item. */
function itemOf(inputs: Readonly<Record<string, unknown>>, runInput: unknown): Item {
  return (inputs.in ?? runInput) as Item;
}

const noop: NodeType = {
  type: 'bench.noop',
  title: 'No-op',
  inputs: [{ name: 'in', type: 'object', required: false }],
  outputs: [{ name: 'out', type: 'object' }],
  run: async ({ inputs, runInput }) => ({ out: work.noop(itemOf(inputs, runInput)) }),
};

const inc: NodeType = {
  type: 'bench.inc',
  title: 'Increment',
  inputs: [{ name: 'in', type: 'object', required: false }],
  outputs: [{ name: 'out', type: 'object' }],
  run: async ({ inputs, runInput }) => ({ out: work.inc(itemOf(inputs, runInput)) }),
};

const merge: NodeType = {
  type: 'bench.merge',
  title: 'Merge',
  inputs: [{ name: 'in', type: 'object', multiple: true }],
  outputs: [{ name: 'out', type: 'object' }],
  run: async ({ inputs }) => ({ out: work.merge(inputs.in as Item[]) }),
};

export const benchRegistry = createRegistry([noop, inc, merge]);
