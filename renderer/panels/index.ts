// Registers the editor's panels with the shell (app/panels.ts). A new panel: a folder here with its
// component, and one registerPanel call below.
import { registerPanel } from '../app/panels.js';
import { Inspector } from './inspector/Inspector.js';
import { Palette } from './palette/Palette.js';
import { RunPanel } from './run/RunPanel.js';
import { WorkflowList } from './workflows/WorkflowList.js';

let registered = false;

export function registerCorePanels(): void {
  if (registered) return;
  registered = true;
  registerPanel({ id: 'palette', slot: 'left', title: 'Nodes', order: 10, component: Palette });
  registerPanel({ id: 'workflows', slot: 'left', title: 'Workflows', order: 20, component: WorkflowList });
  registerPanel({ id: 'inspector', slot: 'right', title: 'Inspector', order: 10, component: Inspector });
  registerPanel({ id: 'run', slot: 'bottom', title: 'Output', order: 10, component: RunPanel });
}
