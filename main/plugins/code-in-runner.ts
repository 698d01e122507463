// `core.code` in a runner process (issue 4 item 3): the user's JavaScript runs where plugin code runs,
// never in the process that owns the database and the window. The node type itself is the bundled one
// (`createCodeNode`); only its sandbox differs: each task becomes a `code` call of a runner client,
// whose process runs it in a fresh vm context (child.mjs). The worker-thread sandbox of
// plugins/core/sandbox stays the fallback for hosts without a runner.
import type { LogLevel, NodeType } from '../../engine/index.js';
import { createCodeNode } from '../../plugins/core/code.node.js';
import type { CodeSandbox, CodeTask } from '../../plugins/core/sandbox/code-sandbox.js';
import { RunnerError } from './runner/errors.js';
import type { CodeCall } from './types.js';

/** What the sandbox needs of a runner client (`PluginRunnerClient` has it). */
export interface CodeRunner {
  runCode(
    call: CodeCall,
    signal: AbortSignal,
    log: (level: LogLevel, message: string) => void,
  ): Promise<unknown>;
}

export interface RunnerCodeSandboxOptions {
  /** The workspace whose runs the code serves (default `default`). */
  readonly workspaceId?: string;
}

/**
 * A `CodeSandbox` whose tasks run in `client`'s runner. `dispose` only stops this sandbox taking tasks:
 * the client is its owner's to close (it may serve plugins too).
 */
export function runnerCodeSandbox(client: CodeRunner, options: RunnerCodeSandboxOptions = {}): CodeSandbox {
  const workspaceId = options.workspaceId ?? 'default';
  let disposed = false;
  return {
    run(task: CodeTask): Promise<unknown> {
      if (disposed) return Promise.reject(new RunnerError('The code sandbox has been disposed', 'CANCELLED'));
      const call: CodeCall = {
        source: task.source,
        ...(task.input === undefined ? {} : { input: task.input }),
        attempt: task.attempt,
        nodeId: task.nodeId,
        runId: task.runId,
        workspaceId,
      };
      return client.runCode(call, task.signal, task.log);
    },
    dispose(): Promise<void> {
      disposed = true;
      return Promise.resolve();
    },
  };
}

// The bundled list is typed as plugins/core/index.ts types it: node types of differing params.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNodeType = NodeType<any>;

/** The bundled node types with `core.code` running in `client`'s runner; the others are unchanged. */
export function coreNodeTypesInRunner(
  bundled: readonly AnyNodeType[],
  client: CodeRunner,
  options: RunnerCodeSandboxOptions = {},
): AnyNodeType[] {
  const code = createCodeNode(runnerCodeSandbox(client, options));
  return bundled.map((t) => (t.type === code.type ? code : t));
}
