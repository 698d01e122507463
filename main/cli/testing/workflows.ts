/** Small workflow documents for the CLI's tests, as JSON text. */

type Json = Record<string, unknown>;

function edge(source: string, target: string, sourcePort = 'out', targetPort = 'in'): Json {
  return { id: `${source}-${sourcePort}-${target}-${targetPort}`, source, sourcePort, target, targetPort };
}

export function workflow(nodes: Json[], edges: Json[], extra: Json = {}): string {
  return JSON.stringify(
    { format: 'weft.workflow', formatVersion: 1, name: 'test', nodes, edges, ...extra },
    null,
    2,
  );
}

/** manual → set (templated greeting) → output `greeting`. */
export const helloWorkflow = workflow(
  [
    { id: 'start', type: 'core.manual', params: { payload: { name: 'Ada' } } },
    {
      id: 'greet',
      type: 'core.set',
      label: 'Greet',
      params: { values: { text: 'Hello, {{ input.in.name }}!' } },
    },
    { id: 'result', type: 'core.output', params: { name: 'greeting' } },
  ],
  [edge('start', 'greet'), edge('greet', 'result')],
);

/** A code node that fails its first two tries, retried after 10 ms, then an output. */
export const flakyWorkflow = workflow(
  [
    { id: 's', type: 'core.manual' },
    {
      id: 'flaky',
      type: 'core.code',
      params: {
        source: "if (ctx.attempt < 3) throw new Error('flaky'); return { ok: true, attempt: ctx.attempt };",
      },
      policy: { retry: { maxAttempts: 3, initialDelayMs: 10 } },
    },
    { id: 'o', type: 'core.output', params: { name: 'r' } },
  ],
  [edge('s', 'flaky'), edge('flaky', 'o')],
);

/** A run that fails: core.fail with a message. */
export const failingWorkflow = workflow(
  [
    { id: 's', type: 'core.manual' },
    { id: 'stop', type: 'core.fail', params: { message: 'stop right here' } },
    { id: 'after', type: 'core.set', params: { values: {} } },
  ],
  [edge('s', 'stop'), edge('stop', 'after')],
);

/** A long delay, to be cancelled. */
export const slowWorkflow = workflow(
  [
    { id: 's', type: 'core.manual' },
    { id: 'wait', type: 'core.delay', params: { ms: 20_000 } },
    { id: 'o', type: 'core.output', params: { name: 'r' } },
  ],
  [edge('s', 'wait'), edge('wait', 'o')],
);

/** a → b → a. */
export const cycleWorkflow = workflow(
  [
    { id: 'a', type: 'core.set', params: {} },
    { id: 'b', type: 'core.set', params: {} },
  ],
  [edge('a', 'b'), edge('b', 'a')],
);

/** manual → `n` core.set nodes in a chain → output. */
export function chainWorkflow(n: number): string {
  const nodes: Json[] = [{ id: 'start', type: 'core.manual', params: { payload: { i: 0 } } }];
  const edges: Json[] = [];
  let prev = 'start';
  for (let i = 0; i < n; i++) {
    const id = `n${i}`;
    nodes.push({ id, type: 'core.set', params: { values: { last: i } } });
    edges.push(edge(prev, id));
    prev = id;
  }
  nodes.push({ id: 'end', type: 'core.output', params: { name: 'last' } });
  edges.push(edge(prev, 'end'));
  return workflow(nodes, edges);
}

/**
 * A code node that reports the process it runs in. `process` is hidden from the code, so it escapes
 * its vm context on purpose (a host function's constructor is the Function of the realm that made it):
 * the pid it finds is the process the code really runs in.
 */
export const whereCodeRunsWorkflow = workflow(
  [
    { id: 's', type: 'core.manual' },
    {
      id: 'where',
      type: 'core.code',
      params: {
        source:
          "console.log('from the code'); return { pid: setTimeout.constructor('return process')().pid, process: typeof process, require: typeof require };",
      },
    },
    { id: 'o', type: 'core.output', params: { name: 'where' } },
  ],
  [edge('s', 'where'), edge('where', 'o')],
);
