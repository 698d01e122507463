// The messages between the desktop app's main process and its backend process (process.ts), the one
// file both ends import. Every message is one JSON text (`encode`), as on the plugin runners' channel
// (runner/child-transport.mjs): a utility process's port would carry structured clones, and JSON keeps
// what crosses the boundary the same in Electron and in the plain-Node tests (a Date arrives as a
// string; a BigInt cannot be sent, and the sender finds out).
//
// main → backend: `start` once, first; then windows' connections (`open`, `call`, `close`), news of
// the plugin runners main started for the backend (`runner.*`), and `shutdown` last.
// backend → main: `ready` or `failed` (the answer to `start`), `reply` to each call, `event`s pushed to
// a connection, `log` lines, requests about runners (`runner.*`), and `stopped` (the answer to
// `shutdown`, after which the process exits 0).
//
// Runners are started by main because only Electron's main process can start utility processes, and
// `child_process.fork` needs ELECTRON_RUN_AS_NODE, which the packaged app's RunAsNode fuse turns off
// (fuses.ts). A runner's messages cross main as opaque text (`text`): main never parses plugin output.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';

/** What the backend process needs to open the backend: the body of `start`. */
export interface BackendConfig {
  /** The app's user-data folder: weft.db and the plugins folder are in it. */
  readonly userDataDir: string;
  /** Plugins copied into the plugins folder when this start creates it. */
  readonly bundledPluginsDir?: string;
  /** Development only: an Electron build of better-sqlite3 to load instead of the checkout's (dev-native.ts). */
  readonly sqliteBinary?: string;
  /** How long shutdown waits for cancelled runs to be recorded (default 5 s). */
  readonly runsTimeoutMs?: number;
}

/** Why the backend could not open (a database from a newer Weft, a folder it cannot write). */
export interface BackendFailure {
  readonly code: string;
  readonly message: string;
}

/** Main's news of a runner it started at the backend's request. */
export type RunnerNews =
  | { readonly t: 'runner.spawned'; readonly runner: number; readonly pid: number }
  | { readonly t: 'runner.message'; readonly runner: number; readonly text: string }
  | {
      readonly t: 'runner.exit';
      readonly runner: number;
      readonly code: number | null;
      readonly detail: string;
    };

/** The backend's requests about runners: start one, send it a message (JSON text), end it. */
export type RunnerRequest =
  | { readonly t: 'runner.spawn'; readonly runner: number }
  | { readonly t: 'runner.send'; readonly runner: number; readonly text: string }
  | { readonly t: 'runner.kill'; readonly runner: number };

export type MainToBackend =
  | { readonly t: 'start'; readonly config: BackendConfig }
  | { readonly t: 'open'; readonly conn: number }
  | {
      readonly t: 'call';
      readonly conn: number;
      readonly id: number;
      readonly method: string;
      readonly input?: unknown;
    }
  | { readonly t: 'close'; readonly conn: number }
  | { readonly t: 'shutdown' }
  | RunnerNews;

export type BackendToMain =
  | { readonly t: 'ready' }
  | { readonly t: 'failed'; readonly error: BackendFailure }
  | { readonly t: 'reply'; readonly conn: number; readonly id: number; readonly response: ApiResponse }
  | { readonly t: 'event'; readonly conn: number; readonly event: ApiEvent }
  | { readonly t: 'log'; readonly message: string }
  | { readonly t: 'stopped' }
  | RunnerRequest;

/** One message as the text that crosses the channel. Throws when the message cannot be JSON. */
export function encode(message: MainToBackend | BackendToMain): string {
  return JSON.stringify(message);
}

type FieldKind = 'id' | 'string' | 'object' | 'exit-code';
type Shapes = Readonly<Record<string, Readonly<Record<string, FieldKind>>>>;

const RUNNER_NEWS = {
  'runner.spawned': { runner: 'id', pid: 'id' },
  'runner.message': { runner: 'id', text: 'string' },
  'runner.exit': { runner: 'id', code: 'exit-code', detail: 'string' },
} as const satisfies Shapes;

const RUNNER_REQUESTS = {
  'runner.spawn': { runner: 'id' },
  'runner.send': { runner: 'id', text: 'string' },
  'runner.kill': { runner: 'id' },
} as const satisfies Shapes;

const TO_BACKEND: Shapes = {
  start: { config: 'object' },
  open: { conn: 'id' },
  call: { conn: 'id', id: 'id', method: 'string' },
  close: { conn: 'id' },
  shutdown: {},
  ...RUNNER_NEWS,
};

const TO_MAIN: Shapes = {
  ready: {},
  failed: { error: 'object' },
  reply: { conn: 'id', id: 'id', response: 'object' },
  event: { conn: 'id', event: 'object' },
  log: { message: 'string' },
  stopped: {},
  ...RUNNER_REQUESTS,
};

function fits(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'id':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'string':
      return typeof value === 'string';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'exit-code':
      return value === null || Number.isInteger(value);
  }
}

function decode(text: unknown, shapes: Shapes): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  const type = message.t;
  if (typeof type !== 'string' || !Object.hasOwn(shapes, type)) return undefined;
  const shape = shapes[type] ?? {};
  for (const [field, kind] of Object.entries(shape)) if (!fits(kind, message[field])) return undefined;
  return message;
}

/** A message from main, or undefined for anything that is not one (it is then ignored and logged). */
export function decodeMainToBackend(text: unknown): MainToBackend | undefined {
  return decode(text, TO_BACKEND) as MainToBackend | undefined;
}

/** A message from the backend, or undefined for anything that is not one. */
export function decodeBackendToMain(text: unknown): BackendToMain | undefined {
  return decode(text, TO_MAIN) as BackendToMain | undefined;
}

/** True for the runner requests main serves (runner-broker.ts). */
export function isRunnerRequest(message: BackendToMain): message is RunnerRequest {
  return Object.hasOwn(RUNNER_REQUESTS, message.t);
}

/** True for main's news of runners, which the backend's launcher takes (brokered-launcher.ts). */
export function isRunnerNews(message: MainToBackend): message is RunnerNews {
  return Object.hasOwn(RUNNER_NEWS, message.t);
}
