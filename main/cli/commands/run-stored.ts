import { WorkflowInvalidError, type RunEvent } from '../../../engine/index.js';
import { createRunFeed, type RunFeed } from '../../rpc/run-feed.js';
import { createRunsService } from '../../services/runs.service.js';
import { getWorkflow } from '../../services/workflows.service.js';
import type { ParsedArgs } from '../args.js';
import { ExitCode, formatProblem } from '../errors.js';
import { createRunProgress } from '../progress/state.js';
import type { CommandContext } from './context.js';
import { executeRun } from './run-execute.js';
import { orNotFound, withStore } from './store-session.js';

const command = 'weft run';

/**
 * `weft run --id ID`: runs a stored workflow of the workspace through the runs service, so the run is
 * recorded (see `weft runs ID`), with the same display, Ctrl-C handling, output and exit codes as a
 * file run.
 */
export function runStoredWorkflow(
  ctx: CommandContext,
  parsed: ParsedArgs,
  id: string,
  input: { value: unknown } | undefined,
  json: boolean,
): Promise<number> {
  const { io } = ctx;
  return withStore(ctx, command, parsed, async ({ store, workspace }) => {
    const workflow = orNotFound('workflow', id, () => getWorkflow(store, workspace.id, id));
    // The engine emits runStarted and the first nodes' nodeStarted synchronously inside start(), before
    // a `feed.listen(runId)` made after it could hear them. So the feed is tapped instead: this process
    // runs this one run, and every event the service publishes goes to the display as well, in order.
    const feed = createRunFeed();
    let forward: (event: RunEvent) => void = () => {};
    const tapped: RunFeed = {
      ...feed,
      publish(event) {
        forward(event);
        feed.publish(event);
      },
    };
    const runs = createRunsService(store, { feed: tapped, log: (m) => io.stderr.write(`${m}\n`) });
    const progress = createRunProgress(`${workflow.name} (${id})`, workflow.document);
    try {
      return await executeRun(ctx, {
        command,
        document: workflow.document,
        progress,
        json,
        start(onEvent) {
          forward = onEvent;
          const started = runs.start(workspace.id, id, input === undefined ? {} : { input: input.value });
          return {
            done: started.done,
            cancel: () => {
              runs.cancel(workspace.id, started.runId);
            },
          };
        },
      });
    } catch (err) {
      // A stored workflow that no longer compiles: a node type it uses is not available any more.
      if (!(err instanceof WorkflowInvalidError)) throw err;
      for (const p of err.problems) io.stderr.write(`${formatProblem(id, p)}\n`);
      io.stderr.write(`${command}: workflow ${id} cannot be run here; nothing was run\n`);
      return ExitCode.usage;
    }
  });
}
