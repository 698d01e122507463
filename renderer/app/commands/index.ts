// Everything the UI can ask of the host, as commands over the API client and the stores. Components
// call these (through useCommands()); stores stay free of I/O.
import type { WeftClient } from '../../api/client.js';
import { createRunCommands, type RunCommands } from './run-commands.js';
import { createWorkflowCommands, type WorkflowCommands } from './workflow-commands.js';
import { createWorkspaceCommands, type WorkspaceCommands } from './workspace-commands.js';

export interface Commands {
  readonly workspaces: WorkspaceCommands;
  readonly workflows: WorkflowCommands;
  readonly runs: RunCommands;
}

export function createCommands(client: WeftClient): Commands {
  const workspaces = createWorkspaceCommands(client);
  const workflows = createWorkflowCommands(client, () => workspaces.refreshWorkflows());
  const runs = createRunCommands(client, () => workflows.save());
  return { workspaces, workflows, runs };
}

export type { RunCommands, WorkflowCommands, WorkspaceCommands };
