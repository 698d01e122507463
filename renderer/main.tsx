// The renderer's entry: picks the way to the host, wires the stores, mounts the editor.
import '@xyflow/react/dist/style.css';
import './app/theme.css';
import './app/shell.css';
import './canvas/canvas.css';
import './panels/panels.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.js';
import { pickTransport } from './api/pick-transport.js';
import { App } from './app/App.js';
import { startEditor } from './app/bootstrap.js';
import { createCommands } from './app/commands/index.js';
import { registerCorePanels } from './panels/index.js';

const client = createApiClient(pickTransport());
const commands = createCommands(client);
registerCorePanels();
startEditor(client, commands);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App services={{ client, commands }} />
  </StrictMode>,
);
