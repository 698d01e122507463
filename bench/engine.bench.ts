/**
 * `npm run bench`: the engine against a bare baseline in one process, on the same workloads and the
 * same per-node work, so the ratio is the engine's overhead. Prints microseconds per node, the ratio,
 * and peak memory. Targets (issue 2): ratio ≤ 1.5 on the chain and the fan-out; a 10,000-node chain in
 * under 0.5 s.
 */
import { compileWorkflow, startRun } from '../engine/index.js';
import { planBaseline, runBaseline, runBaselineNodes } from './baseline.js';
import { benchRegistry } from './bench-nodes.js';
import { measureAlternating, type Timing } from './measure.js';
import { chain, fan, type Item, type Workload } from './workloads.js';

const quick = process.argv.includes('--quick');
const options = quick
  ? { minRuns: 5, minMs: 300, warmupMs: 200 }
  : { minRuns: 15, minMs: 2000, warmupMs: 1500 };

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

async function bench(w: Workload): Promise<{ base: Timing; engine: Timing; raw: Timing }> {
  const plan = planBaseline(w.document, w.sink);
  const compiled = compileWorkflow(w.document, benchRegistry);
  const check = (item: Item | undefined, who: string): void => {
    if (!item || item.value !== w.expectValue)
      fail(`${w.name}: ${who} produced ${JSON.stringify(item?.value)}, expected ${w.expectValue}`);
  };
  const [base, engine, raw] = await measureAlternating(
    [
      async () => check(await runBaselineNodes(plan, benchRegistry, w.input), 'baseline'),
      async () => {
        const handle = startRun(compiled, { input: w.input });
        const record = await handle.done;
        if (record.status !== 'succeeded') fail(`${w.name}: run ${record.status}`);
        check(handle.outputsOf(w.sink)?.out as Item | undefined, 'engine');
      },
      async () => check(await runBaseline(plan, w.input), 'raw loop'),
    ],
    options,
  );
  return { base: base!, engine: engine!, raw: raw! };
}

const workloads: Workload[] = [chain(10_000), fan(1_000), chain(100, 'x'.repeat(100 * 1024))];
const rows: string[][] = [
  [
    'workload',
    'nodes',
    'baseline µs/node',
    'engine µs/node',
    'ratio',
    'engine median ms',
    'raw loop µs/node',
    'vs raw',
    'peak RSS MiB',
  ],
];
const verdicts: string[] = [];
for (const w of workloads) {
  const n = w.document.nodes.length;
  const { base, engine, raw } = await bench(w);
  const perRaw = (raw.medianMs * 1000) / n;
  const perBase = (base.medianMs * 1000) / n;
  const perEngine = (engine.medianMs * 1000) / n;
  const ratio = perEngine / perBase;
  rows.push([
    w.name,
    String(n),
    perBase.toFixed(3),
    perEngine.toFixed(3),
    `${ratio.toFixed(2)}x`,
    engine.medianMs.toFixed(2),
    perRaw.toFixed(3),
    `${(perEngine / perRaw).toFixed(2)}x`,
    Math.max(base.peakRssMb, engine.peakRssMb).toFixed(0),
  ]);
  if (w.name !== 'chain-100-payload')
    verdicts.push(`${w.name}: ratio ${ratio.toFixed(2)} (target ≤ 1.5) ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
  if (w.name === 'chain-10000')
    verdicts.push(
      `chain-10000: ${engine.medianMs.toFixed(1)} ms (target < 500 ms) ${engine.medianMs < 500 ? 'met' : 'MISSED'}`,
    );
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows)
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
console.log(`process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
for (const v of verdicts) console.log(v);
