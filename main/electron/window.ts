// The one window factory: every window of the app is made here, with the same locked-down web
// preferences, the navigation guards, a place in the trusted set (sender.ts) and the editor loaded over
// the app protocol. Electron's BrowserWindow is passed in as `create`, so this runs in Node tests.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-url.js';
import { guardNavigation, type GuardedContents } from './navigation.js';
import type { TrustedContents } from './sender.js';
import type { WindowState } from './window-state.js';

/**
 * Electron's security checklist, as web preferences. The page runs sandboxed and isolated from the
 * preload, with no Node, no <webview>, no insecure content and web security on. Dropping a file on the
 * page becomes a navigation (which navigation.ts cancels) so that a dropped workflow can be imported.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: true,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Smallest window the editor is usable in. */
export const MIN_WINDOW_SIZE = { width: 800, height: 520 } as const;

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload script (dist/electron/preload.cjs). */
  readonly preload: string;
  /** Size and position to open at (window-state.ts, already fitted to the displays). */
  readonly state: WindowState;
  /** Whether the developer tools may open (development only). */
  readonly devTools: boolean;
}

/** The BrowserWindow options of the app's window. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { state } = input;
  return {
    title: 'Weft',
    width: state.width,
    height: state.height,
    ...(state.x === undefined || state.y === undefined ? { center: true } : { x: state.x, y: state.y }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown once the first paint is ready, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#1f2328',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: input.preload, devTools: input.devTools },
  };
}

/** The part of Electron's BrowserWindow the factory uses. */
export interface FactoryWindow {
  readonly webContents: GuardedContents & {
    readonly id: number;
    loadURL(url: string): Promise<void>;
    once(event: 'destroyed', listener: () => void): unknown;
  };
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize(): void;
}

export interface WindowFactoryOptions<W extends FactoryWindow> extends WindowOptionsInput {
  /** Makes the window: `(options) => new BrowserWindow(options)`. */
  readonly create: (options: BrowserWindowConstructorOptions) => W;
  readonly trusted: TrustedContents;
  /** Hears a `.weft.json` file dropped on the window. */
  readonly onFileDropped?: (path: string) => void;
  readonly log?: (message: string) => void;
}

/** Makes, guards, trusts and loads a window. */
export function createAppWindow<W extends FactoryWindow>(options: WindowFactoryOptions<W>): W {
  const log = options.log ?? (() => {});
  const window = options.create(windowOptions(options));
  const contents = window.webContents;
  guardNavigation(contents, {
    ...(options.onFileDropped === undefined ? {} : { onFileDropped: options.onFileDropped }),
    onRefused: (what, url) => log(`weft: refused a ${what} to ${url}`),
  });
  options.trusted.add(contents);
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });
  contents.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log(`weft: the editor did not load: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
