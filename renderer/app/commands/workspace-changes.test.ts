import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../preload/contract.js';
import { debounce, listsConcerned, type LiveList, type ShownScope } from './workspace-changes.js';

const shown: ShownScope = { workspaceId: 'ws', workflowId: 'wf' };

function lists(event: ApiEvent, scope: ShownScope = shown): LiveList[] {
  return [...listsConcerned(event, scope)].sort();
}

describe('listsConcerned', () => {
  it('refreshes the workflow list (and the errors of deleted runs) when a workflow changed', () => {
    expect(lists({ type: 'workspaceChanged', workspaceId: 'ws', what: 'workflows', workflowId: 'other' })).toEqual([
      'errors',
      'workflows',
    ]);
  });

  it("refreshes the run history only for the open workflow's runs, the errors for any", () => {
    expect(lists({ type: 'workspaceChanged', workspaceId: 'ws', what: 'runs', workflowId: 'wf', runId: 'r' })).toEqual([
      'errors',
      'runs',
    ]);
    expect(lists({ type: 'workspaceChanged', workspaceId: 'ws', what: 'runs', workflowId: 'wf2', runId: 'r' })).toEqual([
      'errors',
    ]);
    // No workflow open: only the workspace-wide statistics.
    expect(
      lists({ type: 'workspaceChanged', workspaceId: 'ws', what: 'runs', workflowId: 'wf', runId: 'r' }, { workspaceId: 'ws', workflowId: null }),
    ).toEqual(['errors']);
  });

  it('reloads the workspace facts (names, node types) when the workspace changed', () => {
    expect(lists({ type: 'workspaceChanged', workspaceId: 'ws', what: 'workspace' })).toEqual(['workspace']);
  });

  it('ignores changes of another workspace, and run events', () => {
    expect(lists({ type: 'workspaceChanged', workspaceId: 'left', what: 'workflows' })).toEqual([]);
    expect(lists({ type: 'workspaceChanged', workspaceId: 'ws', what: 'workflows' }, { workspaceId: null, workflowId: null })).toEqual([]);
    expect(
      lists({ type: 'runEvent', runId: 'r', seq: 1, event: { type: 'runStarted', runId: 'r', at: 1, nodeIds: [] } }),
    ).toEqual([]);
  });
});

describe('debounce', () => {
  function fakeTimers() {
    let now = 0;
    const pending = new Map<number, { at: number; fn: () => void }>();
    let next = 1;
    return {
      set: (fn: () => void, ms: number) => {
        pending.set(next, { at: now + ms, fn });
        return next++;
      },
      clear: (handle: unknown) => void pending.delete(handle as number),
      advance(ms: number) {
        now += ms;
        for (const [id, t] of [...pending]) {
          if (t.at <= now) {
            pending.delete(id);
            t.fn();
          }
        }
      },
    };
  }

  it('runs once after a burst has been quiet for the delay', () => {
    const timers = fakeTimers();
    let runs = 0;
    const refresh = debounce(() => runs++, 300, timers);
    refresh();
    timers.advance(200);
    refresh();
    timers.advance(200);
    refresh();
    expect(runs).toBe(0);
    timers.advance(300);
    expect(runs).toBe(1);
    refresh();
    timers.advance(300);
    expect(runs).toBe(2);
  });

  it('drops a pending run when cancelled', () => {
    const timers = fakeTimers();
    let runs = 0;
    const refresh = debounce(() => runs++, 300, timers);
    refresh();
    refresh.cancel();
    timers.advance(1000);
    expect(runs).toBe(0);
  });
});
