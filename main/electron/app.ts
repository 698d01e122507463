// The desktop app's entry (bundled to dist/electron/main.js): the one file that runs only inside
// Electron. It wires the tested pieces of this folder together and holds no logic of its own. Main
// keeps to the window, menus, dialogs, the protocol and IPC; the store, plugins, API and runs live in
// the backend process (main/backend/process.ts, started by backend-client.ts), whose plugin runners
// main starts for it (runner-broker.ts).
// Order matters in three places: the scheme is registered and the sandbox forced before `ready`; the
// single-instance lock is taken before the backend process opens the database; the session is locked
// down before the window loads anything.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { menuEvent, type MenuCommand } from '../../preload/contract/menu.js';
import { APP_SCHEME } from './app-url.js';
import { electronSqliteBinary } from '../backend/dev-native.js';
import { PLUGINS_FOLDER } from '../backend/plugins-folder.js';
import type { UtilityProcessApi } from '../plugins/runner/utility-launcher.js';
import { startBackendClient } from './backend-client.js';
import { aboutMessage, chooseWorkflowFile, readWorkflowFile, shortcutsMessage } from './dialogs.js';
import { guardDownloads } from './downloads.js';
import { pushEvent, registerApiIpc } from './ipc.js';
import { claimSingleInstance, createShutdown, focusWindow, quitThroughShutdown } from './lifecycle.js';
import { buildMenuTemplate, shortcutList, type MenuActions } from './menu.js';
import { denyWindowOpen } from './navigation.js';
import { appPaths } from './paths.js';
import { denyAllPermissions } from './permissions.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import { blockRemoteContent } from './remote-content.js';
import { createSecretBox } from './secrets.js';
import { createTrustedContents } from './sender.js';
import { createAppWindow } from './window.js';
import { fitToDisplays, loadWindowState, saveWindowState, trackWindowState } from './window-state.js';

const APP_NAME = 'Weft';
const log = (message: string): void => console.error(message);

// The user-data folder is named after the product, the same in development (where Electron would take
// package.json's lower-case name) and packaged. End-to-end tests (and a second development profile)
// use their own, which also gives them their own single-instance lock. Must precede every use of it.
const userDataOverride = process.env.WEFT_USER_DATA_DIR;
app.setPath(
  'userData',
  userDataOverride !== undefined && userDataOverride !== ''
    ? resolve(userDataOverride)
    : join(app.getPath('appData'), APP_NAME),
);

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

let window: BrowserWindow | undefined;

if (!claimSingleInstance(app, () => focusWindow(window))) {
  // Another Weft has the lock: it has been told (second-instance) and focuses its window.
  app.quit();
} else {
  // Not awaited at the top level: the ready event waits for this module to finish loading.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal('Weft could not start', error));
}

function fatal(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log(`weft: ${title}: ${error instanceof Error ? (error.stack ?? message) : message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function start(): void {
  const dev = !app.isPackaged;
  const userData = app.getPath('userData');
  const paths = appPaths({
    bundleDir: dirname(fileURLToPath(import.meta.url)),
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });

  // Nothing secret is stored yet; this says at start when a secret would only be obfuscated.
  createSecretBox(safeStorage, { platform: process.platform, warn: log });

  const ses = session.defaultSession;
  denyAllPermissions(ses, log);
  blockRemoteContent(ses, log);
  guardDownloads(ses, { documentsDir: () => app.getPath('documents'), log });
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: paths.rendererDir }));
  app.on('web-contents-created', (_event, contents) => {
    // Every web contents, the developer tools' included: no popups, no <webview>.
    contents.setWindowOpenHandler(denyWindowOpen);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  // `tsc` checks here that Electron's utilityProcess has the shape the launchers expect.
  const utility: UtilityProcessApi = utilityProcess;
  const backend = startBackendClient({
    utilityProcess: utility,
    backendScript: paths.backendScript,
    runnerScript: paths.runnerScript,
    config: {
      userDataDir: userData,
      bundledPluginsDir: paths.bundledPluginsDir,
      // The backend process has Electron's ABI; in development it loads the cached Electron build of
      // better-sqlite3 (main/backend/dev-native.ts). Main itself never opens the database.
      ...(dev
        ? {
            sqliteBinary: electronSqliteBinary(
              paths.checkout,
              process.versions.electron,
              process.platform,
              process.arch,
            ),
          }
        : {}),
    },
    log,
  });
  // The window opens meanwhile; its first calls wait for the backend to be ready.
  backend.ready.catch((error: unknown) => fatal(`Weft cannot open its data in ${userData}`, error));
  const pluginsDir = join(userData, PLUGINS_FOLDER);

  const trusted = createTrustedContents();
  const ipc = registerApiIpc({
    ipcMain,
    trusted,
    openConnection: (send) => backend.openConnection(send),
    log,
  });
  const shutdown = createShutdown(
    [
      { name: 'closing IPC', run: () => ipc.close() },
      // The backend process gets 20 s to stop (backend-client.ts) and is killed after that.
      { name: 'stopping the backend process', run: () => backend.shutdown(), timeoutMs: 25_000 },
    ],
    log,
  );
  quitThroughShutdown(app, shutdown);
  // `npm start` in a terminal: Ctrl+C quits through the same shutdown.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());

  const send = (command: MenuCommand): void => {
    if (window !== undefined && !window.isDestroyed()) pushEvent(window.webContents, menuEvent(command));
  };
  const importFile = async (file: string): Promise<void> => {
    const read = await readWorkflowFile(file);
    if (read.ok) send(read.command);
    else dialog.showErrorBox('Import failed', read.message);
  };
  const template = buildMenuTemplate(
    {
      command: (command) => send({ command }),
      importFile: () => {
        if (window === undefined) return;
        void chooseWorkflowFile(dialog, window).then((file) =>
          file === undefined ? undefined : importFile(file),
        );
      },
      openPluginsFolder: () => {
        void shell.openPath(pluginsDir).then((problem) => {
          if (problem !== '')
            dialog.showErrorBox('The plugins folder did not open', `${pluginsDir}: ${problem}`);
        });
      },
      about: () => {
        if (window === undefined) return;
        const info = {
          appName: APP_NAME,
          version: app.getVersion(),
          versions: process.versions,
          dataDir: userData,
        };
        void dialog.showMessageBox(window, aboutMessage(info));
      },
      shortcuts: () => {
        if (window !== undefined)
          void dialog.showMessageBox(window, shortcutsMessage(shortcutList(template), process.platform));
      },
      quit: () => app.quit(),
    } satisfies MenuActions,
    { platform: process.platform, appName: APP_NAME, dev },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)];
  const state = fitToDisplays(
    loadWindowState(userData),
    displays.map((display) => display.workArea),
  );
  const created = createAppWindow({
    create: (options) => new BrowserWindow(options),
    preload: paths.preload,
    state,
    devTools: dev,
    trusted,
    onFileDropped: (file) => void importFile(file),
    log,
  });
  window = created;
  trackWindowState(created, (saved) => saveWindowState(userData, saved), {
    onError: (error) => log(`weft: the window's size was not saved: ${String(error)}`),
  });
  created.webContents.on('render-process-gone', (_event, details) =>
    log(`weft: the editor's process ended (${details.reason})`),
  );
  created.on('closed', () => {
    window = undefined;
  });
}
