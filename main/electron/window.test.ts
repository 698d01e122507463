import type { BrowserWindowConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-url.js';
import { createTrustedContents } from './sender.js';
import { FakeContents, navigationEvent } from './testing/fakes.js';
import { createAppWindow, MIN_WINDOW_SIZE, SECURE_WEB_PREFERENCES, windowOptions } from './window.js';

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  shown = false;
  maximized = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  show(): void {
    this.shown = true;
  }
  maximize(): void {
    this.maximized = true;
  }
}

const state = { x: 10, y: 20, width: 1200, height: 700, maximized: false };

describe('SECURE_WEB_PREFERENCES', () => {
  it('is Electron’s security checklist', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('windowOptions', () => {
  it('locks the page down and points at the bundled preload', () => {
    const options = windowOptions({ preload: '/app/dist/electron/preload.cjs', state, devTools: false });
    expect(options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: '/app/dist/electron/preload.cjs',
      devTools: false,
    });
  });

  it('opens where the window was, at its size, hidden until painted', () => {
    const options = windowOptions({ preload: '/p', state, devTools: true });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 700, show: false, title: 'Weft' });
    expect(options).toMatchObject({ minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
    expect(options.webPreferences?.devTools).toBe(true);
  });

  it('centres a window that has no saved position', () => {
    const options = windowOptions({
      preload: '/p',
      state: { width: 900, height: 600, maximized: false },
      devTools: false,
    });
    expect(options.center).toBe(true);
    expect(options.x).toBeUndefined();
  });
});

describe('createAppWindow', () => {
  function make(overrides: { maximized?: boolean; onFileDropped?: (path: string) => void } = {}) {
    const trusted = createTrustedContents();
    const made: FakeWindow[] = [];
    const window = createAppWindow({
      create: (options) => {
        const created = new FakeWindow(options);
        made.push(created);
        return created;
      },
      preload: '/p/preload.cjs',
      state: { ...state, maximized: overrides.maximized ?? false },
      devTools: false,
      trusted,
      ...(overrides.onFileDropped ? { onFileDropped: overrides.onFileDropped } : {}),
    });
    return { window, made, trusted };
  }

  it('makes the window with the secure options, trusts it and loads the editor over the app protocol', () => {
    const { window, made, trusted } = make();
    expect(made).toEqual([window]);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      preload: '/p/preload.cjs',
    });
    expect(trusted.has(window.webContents.id)).toBe(true);
    expect(window.webContents.loaded).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL.startsWith('weft://app/')).toBe(true);
  });

  it('guards the window’s navigation and popups', () => {
    const { window } = make();
    const away = navigationEvent('https://example.com/');
    window.webContents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('hands a dropped workflow file to onFileDropped', () => {
    const dropped: string[] = [];
    const { window } = make({ onFileDropped: (path) => dropped.push(path) });
    window.webContents.emit('will-navigate', navigationEvent('file:///tmp/a.weft.json'));
    expect(dropped).toEqual(['/tmp/a.weft.json']);
  });

  it('shows the window once it is ready, maximized when it was', () => {
    const plain = make().window;
    expect(plain.shown).toBe(false);
    plain.emit('ready-to-show');
    expect(plain.shown).toBe(true);
    expect(plain.maximized).toBe(false);

    const big = make({ maximized: true }).window;
    big.emit('ready-to-show');
    expect(big.maximized).toBe(true);
  });

  it('forgets the window when it is destroyed', () => {
    const { window, trusted } = make();
    window.webContents.destroy();
    expect(trusted.has(window.webContents.id)).toBe(false);
  });
});
