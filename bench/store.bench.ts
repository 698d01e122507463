/**
 * The store's benchmarks (issue 3), part of `npm run bench`: saving and loading a 1,000-node workflow,
 * listing one page of 10,000 stored workflows, and a 10,000-node chain run with recording on (the runs
 * service: progress written as it goes, the full record at the end) versus off (the engine alone).
 * Everything runs against a real database file in a temp folder, with the production pragmas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileWorkflow, createRegistry, startRun, type WorkflowDocument } from '../engine/index.js';
import { coreNodeTypes } from '../plugins/core/index.js';
import { immediate } from '../main/db/connection.js';
import { insertWorkflow } from '../main/db/workflows.repo.js';
import { insertVersion } from '../main/db/workflow-versions.repo.js';
import { createRunsService } from '../main/services/runs.service.js';
import { openStore } from '../main/services/store.js';
import { createWorkflow, getWorkflow, listWorkflows, updateWorkflow } from '../main/services/workflows.service.js';
import { createWorkspace } from '../main/services/workspaces.service.js';
import { benchRegistry } from './bench-nodes.js';
import { chain } from './workloads.js';

const quick = process.argv.includes('--quick');

async function median(runs: number, once: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    await once();
    if (i >= 2) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

function bigWorkflow(n: number): WorkflowDocument {
  const nodes: WorkflowDocument['nodes'] = [{ id: 'n0', type: 'core.manual', position: { x: 0, y: 0 }, params: { payload: { i: 0 } } }];
  const edges: WorkflowDocument['edges'] = [];
  for (let i = 1; i < n; i++) {
    nodes.push({ id: `n${i}`, type: 'core.set', position: { x: i * 240, y: (i % 7) * 80 }, params: { values: { step: i, label: `step ${i}` } } });
    edges.push({ id: `e${i}`, source: `n${i - 1}`, sourcePort: 'out', target: `n${i}`, targetPort: 'in' });
  }
  return { format: 'weft.workflow', formatVersion: 1, name: `Big ${n}`, nodes, edges };
}

const dir = mkdtempSync(join(tmpdir(), 'weft-bench-'));
const registry = createRegistry([...coreNodeTypes, ...['bench.noop', 'bench.inc', 'bench.merge'].map((t) => benchRegistry.get(t)!)]);
const store = openStore({ dataDir: dir, registry });
try {
  const ws = createWorkspace(store, 'Bench').id;
  const rows: string[][] = [['measure', 'median', 'note']];

  // 1. Save and load a 1,000-node workflow (validation included, as every save does).
  const big = bigWorkflow(1000);
  const id = createWorkflow(store, ws, big).id;
  let version = 1;
  const save = await median(quick ? 5 : 20, () => {
    version = updateWorkflow(store, ws, id, big, version).version;
  });
  const load = await median(quick ? 5 : 20, () => getWorkflow(store, ws, id));
  rows.push(['save a 1,000-node workflow', `${save.toFixed(1)} ms`, 'validate + one IMMEDIATE transaction, synchronous=FULL']);
  rows.push(['load a 1,000-node workflow', `${load.toFixed(1)} ms`, '']);

  // 2. One page of 10,000 stored workflows (filled in one transaction, untimed).
  const small = JSON.stringify(bigWorkflow(3));
  immediate(store.db, () => {
    for (let i = 0; i < 10_000; i++) {
      const wid = `wf_bench_${i}`;
      insertWorkflow(store.db, ws, { id: wid, name: `Workflow ${i}`, description: '', version: 1, document: small, at: 1_700_000_000_000 + i });
      insertVersion(store.db, ws, wid, { version: 1, document: small, at: 1_700_000_000_000 + i });
    }
  });
  const firstPage = await median(quick ? 5 : 30, () => listWorkflows(store, ws, { limit: 50 }));
  let cursor = listWorkflows(store, ws, { limit: 200 }).nextCursor;
  for (let i = 0; i < 20 && cursor; i++) cursor = listWorkflows(store, ws, { limit: 200, cursor }).nextCursor;
  const deepPage = await median(quick ? 5 : 30, () => listWorkflows(store, ws, { limit: 50, ...(cursor ? { cursor } : {}) }));
  const searchPage = await median(quick ? 5 : 30, () => listWorkflows(store, ws, { limit: 50, search: 'flow 99' }));
  rows.push(['list page 1 of 10,000', `${firstPage.toFixed(2)} ms`, '50 per page, newest first']);
  rows.push(['list page 85 of 10,000', `${deepPage.toFixed(2)} ms`, 'keyset cursor']);
  rows.push(['search 10,000', `${searchPage.toFixed(2)} ms`, 'substring of name or description']);

  // 3. A 10,000-node chain: the engine alone versus the runs service recording it.
  const w = chain(10_000);
  const chainId = createWorkflow(store, ws, w.document).id;
  const compiled = compileWorkflow(w.document, registry);
  const runs = createRunsService(store);
  const off = await median(quick ? 3 : 9, () => startRun(compiled, { input: w.input }).done);
  const on = await median(quick ? 3 : 9, () => runs.start(ws, chainId, { input: w.input }).done);
  rows.push(['10,000-node chain, recording off', `${off.toFixed(1)} ms`, 'engine only']);
  rows.push(['10,000-node chain, recording on', `${on.toFixed(1)} ms`, `+${(((on - off) / off) * 100).toFixed(0)} % (target ≤ 30 %)`]);

  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
