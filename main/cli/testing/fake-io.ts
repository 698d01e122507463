import type { CliIo, FileInfo, OutStream } from '../io.js';

/** An output stream that keeps what was written. */
export interface FakeStream extends OutStream {
  text: string;
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;
}

function fakeStream(tty: boolean, columns: number, rows: number): FakeStream {
  return {
    text: '',
    isTTY: tty,
    columns: tty ? columns : undefined,
    rows: tty ? rows : undefined,
    write(text: string) {
      this.text += text;
    },
  };
}

export interface FakeIoOptions {
  /** Files by path; a string is its content, a number is a size (the content is never read). */
  readonly files?: Record<string, string | { size: number }>;
  readonly tty?: boolean;
  readonly columns?: number;
  readonly rows?: number;
  readonly env?: Record<string, string | undefined>;
  /** Paths whose files exist but cannot be read (EACCES). */
  readonly unreadable?: readonly string[];
  /** Paths that cannot be written (EACCES). */
  readonly unwritable?: readonly string[];
}

/** An io whose streams are strings, whose files are a map, and whose Ctrl-C is `interrupt()`. */
export interface FakeIo extends CliIo {
  readonly stdout: FakeStream;
  readonly stderr: FakeStream;
  /** Presses Ctrl-C. */
  interrupt(): void;
  /** How many Ctrl-C handlers are installed right now. */
  interruptHandlers(): number;
  /** Codes passed to `exit`. */
  readonly exits: number[];
  /** Files written with `writeFile`, by path (they can be read back too). */
  readonly written: Record<string, string>;
  /** Timers started with `every` and not yet stopped. */
  activeTimers(): number;
}

function errnoError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

export function createFakeIo(opts: FakeIoOptions = {}): FakeIo {
  const files: Record<string, string | { size: number }> = { ...opts.files };
  const written: Record<string, string> = {};
  const handlers = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const exits: number[] = [];
  const tty = opts.tty ?? false;
  return {
    stdout: fakeStream(tty, opts.columns ?? 100, opts.rows ?? 30),
    stderr: fakeStream(tty, opts.columns ?? 100, opts.rows ?? 30),
    env: opts.env ?? {},
    exits,
    written,
    readFile(path: string): Promise<string> {
      const f = files[path];
      if (f === undefined) return Promise.reject(errnoError('ENOENT', path));
      if (opts.unreadable?.includes(path)) return Promise.reject(errnoError('EACCES', path));
      if (typeof f !== 'string') return Promise.reject(new Error(`fake file ${path} has no content`));
      return Promise.resolve(f);
    },
    stat(path: string): Promise<FileInfo> {
      const f = files[path];
      if (f === undefined) return Promise.reject(errnoError('ENOENT', path));
      return Promise.resolve({ size: typeof f === 'string' ? Buffer.byteLength(f) : f.size, isFile: true });
    },
    writeFile(path: string, text: string): Promise<void> {
      if (opts.unwritable?.includes(path)) return Promise.reject(errnoError('EACCES', path));
      files[path] = text;
      written[path] = text;
      return Promise.resolve();
    },
    now: () => performance.timeOrigin + performance.now(),
    every(ms: number, fn: () => void) {
      const t = setInterval(fn, ms);
      timers.add(t);
      return () => {
        clearInterval(t);
        timers.delete(t);
      };
    },
    onInterrupt(handler: () => void) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    exit(code: number) {
      exits.push(code);
    },
    flush: () => Promise.resolve(),
    interrupt() {
      for (const h of [...handlers]) h();
    },
    interruptHandlers: () => handlers.size,
    activeTimers: () => timers.size,
  };
}
