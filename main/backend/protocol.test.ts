import { describe, expect, it } from 'vitest';
import {
  decodeBackendToMain,
  decodeMainToBackend,
  encode,
  isRunnerNews,
  isRunnerRequest,
} from './protocol.js';

describe('the backend protocol', () => {
  it.each([
    { t: 'start', config: { userDataDir: '/data' } },
    { t: 'open', conn: 1 },
    { t: 'call', conn: 1, id: 7, method: 'workspaces.list', input: { a: [1] } },
    { t: 'call', conn: 1, id: 8, method: 'workspaces.list' },
    { t: 'close', conn: 1 },
    { t: 'shutdown' },
    { t: 'runner.spawned', runner: 1, pid: 4242 },
    { t: 'runner.message', runner: 1, text: '{"id":1}' },
    { t: 'runner.exit', runner: 1, code: null, detail: '' },
    { t: 'runner.exit', runner: 1, code: 134, detail: 'Reached heap limit' },
  ])('carries %j from main to the backend', (message) => {
    expect(decodeMainToBackend(encode(message as never))).toEqual(message);
  });

  it.each([
    { t: 'ready' },
    { t: 'failed', error: { code: 'DATABASE_TOO_NEW', message: 'm' } },
    { t: 'reply', conn: 1, id: 7, response: { ok: true, result: [] } },
    { t: 'event', conn: 1, event: { type: 'runEvent', runId: 'r', seq: 1, event: {} } },
    { t: 'log', message: 'weft: hello' },
    { t: 'stopped' },
    { t: 'runner.spawn', runner: 2 },
    { t: 'runner.send', runner: 2, text: '{}' },
    { t: 'runner.kill', runner: 2 },
  ])('carries %j from the backend to main', (message) => {
    expect(decodeBackendToMain(encode(message as never))).toEqual(message);
  });

  it.each([
    ['not text', { t: 'shutdown' }],
    ['not JSON', '{t:'],
    ['an array', '[{"t":"shutdown"}]'],
    ['null', 'null'],
    ['an unknown type', '{"t":"format-disk"}'],
    ['an inherited type', '{"t":"toString"}'],
    ['a message of the other direction', '{"t":"ready"}'],
    ['a fractional connection', '{"t":"open","conn":1.5}'],
    ['a negative id', '{"t":"call","conn":1,"id":-1,"method":"m"}'],
    ['a method that is not a name', '{"t":"call","conn":1,"id":1,"method":7}'],
    ['runner output that is not text', '{"t":"runner.message","runner":1,"text":{"id":1}}'],
    ['a config that is not an object', '{"t":"start","config":"/data"}'],
  ])('refuses %s from main', (_what, text) => {
    expect(decodeMainToBackend(text)).toBeUndefined();
  });

  it('refuses a reply without a response, and messages of the other direction, from the backend', () => {
    expect(decodeBackendToMain('{"t":"reply","conn":1,"id":1}')).toBeUndefined();
    expect(decodeBackendToMain('{"t":"shutdown"}')).toBeUndefined();
    expect(decodeBackendToMain('{"t":"runner.kill","runner":"1"}')).toBeUndefined();
  });

  it('refuses to encode what JSON cannot carry', () => {
    expect(() => encode({ t: 'call', conn: 1, id: 1, method: 'm', input: 1n })).toThrow(TypeError);
  });

  it('tells runner traffic apart from the rest', () => {
    expect(isRunnerNews({ t: 'runner.exit', runner: 1, code: 0, detail: '' })).toBe(true);
    expect(isRunnerNews({ t: 'shutdown' })).toBe(false);
    expect(isRunnerRequest({ t: 'runner.spawn', runner: 1 })).toBe(true);
    expect(isRunnerRequest({ t: 'stopped' })).toBe(false);
  });
});
