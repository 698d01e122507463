import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  claimSingleInstance,
  createShutdown,
  focusWindow,
  quitThroughShutdown,
  type FocusableWindow,
} from './lifecycle.js';

describe('claimSingleInstance', () => {
  it('takes the lock and focuses on a second start', () => {
    const app = new EventEmitter() as EventEmitter & { requestSingleInstanceLock: () => boolean };
    app.requestSingleInstanceLock = () => true;
    const second = vi.fn();
    expect(claimSingleInstance(app, second)).toBe(true);
    app.emit('second-instance');
    expect(second).toHaveBeenCalledOnce();
  });

  it('answers false when another instance has the lock, and listens for nothing', () => {
    const app = new EventEmitter() as EventEmitter & { requestSingleInstanceLock: () => boolean };
    app.requestSingleInstanceLock = () => false;
    expect(claimSingleInstance(app, vi.fn())).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('focusWindow', () => {
  function fakeWindow(
    state: { minimized?: boolean; destroyed?: boolean } = {},
  ): FocusableWindow & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      isDestroyed: () => state.destroyed ?? false,
      isMinimized: () => state.minimized ?? false,
      restore: () => void calls.push('restore'),
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    };
  }

  it('restores a minimized window and brings it to the front', () => {
    const window = fakeWindow({ minimized: true });
    focusWindow(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing without a live window', () => {
    const gone = fakeWindow({ destroyed: true });
    focusWindow(gone);
    focusWindow(undefined);
    expect(gone.calls).toEqual([]);
  });
});

describe('createShutdown', () => {
  it('runs the steps in order, once, however often it is asked', async () => {
    const order: string[] = [];
    const shutdown = createShutdown([
      { name: 'cancel', run: () => void order.push('cancel') },
      { name: 'wait', run: async () => void order.push('wait') },
      { name: 'close', run: () => void order.push('close') },
    ]);
    const first = shutdown();
    const second = shutdown();
    expect(second).toBe(first);
    await first;
    await shutdown();
    expect(order).toEqual(['cancel', 'wait', 'close']);
  });

  it('goes on past a failing step and a stuck one, and says so', async () => {
    const log: string[] = [];
    const closed = vi.fn();
    const shutdown = createShutdown(
      [
        { name: 'failing', run: () => Promise.reject(new Error('boom')) },
        { name: 'stuck', run: () => new Promise(() => {}), timeoutMs: 20 },
        {
          name: 'throwing',
          run: () => {
            throw new Error('sync boom');
          },
        },
        { name: 'closing the database', run: closed },
      ],
      (message) => log.push(message),
    );
    await shutdown();
    expect(closed).toHaveBeenCalledOnce();
    expect(log).toEqual([
      'weft: shutdown: failing failed: boom',
      'weft: shutdown: stuck took more than 20 ms; going on',
      'weft: shutdown: throwing failed: sync boom',
    ]);
  });
});

describe('quitThroughShutdown', () => {
  class FakeApp extends EventEmitter {
    quits = 0;
    quit(): void {
      this.quits += 1;
      // Electron emits before-quit from quit(); a prevented one stops the quit.
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      this.emit('before-quit', event);
      if (!event.prevented) this.emit('quitting');
    }
  }

  it('holds the first quit until the shutdown is done, then quits', async () => {
    const app = new FakeApp();
    let finish: () => void = () => {};
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quitting = vi.fn();
    app.on('quitting', quitting);
    quitThroughShutdown(app, shutdown);

    app.quit();
    expect(shutdown).toHaveBeenCalledOnce();
    expect(quitting).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(quitting).toHaveBeenCalledOnce());
    expect(app.quits).toBe(2);
  });

  it('quits when the window is closed', () => {
    const app = new FakeApp();
    quitThroughShutdown(app, () => new Promise(() => {}));
    app.emit('window-all-closed');
    expect(app.quits).toBe(1);
  });
});
