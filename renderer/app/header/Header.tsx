// The header: workspace, workflow name, toolbar, theme and connection state.
import { HelpButton } from '../../panels/help/HelpButton.js';
import { useUiStore } from '../../stores/ui.store.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { Toolbar } from './Toolbar.js';
import { WorkflowNameField } from './WorkflowNameField.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

export function Header() {
  const theme = useUiStore((s) => s.theme);
  const toggleTheme = useUiStore((s) => s.toggleTheme);
  return (
    <header className="weft-header">
      <span className="weft-brand">Weft</span>
      <WorkspaceSwitcher />
      <WorkflowNameField />
      <Toolbar />
      <span className="ui-spacer" />
      <ConnectionIndicator />
      <HelpButton />
      <button
        type="button"
        data-testid="theme-toggle"
        title={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme`}
        onClick={toggleTheme}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
  );
}
