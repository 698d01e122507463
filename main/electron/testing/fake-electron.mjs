// A fake of the `electron` module for app.smoke.test.ts: enough of app, session, protocol, ipcMain,
// BrowserWindow, Menu, dialog, screen, safeStorage and utilityProcess for main/electron/app.ts to start,
// serve, answer IPC and quit in plain Node. The test drives it over the child process's IPC channel:
// it sends commands ({ id, command, ... }) and gets replies ({ id, value }) and notices ({ notice }).
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const shim = fileURLToPath(new URL('../../plugins/runner/testing/utility-shim.mjs', import.meta.url));
const notify = (notice, value) => process.send?.({ notice, value });

const state = {
  paths: { appData: join(tmpdir(), 'weft-fake-appdata'), documents: tmpdir() },
  sandboxed: false,
  privileged: undefined,
  protocols: {},
  handlers: {},
  permissionRequest: undefined,
  beforeRequest: undefined,
  menu: undefined,
  windows: [],
  /** The script of every utility process started, in order. */
  utilityForks: [],
};

let nextContentsId = 1;

class WebContents extends EventEmitter {
  id = nextContentsId++;
  destroyed = false;
  mainFrame = { url: '', parent: null, processId: 1, routingId: 1, isDestroyed: () => false };
  windowOpenHandler = undefined;
  isDestroyed() {
    return this.destroyed;
  }
  send(channel, ...args) {
    notify('sent', { channel, args });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  loadURL(url) {
    this.mainFrame.url = url;
    notify('loaded', url);
    return Promise.resolve();
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.visible = false;
    this.webContents = new WebContents();
    app.emit('web-contents-created', {}, this.webContents);
    state.windows.push(this);
    setImmediate(() => this.emit('ready-to-show'));
    notify('window', { webPreferences: options.webPreferences, show: options.show });
  }
  show() {
    this.visible = true;
  }
  maximize() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 10, y: 20, width: this.options.width, height: this.options.height };
  }
}

class App extends EventEmitter {
  isPackaged = false;
  getPath(name) {
    return state.paths[name] ?? join(tmpdir(), `weft-fake-${name}`);
  }
  setPath(name, value) {
    state.paths[name] = value;
  }
  getVersion() {
    return '0.0.0-smoke';
  }
  enableSandbox() {
    state.sandboxed = true;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.emit('before-quit', event);
    if (event.prevented) return;
    for (const window of state.windows) {
      window.emit('close', {});
      window.webContents.destroyed = true;
      window.webContents.emit('destroyed');
      window.emit('closed');
    }
    notify('quitting');
    setImmediate(() => process.exit(0));
  }
  exit(code) {
    notify('exit', code);
    setImmediate(() => process.exit(code));
  }
}

export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    state.privileged = schemes;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => void (state.permissionRequest = handler),
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    webRequest: { onBeforeRequest: (listener) => void (state.beforeRequest = listener) },
    on: () => {},
    protocol: { handle: (scheme, handler) => void (state.protocols[scheme] = handler) },
  },
};

export const ipcMain = {
  handle: (channel, listener) => void (state.handlers[channel] = listener),
  removeHandler: (channel) => void delete state.handlers[channel],
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => void (state.menu = menu),
};

export const dialog = {
  showErrorBox: (title, content) => notify('errorBox', { title, content }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showMessageBox: async (_window, options) => (notify('messageBox', options), { response: 0 }),
};

export const shell = { openPath: async (path) => (notify('openPath', path), '') };

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };

export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text),
  decryptString: (buffer) => buffer.toString(),
  getSelectedStorageBackend: () => 'basic_text',
};

/** Utility processes as child processes that get an Electron-like parentPort (utility-shim.mjs). */
export const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    const child = fork(shim, [modulePath, ...args], {
      execArgv: options.execArgv ?? [],
      env: options.env ?? {},
      serialization: 'json',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const utility = new EventEmitter();
    Object.defineProperty(utility, 'pid', { get: () => child.pid });
    utility.stderr = child.stderr;
    utility.postMessage = (message) => child.send(message);
    utility.kill = () => child.kill('SIGTERM');
    state.utilityForks.push({ modulePath, serviceName: options.serviceName, child });
    child.on('spawn', () => utility.emit('spawn'));
    child.on('message', (message) => utility.emit('message', message));
    child.on('error', () => undefined);
    child.once('exit', (code, signal) => utility.emit('exit', code ?? (signal === null ? 0 : 128)));
    return utility;
  },
};

function menuItems(items) {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
}

const commands = {
  state: () => ({
    sandboxed: state.sandboxed,
    privileged: state.privileged,
    userData: state.paths.userData,
    protocols: Object.keys(state.protocols),
    handlers: Object.keys(state.handlers),
    menu: state.menu?.template.map((item) => item.label ?? item.role),
    windowVisible: state.windows[0]?.visible,
    windowOpen: state.windows[0]?.webContents.windowOpenHandler?.({ url: 'https://example.com/' }),
    utilityForks: state.utilityForks.map(({ modulePath, serviceName, child }) => ({
      modulePath,
      serviceName,
      pid: child.pid,
      alive: child.exitCode === null && child.signalCode === null,
    })),
  }),
  async fetch({ url }) {
    const response = await state.protocols.weft(new Request(url));
    return {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      text: await response.text(),
    };
  },
  invoke({ method, input, frameUrl }) {
    const contents = state.windows[0].webContents;
    const frame = frameUrl === undefined ? contents.mainFrame : { ...contents.mainFrame, url: frameUrl };
    return state.handlers['weft:invoke']({ sender: contents, senderFrame: frame }, method, input);
  },
  permission({ permission }) {
    return new Promise((resolve) => state.permissionRequest({}, permission, resolve, {}));
  },
  request({ url }) {
    return new Promise((resolve) => state.beforeRequest({ url }, resolve));
  },
  navigate({ url }) {
    const event = {
      url,
      isMainFrame: true,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    state.windows[0].webContents.emit('will-navigate', event);
    return event.defaultPrevented;
  },
  click({ item: id }) {
    const item = menuItems(state.menu.template).find((entry) => entry.id === id);
    item.click();
    return true;
  },
  quit() {
    app.quit();
    return true;
  },
};

process.on('message', async (message) => {
  try {
    process.send?.({ id: message.id, value: await commands[message.command](message) });
  } catch (error) {
    process.send?.({ id: message.id, error: String(error?.stack ?? error) });
  }
});
