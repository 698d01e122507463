import { describe, expect, it, vi } from 'vitest';
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import { IPC_EVENT, IPC_INVOKE } from '../../preload/contract/ipc.js';
import { menuEvent } from '../../preload/contract/menu.js';
import type { ApiConnection } from '../rpc/api.js';
import {
  FORBIDDEN_RESPONSE,
  INTERNAL_RESPONSE,
  pushEvent,
  registerApiIpc,
  type IpcInvokeEvent,
} from './ipc.js';
import { createTrustedContents, type TrustedContents } from './sender.js';
import { FakeContents, FakeIpcMain } from './testing/fakes.js';
import { FOREIGN_SENDERS, ownWindow, trustedEvent } from './testing/senders.js';

interface Opened {
  readonly send: (event: ApiEvent) => void;
  readonly calls: Array<[string, unknown]>;
  closed: boolean;
}

function setup(answer: (method: string, input: unknown) => Promise<ApiResponse> = async () => success(null)) {
  const ipcMain = new FakeIpcMain();
  const trusted: TrustedContents = createTrustedContents();
  const opened: Opened[] = [];
  const log: string[] = [];
  const ipc = registerApiIpc({
    ipcMain,
    trusted,
    log: (message) => log.push(message),
    openConnection(send): ApiConnection {
      const record: Opened = { send, calls: [], closed: false };
      opened.push(record);
      return {
        call: (method, input) => {
          record.calls.push([method, input]);
          return answer(method, input);
        },
        close: () => void (record.closed = true),
      };
    },
  });
  const invoke = (event: IpcInvokeEvent, ...args: unknown[]) =>
    ipcMain.handlers.get(IPC_INVOKE)?.(event as never, ...args) as Promise<ApiResponse>;
  return { ipcMain, trusted, opened, log, ipc, invoke };
}

const event = (contents: FakeContents): IpcInvokeEvent => trustedEvent(contents);
const success = (result: unknown): ApiResponse => ({ ok: true, result }) as ApiResponse;

describe('the IPC handlers', () => {
  it('register the one invoke channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE]);
  });

  describe.each(FOREIGN_SENDERS.map((c) => [c.name, c] as const))('refuse %s', (_name, senderCase) => {
    it('on every channel, before reading the call', async () => {
      const { ipcMain, trusted, opened } = setup();
      for (const [channel, handler] of ipcMain.handlers) {
        const input = { workspaceId: 'ws_1', secret: 'must not echo' };
        const response = await handler(senderCase.make(trusted) as never, 'workspaces.list', input);
        expect(response, channel).toEqual(FORBIDDEN_RESPONSE);
        expect(JSON.stringify(response)).not.toContain('must not echo');
      }
      expect(opened).toEqual([]);
    });
  });

  it('pass a trusted call to the window’s connection and answer its response', async () => {
    const { trusted, opened, invoke } = setup(async (method) => success({ method }));
    const contents = ownWindow(trusted);
    expect(await invoke(event(contents), 'workspaces.list', {})).toEqual({
      ok: true,
      result: { method: 'workspaces.list' },
    });
    expect(await invoke(event(contents), 'workflows.list', { workspaceId: 'w' })).toEqual({
      ok: true,
      result: { method: 'workflows.list' },
    });
    expect(opened).toHaveLength(1);
    expect(opened[0]?.calls).toEqual([
      ['workspaces.list', {}],
      ['workflows.list', { workspaceId: 'w' }],
    ]);
  });

  it('give each window its own connection, and push its events to it alone', async () => {
    const { trusted, opened, invoke } = setup();
    const a = ownWindow(trusted);
    const b = ownWindow(trusted);
    await invoke(event(a), 'workspaces.list', {});
    await invoke(event(b), 'workspaces.list', {});
    expect(opened).toHaveLength(2);
    const runEvent = {
      type: 'runEvent',
      runId: 'r',
      seq: 1,
      event: { type: 'runStarted' },
    } as unknown as ApiEvent;
    opened[0]?.send(runEvent);
    expect(a.sent).toEqual([{ channel: IPC_EVENT, args: [runEvent] }]);
    expect(b.sent).toEqual([]);
  });

  it.each([
    ['reloads', (c: FakeContents) => c.emit('did-navigate')],
    ['crashes', (c: FakeContents) => c.emit('render-process-gone')],
    ['closes', (c: FakeContents) => c.destroy()],
  ])('close a window’s connection when its page %s', async (_what, end) => {
    const { trusted, opened, invoke } = setup();
    const contents = ownWindow(trusted);
    await invoke(event(contents), 'workspaces.list', {});
    end(contents);
    expect(opened[0]?.closed).toBe(true);
    if (!contents.destroyed) {
      await invoke(event(contents), 'workspaces.list', {});
      expect(opened).toHaveLength(2);
      expect(opened[1]?.closed).toBe(false);
    }
  });

  it('answer a method that is not a name without calling anything', async () => {
    const { trusted, opened, invoke } = setup();
    const response = await invoke(event(ownWindow(trusted)), { toString: () => 'workspaces.list' }, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(opened).toEqual([]);
  });

  it('answer INTERNAL, without the details, when a call throws', async () => {
    const { trusted, invoke, log } = setup(() =>
      Promise.reject(new Error('SQLITE_CORRUPT at /home/ada/.config/Weft/weft.db')),
    );
    const response = await invoke(event(ownWindow(trusted)), 'workspaces.list', {});
    expect(response).toEqual(INTERNAL_RESPONSE);
    expect(JSON.stringify(response)).not.toContain('SQLITE');
    expect(log.join('\n')).toContain('SQLITE_CORRUPT');
  });

  it('remove the handler and close every connection on close', async () => {
    const { ipcMain, trusted, opened, invoke, ipc } = setup();
    await invoke(event(ownWindow(trusted)), 'workspaces.list', {});
    ipc.close();
    expect(ipcMain.handlers.size).toBe(0);
    expect(opened[0]?.closed).toBe(true);
  });
});

describe('pushEvent', () => {
  it('sends on the event channel, menu commands included, and skips a destroyed window', () => {
    const contents = new FakeContents();
    pushEvent(contents, menuEvent({ command: 'save' }));
    expect(contents.sent).toEqual([{ channel: IPC_EVENT, args: [{ type: 'menuCommand', command: 'save' }] }]);
    contents.destroyed = true;
    const send = vi.spyOn(contents, 'send');
    pushEvent(contents, menuEvent({ command: 'run' }));
    expect(send).not.toHaveBeenCalled();
  });
});
