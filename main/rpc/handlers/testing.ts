// Test harness: the real API over a temp store, with one connection whose pushed events are recorded.
import { expect } from 'vitest';
import type { ApiError, ApiEvent, ApiInput, ApiMethod, ApiResult } from '../../../preload/contract.js';
import { tempStore } from '../../db/testing/temp-store.js';
import { createApi, type Api, type ApiConnection } from '../api.js';

export interface Harness {
  readonly store: ReturnType<typeof tempStore>;
  readonly api: Api;
  readonly conn: ApiConnection;
  readonly events: ApiEvent[];
  /** Calls a method that must succeed and answers its result. */
  ok<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  /** Calls a method (input unchecked, as a transport would) that must fail and answers its error. */
  fail(method: string, input: unknown): Promise<ApiError>;
  /** Waits for every started run to be stored, then closes and removes the store. */
  dispose(): Promise<void>;
}

export function harness(): Harness {
  const store = tempStore();
  // Results must be plain data; an INTERNAL answer would show up as a failed `ok`, with the log here.
  const api = createApi({ store, checkResults: true, logger: { error: (m, e) => console.error(m, e) } });
  const events: ApiEvent[] = [];
  const conn = api.openConnection((e) => events.push(e));
  return {
    store,
    api,
    conn,
    events,
    async ok(method, input) {
      const r = await conn.call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.result as ApiResult<typeof method>;
    },
    async fail(method, input) {
      const r = await conn.call(method, input);
      expect(r.ok).toBe(false);
      if (r.ok) throw new Error(`${method} succeeded`);
      // Never a stack trace or an internal message in what a caller sees.
      expect(JSON.stringify(r.error)).not.toMatch(/\bat .*\.(ts|js):\d+/);
      return r.error;
    },
    async dispose() {
      conn.close();
      await api.runs.idle();
      store.dispose();
    },
  };
}

/** A workflow that waits `ms` between its start and its output, so a test can catch it mid-run. */
export function delayDoc(ms: number, name = 'Slow'): Record<string, unknown> {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'core.manual', params: { payload: { n: 1 } } },
      { id: 'wait', type: 'core.delay', params: { ms } },
      { id: 'result', type: 'core.output', params: { name: 'value' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'wait', targetPort: 'in' },
      { id: 'e2', source: 'wait', sourcePort: 'out', target: 'result', targetPort: 'in' },
    ],
  };
}

/** A workflow whose one node fails with `message`. */
export function failingDoc(message = 'broken'): Record<string, unknown> {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name: 'Failing',
    nodes: [{ id: 'stop', type: 'core.fail', params: { message } }],
    edges: [],
  };
}
