// Registers the editor's panels with the shell (app/panels.ts). A new panel: a folder here with its
// component, and one registerPanel call below.
import { registerDialog } from '../app/dialogs.js';
import { registerPanel } from '../app/panels.js';
import { SHORTCUTS_DIALOG } from './help/open-help.js';
import { ShortcutsHelp } from './help/ShortcutsHelp.js';
import { Inspector } from './inspector/Inspector.js';
import { Palette } from './palette/Palette.js';
import { ProblemsBadge } from './problems/ProblemsBadge.js';
import { ProblemsPanel } from './problems/ProblemsPanel.js';
import { PROBLEMS_PANEL } from './problems/track-problems-list.js';
import { RunPanel } from './run/RunPanel.js';
import { ErrorStatsView } from './errors/ErrorStatsView.js';
import { PluginsView } from './plugin-report/PluginsView.js';
import { RunHistory } from './runs/RunHistory.js';
import { WorkflowList } from './workflows/WorkflowList.js';
import { CONFIRM_DIALOG, ConfirmDialog } from './workflows/ConfirmDialog.js';
import { VersionHistory } from './history/VersionHistory.js';
import { IMPORT_RESULT_DIALOG } from './import/import-dialog.js';
import { ImportResultDialog } from './import/ImportResultDialog.js';
import { WORKSPACE_DIALOG, WorkspaceDialog } from './workspace/WorkspaceDialog.js';

let registered = false;

export function registerCorePanels(): void {
  if (registered) return;
  registered = true;
  registerPanel({ id: 'palette', slot: 'left', title: 'Nodes', order: 10, component: Palette });
  registerPanel({ id: 'workflows', slot: 'left', title: 'Workflows', order: 20, component: WorkflowList });
  registerPanel({ id: 'inspector', slot: 'right', title: 'Inspector', order: 10, component: Inspector });
  registerPanel({ id: 'run', slot: 'bottom', title: 'Run', order: 10, component: RunPanel });
  registerPanel({ id: 'errors', slot: 'bottom', title: 'Errors', order: 40, component: ErrorStatsView });
  registerPanel({ id: 'runs', slot: 'right', title: 'Runs', order: 30, component: RunHistory });
  registerPanel({ id: 'plugins', slot: 'right', title: 'Plugins', order: 50, component: PluginsView });
  registerPanel({
    id: PROBLEMS_PANEL,
    slot: 'bottom',
    title: 'Problems',
    order: 30,
    component: ProblemsPanel,
    badge: ProblemsBadge,
  });
  registerDialog(SHORTCUTS_DIALOG, ShortcutsHelp);
  registerPanel({ id: 'history', slot: 'right', title: 'History', order: 20, component: VersionHistory });
  registerDialog(CONFIRM_DIALOG, ConfirmDialog);
  registerDialog(IMPORT_RESULT_DIALOG, ImportResultDialog);
  registerDialog(WORKSPACE_DIALOG, WorkspaceDialog);
}
