/**
 * Weft's engine behind the bench-peers harness (../shared/bench-peers): converts the harness's neutral
 * workflow into a Weft document with three node types doing the harness's reference operations, and
 * runs it. Loaded by bench/peers-runner.cjs from the bundle in dist/bench/.
 */
import {
  compileWorkflow,
  createRegistry,
  startRun,
  type CompiledWorkflow,
  type NodeType,
  type WorkflowDocument,
} from '../engine/index.js';

type Op = (inputs: unknown[]) => unknown;
interface NeutralWorkflow {
  name: string;
  nodes: Array<{ id: string; type: 'noop' | 'inc' | 'merge' }>;
  edges: Array<{ from: string; to: string }>;
}

function nodeTypes(ops: Record<'noop' | 'inc' | 'merge', Op>): NodeType[] {
  const single = (kind: 'noop' | 'inc'): NodeType => ({
    type: `bench.${kind}`,
    title: kind,
    inputs: [{ name: 'in', type: 'any', required: false }],
    outputs: [{ name: 'out', type: 'any' }],
    run: async ({ inputs, runInput }) => ({ out: ops[kind]([inputs.in ?? runInput]) }),
  });
  return [
    single('noop'),
    single('inc'),
    {
      type: 'bench.merge',
      title: 'merge',
      inputs: [{ name: 'in', type: 'any', multiple: true }],
      outputs: [{ name: 'out', type: 'any' }],
      run: async ({ inputs }) => ({ out: ops.merge(inputs.in as unknown[]) }),
    },
  ];
}

export interface Prepared {
  compiled: CompiledWorkflow;
  sink: string;
}

export function createAdapter(ops: Record<'noop' | 'inc' | 'merge', Op>) {
  const registry = createRegistry(nodeTypes(ops));
  return {
    prepare(wf: NeutralWorkflow): Prepared {
      const hasOut = new Set(wf.edges.map((e) => e.from));
      const sink = wf.nodes.find((n) => !hasOut.has(n.id))!.id;
      const doc: WorkflowDocument = {
        format: 'weft.workflow',
        formatVersion: 1,
        name: wf.name,
        settings: { maxConcurrency: 1024 },
        nodes: wf.nodes.map((n) => ({ id: n.id, type: `bench.${n.type}` })),
        edges: wf.edges.map((e, i) => ({
          id: `e${i}`,
          source: e.from,
          sourcePort: 'out',
          target: e.to,
          targetPort: 'in',
        })),
      };
      return { compiled: compileWorkflow(doc, registry), sink };
    },
    async run(p: Prepared, input: unknown): Promise<unknown> {
      const handle = startRun(p.compiled, { input });
      const record = await handle.done;
      if (record.status !== 'succeeded')
        throw new Error(`run ${record.status}: ${record.error?.message ?? ''}`);
      return handle.outputsOf(p.sink)?.out;
    },
  };
}
