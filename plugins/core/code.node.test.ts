import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeRunError } from '../sdk/index.js';
import { codeNode, createCodeNode, disposeCodeSandbox } from './code.node.js';
import type { CodeSandbox, CodeTask } from './sandbox/code-sandbox.js';
import { makeContext, paramsValid } from './testing.js';

/** A sandbox that runs nothing: it records the task and answers with `answer(task)`. */
function fakeSandbox(answer: (task: CodeTask) => unknown): CodeSandbox & { tasks: CodeTask[] } {
  const tasks: CodeTask[] = [];
  return {
    tasks,
    run: async (task) => {
      tasks.push(task);
      return answer(task);
    },
    dispose: () => Promise.resolve(),
  };
}

const realSandboxExists = existsSync(new URL('./sandbox/code-sandbox.ts', import.meta.url));

describe('core.code', () => {
  it('hands the sandbox the source, input and context, and emits the result', async () => {
    const sandbox = fakeSandbox(() => ({ doubled: 4 }));
    const ctx = makeContext({ inputs: { in: { n: 2 } }, params: { source: 'return { doubled: input.n * 2 };' }, attempt: 2, nodeId: 'c1', runId: 'run9' });
    expect(await createCodeNode(sandbox).run(ctx)).toEqual({ out: { doubled: 4 } });
    expect(sandbox.tasks[0]).toMatchObject({ source: 'return { doubled: input.n * 2 };', input: { n: 2 }, attempt: 2, nodeId: 'c1', runId: 'run9' });
    expect(sandbox.tasks[0]?.signal).toBe(ctx.signal);
  });

  it("sends the code's log lines to the node log", async () => {
    const sandbox = fakeSandbox((task) => {
      task.log('info', 'hello');
      task.log('error', 'oops');
      return 1;
    });
    const ctx = makeContext({ params: { source: 'console.log("hello")' } });
    await createCodeNode(sandbox).run(ctx);
    expect(ctx.logs).toEqual([
      { level: 'info', message: 'hello' },
      { level: 'error', message: 'oops' },
    ]);
  });

  it('emits null when the code returns nothing', async () => {
    expect(await createCodeNode(fakeSandbox(() => undefined)).run(makeContext({ params: { source: '' } }))).toEqual({ out: null });
  });

  it("passes the sandbox's errors through", async () => {
    const sandbox: CodeSandbox = { run: () => Promise.reject(new NodeRunError('boom', 'PLUGIN_CRASHED', true)), dispose: () => Promise.resolve() };
    await expect(createCodeNode(sandbox).run(makeContext({ params: { source: 'x' } }))).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
  });

  it('keeps its source raw and its input optional', () => {
    expect(codeNode.rawParams).toEqual(['source']);
    expect(codeNode.inputs).toEqual([expect.objectContaining({ name: 'in', required: false })]);
  });

  it('validates params', () => {
    expect(paramsValid(codeNode, { source: 'return 1;' })).toBe(true);
    expect(paramsValid(codeNode, {})).toBe(false);
    expect(paramsValid(codeNode, { source: 1 })).toBe(false);
    expect(paramsValid(codeNode, { source: '', extra: 1 })).toBe(false);
  });

  describe('with the real sandbox', () => {
    afterAll(() => disposeCodeSandbox());

    it.skipIf(!realSandboxExists)('runs JavaScript and emits its return value', async () => {
      const ctx = makeContext({ inputs: { in: { n: 21 } }, params: { source: 'console.log("hi"); return { answer: input.n * 2, node: ctx.nodeId };' } });
      expect(await codeNode.run(ctx)).toEqual({ out: { answer: 42, node: 'n' } });
      expect(ctx.logs.map((l) => l.message).join('\n')).toContain('hi');
    });
  });
});
