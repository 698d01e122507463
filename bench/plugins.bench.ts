/**
 * The isolation boundary's cost (issue 4), part of `npm run bench`: a 1,000-node chain of the example
 * plugin's `text.upper` run in a runner process, against the same chain with the same node code loaded
 * in process. The difference per node is what crossing to the runner costs (target: at most 50 µs).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileWorkflow, createRegistry, startRun, type NodeType, type WorkflowDocument } from '../engine/index.js';
import { coreNodeTypes } from '../plugins/core/index.js';
import { loadPlugins } from '../main/plugins/loader.js';
import { createRunnerClient, forkLauncher } from '../main/plugins/runner/index.js';

const quick = process.argv.includes('--quick');
const N = 1000;
// Run from the repository's root, as `npm run bench` does.
const examples = resolve(process.cwd(), 'plugins/examples');

function chainDoc(): WorkflowDocument {
  const nodes: WorkflowDocument['nodes'] = [{ id: 's', type: 'core.manual', params: { payload: 'abc' } }];
  const edges: WorkflowDocument['edges'] = [];
  for (let i = 1; i <= N; i++) {
    nodes.push({ id: `u${i}`, type: 'text.upper' });
    edges.push({ id: `e${i}`, source: i === 1 ? 's' : `u${i - 1}`, sourcePort: 'out', target: `u${i}`, targetPort: 'in' });
  }
  return { format: 'weft.workflow', formatVersion: 1, settings: { maxConcurrency: 8 }, nodes, edges };
}

async function median(runs: number, once: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    await once();
    if (i >= 2) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/**
 * The floor under the boundary: one bare JSON IPC round trip to a forked process that answers at once,
 * with a message of the same shape as a node call. Measured in the same run, so a slow or noisy machine
 * shows in both figures rather than only in ours.
 */
async function bareRoundTripUs(count: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'weft-bench-echo-'));
  const script = join(dir, 'echo.mjs');
  writeFileSync(script, "process.on('message', (m) => process.send({ t: 'done', id: m.id, outputs: { out: String(m.inputs.in).toUpperCase() } }));\n");
  const child = fork(script, [], { serialization: 'json', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  try {
    let answer: (() => void) | undefined;
    child.on('message', () => answer?.());
    const call = (id: number) =>
      new Promise<void>((resolve) => {
        answer = resolve;
        child.send({ t: 'run', id, plugin: 'weft-plugin-text', type: 'text.upper', inputs: { in: 'abc' }, params: {}, attempt: 1, nodeId: `u${id}`, runId: 'r', workspaceId: 'w' });
      });
    for (let i = 0; i < 200; i++) await call(i);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t = performance.now();
      for (let i = 0; i < count; i++) await call(i);
      times.push(((performance.now() - t) * 1000) / count);
    }
    times.sort((a, b) => a - b);
    return times[2]!;
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const client = createRunnerClient(forkLauncher(), {});
try {
  const loaded = await loadPlugins({ dir: examples, client, bundled: coreNodeTypes });
  const isolated = compileWorkflow(chainDoc(), loaded.registry);
  const plugin = (await import(pathToFileURL(join(examples, 'weft-plugin-text/index.js')).href)) as { default: { nodes: NodeType[] } };
  const inProcess = compileWorkflow(chainDoc(), createRegistry([...coreNodeTypes, ...plugin.default.nodes]));
  const check = async (compiled: typeof isolated, who: string): Promise<void> => {
    const handle = startRun(compiled);
    const record = await handle.done;
    if (record.status !== 'succeeded' || handle.outputsOf(`u${N}`)?.out !== 'ABC') throw new Error(`${who}: ${record.status}`);
  };
  const runs = quick ? 3 : 9;
  const local = await median(runs, () => check(inProcess, 'in process'));
  const remote = await median(runs, () => check(isolated, 'isolated'));
  const perNode = ((remote - local) * 1000) / N;
  const bare = await bareRoundTripUs(N);
  console.log(`1,000-node chain in process:       ${local.toFixed(1)} ms`);
  console.log(`1,000-node chain in a runner:      ${remote.toFixed(1)} ms`);
  console.log(`isolation boundary per node:       ${perNode.toFixed(0)} µs (target ≤ 50 µs) ${perNode <= 50 ? 'met' : 'MISSED'}`);
  console.log(`bare JSON IPC round trip (floor):  ${bare.toFixed(0)} µs; the boundary is ${(perNode / bare).toFixed(2)}× it`);
} finally {
  await client.close();
}
