import type { RunDetail, RunOrigin } from '../../../preload/contract.js';
import { createRunsService } from '../../services/runs.service.js';
import type { Store } from '../../services/store.js';
import { getVersion } from '../../services/workflows.service.js';
import { booleanOption, parseCommandArgs, type CommandArgsSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { plural, prettyJsonPreview } from '../progress/format.js';
import type { Command, CommandContext } from './context.js';
import {
  collectPages,
  orNotFound,
  positiveIntOption,
  storeOptions,
  storeOptionsHelp,
  withStore,
} from './store-session.js';
import { formatMaybeDuration, formatTime, jsonText, table } from './table.js';

const usage =
  'weft runs ID [--json] [--limit N] | weft runs show RUNID [--json] [--data-dir DIR] [--workspace NAME]';
const name = 'weft runs';

/** How many runs the text form shows when no --limit is given. */
const TEXT_RUNS_DEFAULT = 20;
const PAGE = 200;

const spec: CommandArgsSpec = {
  name,
  usage,
  options: { ...storeOptions, json: { type: 'boolean' }, limit: { type: 'string' } },
  positionals: { min: 1, max: 2, names: ['ID'] },
};

const help = `weft runs ID [--json] [--limit N]
weft runs show RUNID [--json]

The first form lists the recorded runs of the stored workflow ID, newest first: run id, status,
start, duration and origin. The second shows one run: its status, outputs, and each node's status,
attempts, duration and error.

  --limit N           at most N runs (default: ${TEXT_RUNS_DEFAULT} for the table, all for --json)
  --json              print { "runs": [ … ] }, or the run's record, on stdout
${storeOptionsHelp}

Exit codes: 0 done, 2 bad usage or a workflow or run not found in the workspace.
`;

function originText(origin: RunOrigin): string {
  switch (origin.kind) {
    case 'run':
      return 'run';
    case 'rerun':
      return `rerun of ${origin.sourceRunId}`;
    case 'fromNode':
      return `from node ${origin.nodeId} of ${origin.sourceRunId}`;
  }
}

function printRun(io: CliIo, run: RunDetail): void {
  const lines = [
    `run       ${run.id}`,
    `workflow  ${run.workflowId} (version ${run.workflowVersion})`,
    `status    ${run.status}${run.error ? `: ${run.error.message} (${run.error.code})` : ''}`,
    `started   ${formatTime(run.startedAt)}`,
    `duration  ${formatMaybeDuration(run.durationMs)}`,
    `origin    ${originText(run.origin)}`,
  ];
  if (run.input !== null) lines.push(`input     ${JSON.stringify(run.input)}`);
  io.stdout.write(`${lines.join('\n')}\n\n`);
  const rows = Object.entries(run.nodes).map(([id, n]) => [
    id,
    n.nodeType,
    n.status,
    String(n.attempts),
    formatMaybeDuration(n.durationMs),
    n.error ? `${n.error.message} (${n.error.code})` : '',
  ]);
  io.stdout.write(table(['NODE', 'TYPE', 'STATUS', 'ATTEMPTS', 'DURATION', 'ERROR'], rows, 60));
  if (Object.keys(run.outputs).length > 0) {
    const preview = prettyJsonPreview(run.outputs, { maxLines: 20, maxLineLength: 120 });
    io.stdout.write(`\noutputs\n${preview.map((l) => `  ${l}`).join('\n')}\n`);
  }
}

/** The run's nodes in the order of the document version it ran (as the live display shows them). */
function inDocumentOrder(store: Store, workspaceId: string, run: RunDetail): RunDetail {
  let order: string[];
  try {
    order = getVersion(store, workspaceId, run.workflowId, run.workflowVersion).document.nodes.map(
      (n) => n.id,
    );
  } catch {
    return run;
  }
  const nodes: RunDetail['nodes'] = {};
  for (const id of [...order, ...Object.keys(run.nodes)]) {
    const node = run.nodes[id];
    if (node !== undefined && !(id in nodes)) nodes[id] = node;
  }
  return { ...run, nodes };
}

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const [first, second] = parsed.positionals;
  const json = booleanOption(parsed, 'json');
  const showing = first === 'show';
  if (showing && second === undefined) throw new UsageError('missing RUNID', usage, name);
  if (!showing && second !== undefined) throw new UsageError(`unexpected argument '${second}'`, usage, name);
  if (showing && parsed.values.limit !== undefined) {
    throw new UsageError('option --limit is for listing runs, not for show', usage, name);
  }
  const limit = positiveIntOption(spec, parsed, 'limit') ?? (json ? undefined : TEXT_RUNS_DEFAULT);
  return withStore(ctx, name, parsed, ({ store, workspace }) => {
    const runs = createRunsService(store, { log: (m) => io.stderr.write(`${m}\n`) });
    if (showing) {
      const runId = second ?? '';
      const detail = orNotFound('run', runId, () => runs.get(workspace.id, runId));
      if (json) io.stdout.write(jsonText(detail));
      else printRun(io, inDocumentOrder(store, workspace.id, detail));
      return ExitCode.ok;
    }
    const workflowId = first ?? '';
    const { items, more } = orNotFound('workflow', workflowId, () =>
      collectPages(
        (cursor, size) =>
          runs.list(
            workspace.id,
            workflowId,
            cursor === undefined ? { limit: size } : { cursor, limit: size },
          ),
        limit,
        PAGE,
      ),
    );
    if (json) {
      io.stdout.write(jsonText({ runs: items }));
      return ExitCode.ok;
    }
    if (items.length === 0) {
      io.stdout.write(`No runs of ${workflowId} recorded yet (weft run --id ${workflowId} runs it).\n`);
      return ExitCode.ok;
    }
    const rows = items.map((r) => [
      r.id,
      r.status,
      formatTime(r.startedAt),
      formatMaybeDuration(r.durationMs),
      originText(r.origin),
    ]);
    io.stdout.write(table(['RUN', 'STATUS', 'STARTED', 'DURATION', 'ORIGIN'], rows, 60));
    if (more)
      io.stdout.write(
        `(showing the newest ${plural(items.length, 'run')}; --limit N shows more, --json lists all)\n`,
      );
    return ExitCode.ok;
  });
}

export const runsCommand: Command = {
  name: 'runs',
  usage: 'weft runs ID [--json] [--limit N]',
  summary: "list a stored workflow's recorded runs, newest first",
  available: true,
  alsoUsage: [{ usage: 'weft runs show RUNID [--json]', summary: "show one run's record, node by node" }],
  run,
};
