import { describe, expect, it } from 'vitest';
import { WorkflowInvalidError } from '../model/problem.js';
import { createTestKit } from '../testing/nodes.js';
import { chain, edge, node, workflow } from '../testing/workflow.js';
import { compileWorkflow } from './compile.js';
import { runWorkflow, startRun } from './run.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('compileWorkflow', () => {
  it('refuses an unknown node type when validation was skipped', () => {
    const kit = createTestKit();
    const e = thrown(() =>
      compileWorkflow(workflow([node('a', 'test.source'), node('b', 'acme.none')]), kit.registry),
    );
    expect(e).toBeInstanceOf(WorkflowInvalidError);
    expect((e as WorkflowInvalidError).problems).toEqual([
      expect.objectContaining({ path: 'nodes[1].type', code: 'UNKNOWN_NODE_TYPE' }),
    ]);
  });

  it('refuses a cycle when validation was skipped, naming its nodes', () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('a', 'test.collect'), node('b', 'test.pass'), node('s', 'test.source')],
      [edge('s', 'a'), edge('a', 'b'), edge('b', 'a')],
    );
    const e = thrown(() => compileWorkflow(doc, kit.registry)) as WorkflowInvalidError;
    expect(e).toBeInstanceOf(WorkflowInvalidError);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ code: 'CYCLE', message: expect.stringContaining('a → b → a') });
  });

  it('compiles a template that does not parse, failing only that node when it runs', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node('ok', 'test.source'),
      node('bad', 'test.sync', { value: '{{ 1 + }}' }, { onError: 'skip' }),
    ]);
    const record = await runWorkflow(doc, kit.registry);
    expect(record.status).toBe('succeeded');
    expect(record.nodes.bad).toMatchObject({ status: 'skipped', error: { code: 'EXPRESSION_ERROR' } });
    expect(record.nodes.bad!.error!.message).toContain('1 +');
    expect(kit.callsOf('bad')).toEqual([]);
  });

  it('gives a compiled workflow to many runs, each with its own state', async () => {
    const kit = createTestKit();
    const compiled = compileWorkflow(
      workflow(
        [
          node('start', 'test.manual'),
          node('set', 'test.set', { values: { twice: '{{ input.in.n * 2 }}' } }),
          node('o', 'test.output', { name: 'r' }),
        ],
        chain('start', 'set', 'o'),
      ),
      kit.registry,
    );
    const [one, two] = await Promise.all([
      startRun(compiled, { input: { n: 1 } }).done,
      startRun(compiled, { input: { n: 5 } }).done,
    ]);
    expect(one.outputs).toEqual({ r: { n: 1, twice: 2 } });
    expect(two.outputs).toEqual({ r: { n: 5, twice: 10 } });
    expect(one.runId).not.toBe(two.runId);
  });

  it('runs an empty workflow to success', async () => {
    const kit = createTestKit();
    const events: string[] = [];
    const record = await runWorkflow(workflow([]), kit.registry, { onEvent: (e) => events.push(e.type) });
    expect(record).toMatchObject({ status: 'succeeded', outputs: {}, nodes: {} });
    expect(events).toEqual(['runStarted', 'runFinished']);
  });
});
