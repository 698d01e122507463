import { defineNode, type NodeRunContext, type NodeType } from '../sdk/index.js';
import type { CodeSandbox } from './sandbox/code-sandbox.js';

export interface CodeParams {
  readonly source: string;
}

const spec = {
  type: 'core.code',
  title: 'Code',
  category: 'Code',
  tags: ['javascript', 'js', 'script', 'function', 'custom'],
  description:
    'Runs JavaScript as the body of an async function of (input, ctx), isolated from the app; the returned value is emitted. console output goes to the node log.',
  inputs: [{ name: 'in', type: 'any', required: false, description: 'Passed to the code as input' }],
  outputs: [{ name: 'out', type: 'any', description: 'The return value' }],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['source'],
    properties: {
      source: {
        type: 'string',
        title: 'JavaScript',
        description: 'The body of async (input, ctx) => { … }; ctx has attempt, nodeId, runId, signal and log.',
        default: 'return input;',
      },
    },
  },
  rawParams: ['source'],
} as const satisfies Omit<NodeType<CodeParams>, 'run'>;

async function runCode(sandbox: CodeSandbox, ctx: NodeRunContext<CodeParams>): Promise<{ out: unknown }> {
  const result = await sandbox.run({
    source: ctx.params.source,
    input: ctx.inputs.in,
    attempt: ctx.attempt,
    nodeId: ctx.nodeId,
    runId: ctx.runId,
    signal: ctx.signal,
    log: (level, message) => ctx.log[level](message),
  });
  // A body without `return` gives undefined; emit null so the value survives JSON records.
  return { out: result === undefined ? null : result };
}

/** A `core.code` node that runs in the given sandbox (hosts and tests choose the sandbox). */
export function createCodeNode(sandbox: CodeSandbox): NodeType<CodeParams> {
  return defineNode<CodeParams>({ ...spec, run: (ctx) => runCode(sandbox, ctx) });
}

let shared: Promise<CodeSandbox> | undefined;

// The sandbox module is loaded, and its workers started, only when a code node first runs.
function sharedSandbox(): Promise<CodeSandbox> {
  shared ??= import('./sandbox/code-sandbox.js').then(
    (m) => m.createCodeSandbox(),
    (e: unknown) => {
      shared = undefined;
      throw e;
    },
  );
  return shared;
}

/** Stops the shared sandbox of `codeNode`, if one was started; a later run starts a fresh one. */
export async function disposeCodeSandbox(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current).dispose();
}

/**
 * The bundled `core.code` node, sharing one lazily created worker-thread sandbox in this process. Only
 * a fallback for hosts that have no plugin runner (and for tests): hosts that do (the CLI) build their
 * code node with `createCodeNode(runnerCodeSandbox(client))` from main/plugins/code-in-runner.ts, so that
 * user code never runs in the process that owns the database and the window.
 */
export const codeNode = defineNode<CodeParams>({ ...spec, run: async (ctx) => runCode(await sharedSandbox(), ctx) });
