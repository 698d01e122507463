// The editor: header, left sidebar (palette, workflows), canvas, right panels (inspector), bottom
// panels (run output) under the run status bar. Panels come from the registry (panels.ts).
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas.js';
import { useAutoLayout } from '../canvas/use-auto-layout.js';
import { RunStatusBar } from '../panels/run/RunStatusBar.js';
import { ImportDropZone } from '../panels/import/ImportDropZone.js';
import { useUiStore } from '../stores/ui.store.js';
import { AppServicesProvider, type AppServices } from './app-context.js';
import { DialogHost } from './DialogHost.js';
import { Header } from './header/Header.js';
import { listenToMenu } from './menu-commands.js';
import { Notices } from './Notices.js';
import { StackedSlot, TabbedSlot } from './Slots.js';
import { useShortcuts } from './use-shortcuts.js';

function useThemeAttribute(): void {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}

/** The desktop menu's commands; inside the flow provider because "arrange" needs the canvas. */
function useMenu({ client, commands }: AppServices): void {
  const autoLayout = useAutoLayout();
  useEffect(() => listenToMenu(client, commands, autoLayout), [client, commands, autoLayout]);
}

function Editor({ services }: { services: AppServices }) {
  useShortcuts(services.commands);
  useThemeAttribute();
  useMenu(services);
  const rightOpen = useUiStore((s) => s.panels.right !== null);
  return (
    <div className={`weft-shell${rightOpen ? '' : ' right-collapsed'}`}>
      <Header />
      <StackedSlot slot="left" className="weft-left" />
      <main className="weft-canvas">
        <Notices />
        <ImportDropZone>
          <Canvas />
        </ImportDropZone>
      </main>
      {rightOpen && <TabbedSlot slot="right" className="weft-right" />}
      <TabbedSlot slot="bottom" className="weft-bottom" header={<RunStatusBar />} />
      <DialogHost />
    </div>
  );
}

export function App({ services }: { services: AppServices }) {
  return (
    <AppServicesProvider services={services}>
      {/* Above the whole shell: the palette adds nodes at the centre of the canvas's view. */}
      <ReactFlowProvider>
        <Editor services={services} />
      </ReactFlowProvider>
    </AppServicesProvider>
  );
}
